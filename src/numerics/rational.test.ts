/**
 * Exact rationals from doubles and decimal strings, checked against values derived by hand (powers of two and ten),
 * and the small helpers on rationals.
 */
import { describe, expect, test } from "vitest";
import {
  MAX_DECIMAL_EXPONENT,
  addRational,
  compareRational,
  gcd,
  rationalFromDecimal,
  rationalFromDouble,
  rationalFromString,
  rationalToNumber,
  reduce,
  approxQuotient,
  pow5,
  scaleUp,
  scaledFromDecimal,
  scaledFromDouble,
  sumScaled,
} from "./rational.ts";

describe("rationalFromDouble", () => {
  test("dyadic values in lowest terms (the denominator is the smallest power of two)", () => {
    expect(rationalFromDouble(0.5)).toEqual({ num: 1n, den: 2n });
    expect(rationalFromDouble(-0.375)).toEqual({ num: -3n, den: 8n });
    expect(rationalFromDouble(0.1)).toEqual({ num: 3602879701896397n, den: 2n ** 55n });
    expect(rationalFromDouble(1.5)).toEqual({ num: 3n, den: 2n });
  });
  test("integers, including ones with more trailing zero bits than the exponent shift", () => {
    expect(rationalFromDouble(1)).toEqual({ num: 1n, den: 1n });
    expect(rationalFromDouble(4)).toEqual({ num: 4n, den: 1n });
    expect(rationalFromDouble(-6)).toEqual({ num: -6n, den: 1n });
    expect(rationalFromDouble(2 ** 52 + 1)).toEqual({ num: 2n ** 52n + 1n, den: 1n }); // exponent exactly 0
    expect(rationalFromDouble(2 ** 60)).toEqual({ num: 2n ** 60n, den: 1n });
    expect(rationalFromDouble(1e300)).toEqual({ num: BigInt(1e300), den: 1n }); // BigInt(x) is the exact integer value of a double
  });
  test("zero and subnormals", () => {
    expect(rationalFromDouble(0)).toEqual({ num: 0n, den: 1n });
    expect(rationalFromDouble(-0)).toEqual({ num: 0n, den: 1n });
    expect(rationalFromDouble(5e-324)).toEqual({ num: 1n, den: 2n ** 1074n });
    expect(rationalFromDouble(3 * 5e-324)).toEqual({ num: 3n, den: 2n ** 1074n });
    expect(rationalFromDouble(2 ** -1022)).toEqual({ num: 1n, den: 2n ** 1022n }); // smallest normal
    expect(rationalFromDouble(2 ** -1023)).toEqual({ num: 1n, den: 2n ** 1023n }); // largest-exponent subnormal
  });
  test("non-finite values are refused", () => {
    expect(() => rationalFromDouble(Number.NaN)).toThrow(/^not a finite number: NaN$/);
    expect(() => rationalFromDouble(Number.NEGATIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("rationalFromDecimal", () => {
  test("signs, fractions, exponents", () => {
    expect(rationalFromDecimal("12")).toEqual({ num: 12n, den: 1n });
    expect(rationalFromDecimal("-1.5")).toEqual({ num: -15n, den: 10n });
    expect(rationalFromDecimal("+2.25")).toEqual({ num: 225n, den: 100n });
    expect(rationalFromDecimal("+7")).toEqual({ num: 7n, den: 1n });
    expect(rationalFromDecimal(".25")).toEqual({ num: 25n, den: 100n });
    expect(rationalFromDecimal("-.5")).toEqual({ num: -5n, den: 10n });
    expect(rationalFromDecimal("5.")).toEqual({ num: 5n, den: 1n });
    expect(rationalFromDecimal("1e3")).toEqual({ num: 1000n, den: 1n });
    expect(rationalFromDecimal("2.5E+2")).toEqual({ num: 250n, den: 1n });
    expect(rationalFromDecimal("1e-30")).toEqual({ num: 1n, den: 10n ** 30n });
    expect(rationalFromDecimal("123.456e-2")).toEqual({ num: 123456n, den: 10n ** 5n });
    expect(rationalFromDecimal("-0")).toEqual({ num: 0n, den: 1n });
  });
  test("surrounding white space is ignored", () => {
    expect(rationalFromDecimal(" 0.5 ")).toEqual({ num: 5n, den: 10n });
    expect(rationalFromDecimal("\t42\n")).toEqual({ num: 42n, den: 1n });
  });
  test("not a decimal: null", () => {
    for (const s of ["", " ", "abc", "1.5abc", "x1", "1e", "e5", ".", "+", "-", "1 2", "--1", "+-1", "1e5.5", "0x10", "Infinity", "NaN", "1/2"]) {
      expect(rationalFromDecimal(s), s).toBeNull();
    }
  });
  test(`decimal exponents beyond ${MAX_DECIMAL_EXPONENT} are refused (no giant bigints), the limit itself is fine`, () => {
    expect(MAX_DECIMAL_EXPONENT).toBe(100_000);
    expect(rationalFromDecimal("1e100000")).toEqual({ num: 10n ** 100000n, den: 1n });
    expect(rationalFromDecimal("1e-100000")).toEqual({ num: 1n, den: 10n ** 100000n });
    for (const s of ["1e100001", "1e+100001", "1e-100001", "2.5E200000", "1e999999999"]) expect(rationalFromDecimal(s), s).toBeNull();
  });
  test("large powers of ten are exact across the blocks they are built from (1024 exponents per block)", () => {
    for (const k of [1023, 1024, 1025, 2047, 2048, 99_327, 99_328, 99_999]) {
      expect(rationalFromDecimal(`1e-${k}`), String(k)).toEqual({ num: 1n, den: 10n ** BigInt(k) });
      expect(rationalFromDecimal(`3e${k}`), String(k)).toEqual({ num: 3n * 10n ** BigInt(k), den: 1n });
    }
  });
});

describe("rationalFromString", () => {
  test("ratios of decimals, the sign carried by the numerator", () => {
    expect(rationalFromString("1/3")).toEqual({ num: 1n, den: 3n });
    expect(rationalFromString("1.5/2.5")).toEqual({ num: 150n, den: 250n });
    expect(rationalFromString("3/0.5")).toEqual({ num: 30n, den: 5n });
    expect(rationalFromString("1/-2")).toEqual({ num: -1n, den: 2n });
    expect(rationalFromString("-1/-2")).toEqual({ num: 1n, den: 2n });
    expect(rationalFromString("0.25")).toEqual({ num: 25n, den: 100n });
  });
  test("bad ratios: null", () => {
    for (const s of ["1/0", "1/0.0", "x/3", "3/x", "/3", "3/", "/", "1/2/3", "1e999999/2"]) expect(rationalFromString(s), s).toBeNull();
  });
});

describe("arithmetic helpers", () => {
  test("compareRational: exact, whatever the representation", () => {
    expect(compareRational({ num: 1n, den: 2n }, { num: 2n, den: 4n })).toBe(0);
    expect(compareRational({ num: 1n, den: 3n }, { num: 1n, den: 2n })).toBe(-1);
    expect(compareRational({ num: 2n, den: 3n }, { num: 1n, den: 2n })).toBe(1);
    expect(compareRational({ num: -1n, den: 2n }, { num: 0n, den: 1n })).toBe(-1);
  });
  test("addRational", () => {
    expect(addRational({ num: 1n, den: 4n }, { num: 2n, den: 4n })).toEqual({ num: 3n, den: 4n });
    expect(addRational({ num: 1n, den: 2n }, { num: 1n, den: 3n })).toEqual({ num: 5n, den: 6n });
    expect(addRational({ num: 1n, den: 2n }, { num: -1n, den: 3n })).toEqual({ num: 1n, den: 6n });
  });
  test("gcd and reduce", () => {
    expect(gcd(12n, 18n)).toBe(6n);
    expect(gcd(-12n, 18n)).toBe(6n);
    expect(gcd(12n, -18n)).toBe(6n);
    expect(gcd(7n, 0n)).toBe(7n);
    expect(gcd(0n, 5n)).toBe(5n);
    expect(reduce({ num: 6n, den: 8n })).toEqual({ num: 3n, den: 4n });
    expect(reduce({ num: -6n, den: 8n })).toEqual({ num: -3n, den: 4n });
    expect(reduce({ num: 3n, den: 4n })).toEqual({ num: 3n, den: 4n });
    expect(reduce({ num: 0n, den: 5n })).toEqual({ num: 0n, den: 1n });
  });
});

describe("rationalToNumber: the nearest double", () => {
  test("ordinary values", () => {
    expect(rationalToNumber({ num: 0n, den: 7n })).toBe(0);
    expect(rationalToNumber({ num: 1n, den: 3n })).toBe(1 / 3);
    expect(rationalToNumber({ num: -1n, den: 3n })).toBe(-1 / 3);
    expect(rationalToNumber({ num: 1n, den: 10n })).toBe(0.1);
    expect(rationalToNumber({ num: -7n, den: 2n })).toBe(-3.5);
    expect(rationalToNumber({ num: 22n, den: 7n })).toBe(22 / 7);
  });
  test("numerator or denominator far wider than a double", () => {
    expect(rationalToNumber({ num: 1n, den: 3n ** 40n })).toBe(1 / 3 ** 40);
    expect(rationalToNumber({ num: 10n ** 30n, den: 7n })).toBe(1e30 / 7);
    expect(rationalToNumber({ num: -(10n ** 30n), den: 7n })).toBe(-1e30 / 7);
    expect(rationalToNumber({ num: 2n ** 1023n, den: 1n })).toBe(2 ** 1023);
    expect(rationalToNumber({ num: 10n ** 400n, den: 1n })).toBe(Number.POSITIVE_INFINITY);
  });
  test("results below the normal range (2^-k itself underflows)", () => {
    expect(rationalToNumber({ num: 1n, den: 2n ** 1074n })).toBe(5e-324);
    expect(rationalToNumber({ num: -3n, den: 2n ** 1074n })).toBe(-3 * 5e-324);
    expect(rationalToNumber({ num: 1n, den: 2n ** 1030n })).toBe(2 ** -1030);
  });
});

describe("rationalToNumber: no double rounding (a bug until the quotient got a sticky bit)", () => {
  // x = 1 + 2^-53 + 2^-73 lies just above the midpoint of 1 and 1 + 2^-52, so its nearest double is 1 + 2^-52. The
  // function used to truncate x to a 65-bit integer q (dropping the 2^-73), which was then exactly a midpoint, and
  // Number(q) rounded that tie to even: 1. Now q's last bit records the inexact division (rational-edges.test.ts).
  test("is the nearest double even when the truncated quotient is a tie", () => {
    expect(rationalToNumber({ num: 2n ** 73n + 2n ** 20n + 1n, den: 2n ** 73n })).toBe(1 + 2 ** -52);
  });
});

describe("denominators of known form 2^twos 5^fives", () => {
  test("pow5 and scaleUp: 5^k (large k through a block power) and num 2^twos 5^fives", () => {
    expect(pow5(0)).toBe(1n);
    expect(pow5(3)).toBe(125n);
    expect(pow5(1024)).toBe(5n ** 1024n);
    expect(pow5(2500)).toBe(5n ** 2500n);
    expect(pow5(2500)).toBe(5n ** 2500n); // the block power, remembered
    expect(scaleUp(3n, 0, 0)).toBe(3n);
    expect(scaleUp(3n, 2, 1)).toBe(60n);
    expect(scaleUp(-7n, 1, 3)).toBe(-1750n);
  });

  test("a decimal's denominator is 10^k; a double's is 2^k", () => {
    expect(scaledFromDecimal("0.125")).toEqual({ num: 125n, den: 1000n, twos: 3, fives: 3 });
    expect(scaledFromDecimal("12e3")).toEqual({ num: 12000n, den: 1n, twos: 0, fives: 0 });
    expect(scaledFromDecimal("42")).toEqual({ num: 42n, den: 1n, twos: 0, fives: 0 });
    expect(scaledFromDecimal("-2.5e-7")).toEqual({ num: -25n, den: 10n ** 8n, twos: 8, fives: 8 });
    expect(scaledFromDecimal("x")).toBeNull();
    expect(rationalFromDecimal("0.125")).toEqual({ num: 125n, den: 1000n }); // the plain face keeps its shape
    expect(scaledFromDouble(0.375)).toEqual({ num: 3n, den: 8n, twos: 3, fives: 0 });
    expect(scaledFromDouble(6)).toEqual({ num: 6n, den: 1n, twos: 0, fives: 0 });
    expect(scaledFromDouble(2 ** -1074)).toEqual({ num: 1n, den: 1n << 1074n, twos: 1074, fives: 0 });
  });

  test("sumScaled: over 2^max(twos) 5^max(fives), zero terms ignored", () => {
    // 1/8 + 3/10 + 7/1 = 297/40, written over 2^3 5^1 = 40
    expect(sumScaled([{ num: 1n, den: 8n, twos: 3, fives: 0 }, { num: 3n, den: 10n, twos: 1, fives: 1 }, { num: 7n, den: 1n, twos: 0, fives: 0 }])).toEqual({
      num: 297n,
      den: 40n,
      twos: 3,
      fives: 1,
    });
    expect(sumScaled([{ num: 0n, den: 10n ** 50n, twos: 50, fives: 50 }, { num: 1n, den: 2n, twos: 1, fives: 0 }])).toEqual({ num: 1n, den: 2n, twos: 1, fives: 0 });
    expect(sumScaled([])).toEqual({ num: 0n, den: 1n, twos: 0, fives: 0 });
  });

  test("approxQuotient: within a few ulps, also far outside the double range of either integer", () => {
    expect(approxQuotient(0n, 7n)).toBe(0);
    expect(approxQuotient(1n, 3n)).toBeCloseTo(1 / 3, 15);
    expect(approxQuotient(10n ** 400n, 3n * 10n ** 400n)).toBeCloseTo(1 / 3, 15);
    const tiny = approxQuotient(7n, 10n ** 320n); // 7e-320, a subnormal
    expect(Math.abs(tiny - 7e-320)).toBeLessThanOrEqual(2 * 2 ** -1074);
    expect(approxQuotient(1n, 10n ** 400n)).toBe(0); // underflows, as the exact quotient would
    const big = 2n ** 200n + 12345n;
    expect(approxQuotient(big, 2n ** 100n) / 2 ** 100).toBeCloseTo(1, 15);
  });
});
