import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { doubleToDyadic } from "../numerics/dyadic.ts";
import { compareAnswer, distanceToEnclosure, distanceToRational, GRID_BITS, gridEnds, isWithin, toGrid } from "./exact-distance.ts";
import { DECIMAL_PLACES, EXPONENT_CLAMP, HUGE_PLACE, readDecimal, readNumeric, type NumericAnswer } from "./numeric-answer.ts";

const ends = (lo: number, hi: number) => ({ lo: doubleToDyadic(lo), hi: doubleToDyadic(hi) });
const read = (v: unknown): NumericAnswer => readNumeric(v)!;

/** The exact decimal expansion of a double (every double has a finite one). */
function exactDecimal(x: number): string {
  const { m, e } = doubleToDyadic(x);
  if (e >= 0) return (m << BigInt(e)).toString();
  const digits = (m < 0n ? -m : m) * 5n ** BigInt(-e); // x = digits / 10^-e
  const text = digits.toString().padStart(-e + 1, "0");
  return `${m < 0n ? "-" : ""}${text.slice(0, text.length + e)}.${text.slice(text.length + e)}`;
}

const finite = (num: bigint, scale: number, inexact = false, sign = 1) => ({ sign, huge: false, num, scale, inexact });

describe("readDecimal", () => {
  test("plain decimals, signs, points and exponents", () => {
    expect(readDecimal("0.25")).toEqual(finite(25n, 2));
    expect(readDecimal("-1.5e-30")).toEqual(finite(15n, 31, false, -1));
    expect(readDecimal("12e3")).toEqual(finite(12000n, 0));
    expect(readDecimal("+.5")).toEqual(finite(5n, 1));
    expect(readDecimal(".5")).toEqual(finite(5n, 1));
    expect(readDecimal("-.5")).toEqual(finite(5n, 1, false, -1));
    expect(readDecimal(".125e1")).toEqual(finite(125n, 2)); // a leading point with several digits
    expect(readDecimal("5.")).toEqual(finite(5n, 0));
    expect(readDecimal(" 00012.3400e-2 ")).toEqual(finite(123400n, 6));
    expect(readDecimal("100")).toEqual(finite(100n, 0));
    expect(readDecimal("1E2")).toEqual(finite(100n, 0));
    expect(readDecimal("1.25e+1")).toEqual(finite(125n, 1));
    expect(readDecimal("0.001")).toEqual(finite(1n, 3));
  });

  test("zero in any spelling has sign 0", () => {
    for (const z of ["0", "-0", "+0.000", "0e999999999999", "-.0e-5", "000"]) expect(readDecimal(z)).toEqual(finite(0n, 0, false, 0));
  });

  test("digits below 10^-1200 are dropped, and only whether one of them is non-zero is kept", () => {
    expect(readDecimal("1e-1200")).toEqual(finite(1n, DECIMAL_PLACES));
    expect(readDecimal("1e-1201")).toEqual(finite(0n, DECIMAL_PLACES, true));
    expect(readDecimal("1.5e-1200")).toEqual(finite(1n, DECIMAL_PLACES, true)); // the first dropped digit is non-zero
    expect(readDecimal("-1.00000000001e-1195")).toEqual(finite(100000n, DECIMAL_PLACES, true, -1));
    expect(readDecimal("1.00000000000e-1195")).toEqual(finite(100000n, DECIMAL_PLACES));
    expect(readDecimal("123.45e-1201")).toEqual(finite(12n, DECIMAL_PLACES, true)); // a cut before the point
    expect(readDecimal(`1${"0".repeat(200)}e-1500`)).toEqual(finite(0n, DECIMAL_PLACES, true)); // every digit below
    // the answer: an entry of about 1e-100000, exactly as a subject with more than float64 precision wrote it
    expect(readDecimal("9.999990000010699694262233017830201133271e-100001")).toEqual(finite(0n, DECIMAL_PLACES, true));
    const long = `${"1".repeat(5)}.${"0".repeat(1300)}1`;
    expect(readDecimal(long)).toEqual(finite(11111n * 10n ** 1200n, DECIMAL_PLACES, true));
  });

  test("values at or beyond 10^400 are huge: above every point in play", () => {
    expect(readDecimal("1e400")).toEqual({ sign: 1, huge: true });
    expect(readDecimal("-0.001e403")).toEqual({ sign: -1, huge: true });
    expect(readDecimal("9.99e399")).toMatchObject({ huge: false, scale: 0 });
    expect(readDecimal("1e99999999999999999999999")).toEqual({ sign: 1, huge: true });
    expect(HUGE_PLACE).toBe(400);
  });

  test("exponents beyond any range are clamped, not parsed into giant integers", () => {
    expect(readDecimal("1e-99999999999999999999999")).toEqual(finite(0n, DECIMAL_PLACES, true));
    expect(EXPONENT_CLAMP).toBe(1e15);
  });

  test("not decimals", () => {
    for (const bad of ["", "NaN", "Infinity", "1/3", "0x10", "1e", "--1", "1.2.3", "e5", ".", "1e+-2", "+", "1 2"]) expect(readDecimal(bad), bad).toBeNull();
  });

  test("a decimal of ten million digits is read in bounded time and memory", () => {
    const digits = `0.${"1308120359411369591292018062337177104".repeat(270_271)}`; // 10,000,027 digits
    const started = performance.now();
    const value = readDecimal(digits) as { num: bigint; scale: number; inexact: boolean };
    expect(performance.now() - started).toBeLessThan(2000); // a few regular-expression passes and a 1200-digit bigint
    expect(value.inexact).toBe(true);
    expect(value.scale).toBe(DECIMAL_PLACES);
    expect(value.num.toString().length).toBe(DECIMAL_PLACES);
  });
});

describe("readNumeric", () => {
  test("finite numbers and decimal strings only", () => {
    expect(readNumeric(Number.NaN)).toBeNull();
    expect(readNumeric(Number.POSITIVE_INFINITY)).toBeNull();
    expect(readNumeric("NaN")).toBeNull();
    expect(readNumeric("1/3")).toBeNull();
    expect(readNumeric(null)).toBeNull();
    expect(readNumeric([1])).toBeNull();
    expect(readNumeric(0.5)).toEqual({ kind: "double", value: 0.5 });
    expect(readNumeric("-1.5e-30")).toEqual({ kind: "decimal", value: finite(15n, 31, false, -1), text: "-1.5e-30" });
  });
});

describe("toGrid and gridEnds", () => {
  test("ends at or above the grid are kept", () => {
    const x = doubleToDyadic(0.1);
    expect(toGrid(x, true)).toBe(x);
    expect(toGrid({ m: 3n, e: -GRID_BITS }, false)).toEqual({ m: 3n, e: -GRID_BITS });
    expect(toGrid({ m: 0n, e: 0 }, true)).toEqual({ m: 0n, e: 0 });
  });

  test("finer ends are rounded outward to multiples of 2^-1200", () => {
    expect(toGrid({ m: 5n, e: -GRID_BITS - 1 }, false)).toEqual({ m: 2n, e: -GRID_BITS });
    expect(toGrid({ m: 5n, e: -GRID_BITS - 1 }, true)).toEqual({ m: 3n, e: -GRID_BITS });
    expect(toGrid({ m: 4n, e: -GRID_BITS - 1 }, true)).toEqual({ m: 2n, e: -GRID_BITS });
    expect(toGrid({ m: -5n, e: -GRID_BITS - 1 }, false)).toEqual({ m: -3n, e: -GRID_BITS });
    expect(toGrid({ m: -5n, e: -GRID_BITS - 1 }, true)).toEqual({ m: -2n, e: -GRID_BITS });
    // far below one grid step, at any exponent (no giant shift)
    expect(toGrid({ m: 7n, e: -1_000_000_000 }, false)).toEqual({ m: 0n, e: -GRID_BITS });
    expect(toGrid({ m: 7n, e: -1_000_000_000 }, true)).toEqual({ m: 1n, e: -GRID_BITS });
    expect(toGrid({ m: -7n, e: -1_000_000_000 }, false)).toEqual({ m: -1n, e: -GRID_BITS });
    expect(toGrid({ m: -7n, e: -1_000_000_000 }, true)).toEqual({ m: 0n, e: -GRID_BITS });
    // at any exponent, even beyond what a bigint shift can take
    expect(toGrid({ m: 7n, e: -(2 ** 31) }, true)).toEqual({ m: 1n, e: -GRID_BITS });
    // the bits dropped decide the ceiling: 10 = 0b1010 over 4 drops 0b10
    expect(toGrid({ m: 10n, e: -GRID_BITS - 2 }, true)).toEqual({ m: 3n, e: -GRID_BITS });
    expect(toGrid({ m: 12n, e: -GRID_BITS - 2 }, true)).toEqual({ m: 3n, e: -GRID_BITS });
    expect(toGrid({ m: 12n, e: -GRID_BITS - 2 }, false)).toEqual({ m: 3n, e: -GRID_BITS });
    // exactly one bit short of the shift
    expect(toGrid({ m: 1n, e: -GRID_BITS - 1 }, true)).toEqual({ m: 1n, e: -GRID_BITS });
    expect(toGrid({ m: 2n, e: -GRID_BITS - 1 }, false)).toEqual({ m: 1n, e: -GRID_BITS });
    expect(gridEnds({ lo: { m: 5n, e: -GRID_BITS - 1 }, hi: { m: 5n, e: -GRID_BITS - 1 } })).toEqual({ lo: { m: 2n, e: -GRID_BITS }, hi: { m: 3n, e: -GRID_BITS } });
  });
});

describe("distanceToEnclosure and isWithin", () => {
  test("0 inside the enclosure, including its ends", () => {
    expect(distanceToEnclosure(read(0.5), ends(0.25, 0.75))).toBe(0);
    expect(distanceToEnclosure(read(0.25), ends(0.25, 0.75))).toBe(0);
    expect(distanceToEnclosure(read(0.75), ends(0.25, 0.75))).toBe(0);
    expect(distanceToEnclosure(read(0), ends(0, 0))).toBe(0);
    expect(distanceToEnclosure(read("0.5"), ends(0.25, 0.75))).toBe(0);
  });

  test("the distance to the nearer end outside, exact", () => {
    expect(distanceToEnclosure(read(1), ends(0.25, 0.75))).toBe(0.25);
    expect(distanceToEnclosure(read(0.125), ends(0.25, 0.75))).toBe(0.125);
    expect(distanceToEnclosure(read(1 + 2 ** -52), ends(1, 1))).toBe(2 ** -52);
    expect(distanceToEnclosure(read(-1), ends(0.25, 0.75))).toBe(1.25);
    // a subject returning 0 for an exact value far below the double range
    expect(distanceToEnclosure(read(0), { lo: { m: 1n, e: -5000 }, hi: { m: 1n, e: -5000 } })).toBe(0);
  });

  test("decimal strings are read exactly, not rounded to a double first", () => {
    // 0.1 is not a double: "0.1" lies strictly between the doubles around it.
    const below = 0.1 - 2 ** -56;
    expect(distanceToEnclosure(read("0.1"), ends(below, 0.1))).toBe(0);
    const d = distanceToEnclosure(read("0.1"), ends(0.1, 0.1));
    expect(d).toBeGreaterThan(0);
    expect(d).toBeLessThan(2 ** -56);
    expect(distanceToEnclosure(read("1e-400"), ends(0, 0))).toBe(0); // 1e-400 rounds to 0 as a double; its distance too
    expect(distanceToEnclosure(read("2"), ends(0.5, 1))).toBe(1);
    expect(distanceToEnclosure(read("-2"), ends(0.5, 1))).toBe(2.5);
    expect(distanceToEnclosure(read("1e500"), ends(0.5, 1))).toBe(Number.POSITIVE_INFINITY);
    expect(distanceToEnclosure(read("-1e500"), ends(0.5, 1))).toBe(Number.POSITIVE_INFINITY);
  });

  test("within a bound: the boundary itself is in, the next representable value out (doubles)", () => {
    const e = ends(1, 1);
    const tol = 2 ** -50;
    expect(isWithin(read(1 + 2 ** -50), e, tol)).toBe(true);
    expect(isWithin(read(1 + 2 ** -50 + 2 ** -52), e, tol)).toBe(false);
    expect(isWithin(read(1 - 2 ** -50), e, tol)).toBe(true);
    expect(isWithin(read(1 - 2 ** -50 - 2 ** -53), e, tol)).toBe(false);
    expect(isWithin(read(1), e, 0)).toBe(true);
    expect(isWithin(read(1 + 2 ** -52), e, 0)).toBe(false);
  });

  test("within a bound: decimal strings at the boundary, one unit in the last place either side", () => {
    const e = ends(0.25, 0.5);
    const tol = 2 ** -40;
    const edge = exactDecimal(0.5 + tol); // exactly hi + tol
    expect(isWithin(read(edge), e, tol)).toBe(true);
    expect(isWithin(read(`${edge}000000000000001`), e, tol)).toBe(false);
    expect(isWithin(read(`${edge}${"0".repeat(2000)}1`), e, tol)).toBe(false); // the non-zero digit is far below 10^-1200
    expect(isWithin(read(`${edge}${"0".repeat(2000)}`), e, tol)).toBe(true);
    const low = exactDecimal(0.25 - tol);
    expect(isWithin(read(low), e, tol)).toBe(true);
    expect(isWithin(read(`${low}${"0".repeat(3000)}1`), e, tol)).toBe(true); // above lo - tol
    expect(isWithin(read(exactDecimal(0.25 - tol - 2 ** -54)), e, tol)).toBe(false);
  });

  test("bounds and ends of any binary exponents add exactly", () => {
    const bound = 3 * 2 ** -52; // an odd mantissa far below the ends' exponent
    expect(isWithin(read(0.75 + bound), ends(0.25, 0.75), bound)).toBe(true);
    expect(isWithin(read(0.75 + bound + 2 ** -53), ends(0.25, 0.75), bound)).toBe(false);
    expect(isWithin(read(0.25 - bound), ends(0.25, 0.75), bound)).toBe(true);
    expect(isWithin(read(0.25 - bound - 2 ** -54), ends(0.25, 0.75), bound)).toBe(false);
    expect(isWithin(read(exactDecimal(0.75 + bound)), ends(0.25, 0.75), bound)).toBe(true);
  });

  test("compareAnswer: signs, huge decimals, cut decimals against grid points", () => {
    const two = doubleToDyadic(2);
    expect(compareAnswer(read("1e500"), two)).toBe(1);
    expect(compareAnswer(read("-1e500"), two)).toBe(-1);
    expect(compareAnswer(read("-1e500"), doubleToDyadic(-2))).toBe(-1);
    expect(compareAnswer(read("0"), doubleToDyadic(0))).toBe(0);
    expect(compareAnswer(read("0"), two)).toBe(-1);
    expect(compareAnswer(read("-0.5"), doubleToDyadic(0))).toBe(-1);
    expect(compareAnswer(read("0.5"), doubleToDyadic(-1))).toBe(1);
    expect(compareAnswer(read("2"), two)).toBe(0);
    expect(compareAnswer(read("-2"), doubleToDyadic(-2))).toBe(0);
    expect(compareAnswer(read("-2.5"), doubleToDyadic(-2))).toBe(-1);
    expect(compareAnswer(read("-1.5"), doubleToDyadic(-2))).toBe(1);
    // cut decimals: just above, at and below a grid point (2^-1200 = 10^-1200 * 5^1200 / 2^... is a multiple of 10^-1200)
    const g = { m: 1n, e: -GRID_BITS }; // 2^-1200, about 5.8e-362
    const exact = (5n ** 1200n).toString(); // 2^-1200 = 5^1200 / 10^1200
    const at = `0.${"0".repeat(DECIMAL_PLACES - exact.length)}${exact}`;
    expect(compareAnswer(read(at), g)).toBe(0);
    expect(compareAnswer(read(`${at}${"0".repeat(50)}1`), g)).toBe(1);
    const below = `0.${"0".repeat(DECIMAL_PLACES - exact.length)}${(5n ** 1200n - 1n).toString()}9`;
    expect(compareAnswer(read(below), g)).toBe(-1);
    expect(compareAnswer(read(`-${below}`), { m: -1n, e: -GRID_BITS })).toBe(1);
    expect(compareAnswer(read(1), two)).toBe(-1);
    expect(compareAnswer(read(3), two)).toBe(1);
    expect(compareAnswer(read(2), two)).toBe(0);
  });

  test("a NaN bound admits nothing, an infinite one everything, a negative one counts as 0", () => {
    expect(isWithin(read(0.5), ends(0.5, 0.5), Number.NaN)).toBe(false);
    expect(isWithin(read(1e300), ends(0.5, 0.5), Number.POSITIVE_INFINITY)).toBe(true);
    expect(isWithin(read(0.5), ends(0.5, 0.5), -1)).toBe(true);
    expect(isWithin(read(0.75), ends(0.5, 0.5), -1)).toBe(false);
  });

  test("an exact value far below the double range, answered as a decimal of the same size or as 0, passes the floor", () => {
    const tiny = { lo: { m: 9_999_990_000_010_699n, e: -332_250 }, hi: { m: 9_999_990_000_010_700n, e: -332_250 } }; // about 1e-100000
    const floor = 64 * 2 ** -1074;
    expect(isWithin(read("9.999990000010699694262233017830201133271e-100001"), tiny, floor)).toBe(true);
    expect(isWithin(read(0), tiny, floor)).toBe(true);
    expect(isWithin(read("1e-300"), tiny, floor)).toBe(false);
    expect(distanceToEnclosure(read("1e-300"), tiny)).toBeCloseTo(1e-300, 310);
  });

  test("decimal strings and doubles agree, for the exact decimal expansion of any double", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }), (x, a, t) => {
        const [lo, hi] = a <= 0.5 ? [a, 0.5] : [0.5, a];
        const e = ends(lo, hi);
        const asDecimal = read(exactDecimal(x));
        expect(isWithin(asDecimal, e, t)).toBe(isWithin(read(x), e, t));
        expect(compareAnswer(asDecimal, doubleToDyadic(lo))).toBe(compareAnswer(read(x), doubleToDyadic(lo)));
        expect(distanceToEnclosure(asDecimal, e)).toBe(distanceToEnclosure(read(x), e));
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  test("distanceToRational: an answer against an exact reference value", () => {
    expect(distanceToRational(read(0.5), { num: 1n, den: 4n })).toBe(0.25);
    expect(distanceToRational(read("0.1"), { num: 1n, den: 10n })).toBe(0);
    expect(distanceToRational(read("-0.1"), { num: 1n, den: 10n })).toBe(0.2);
    expect(distanceToRational(read("1e999"), { num: 1n, den: 10n })).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("toGrid: any representation of a value", () => {
  test("a zero written with a fine exponent rounds down to zero, not to -1 grid step", () => {
    const zero = toGrid({ m: 0n, e: -GRID_BITS - 10 }, false);
    expect(zero.m).toBe(0n);
    expect(zero.e).toBe(-GRID_BITS);
  });
});

describe("readDecimal: forms the protocol's decimal strings may take", () => {
  test("a leading point with several digits", () => {
    expect(readDecimal(".25")).toEqual(readDecimal("0.25"));
    expect(readDecimal(".25")).not.toBeNull();
  });

  test("leading zeros do not make a value huge: its place is that of its first non-zero digit", () => {
    // 0.001e401 = 1e398, below the huge place 1e400
    expect(readDecimal(`0.001e${HUGE_PLACE + 1}`)).toMatchObject({ sign: 1, huge: false });
    expect(readDecimal(`0.001e${HUGE_PLACE + 3}`)).toEqual({ sign: 1, huge: true });
  });
});
