// Corners of the dyadic helpers that dyadic-edges.test.ts leaves out: correct rounding of a mantissa with more bits
// than a double holds, differences of two infinities and of zeros (with the sign of an exact zero), a zero operand
// with a large exponent, logs of negative values, scaling by an infinite power of two, and square roots of odd
// exponents whose mantissa already has every bit asked for. Expected values are worked out by hand in the comments.
import { describe, expect, test } from "vitest";
import {
  NEGATIVE_INFINITY,
  POSITIVE_INFINITY,
  ZERO,
  dyadicDifference,
  dyadicToDouble,
  logOfDyadic,
  scaleByPowerOfTwo,
  sqrtDyadic,
  type Dyadic,
} from "./dyadic.ts";

/** The sign of d^2 - x, in exact bigint arithmetic. */
function compareSquareWith(d: Dyadic, x: Dyadic): number {
  const sq = { m: d.m * d.m, e: 2 * d.e };
  const e = Math.min(sq.e, x.e);
  const a = sq.m << BigInt(sq.e - e);
  const b = x.m << BigInt(x.e - e);
  return a > b ? 1 : a < b ? -1 : 0;
}

describe("dyadicToDouble rounds once", () => {
  test("a mantissa of more than 64 bits just above a halfway point rounds up, not to even", () => {
    // m = 2^80 + 2^27 + 1: the double's last place at 2^80 is 2^28, and m - 2^80 = 2^27 + 1 lies above half of it,
    // so the nearest double is 2^80 + 2^28. Truncating m to 64 bits first would leave an exact tie (2^80 + 2^27),
    // which rounds to the even 2^80.
    expect(dyadicToDouble({ m: 2n ** 80n + 2n ** 27n + 1n, e: 0 })).toBe(2 ** 80 + 2 ** 28);
    expect(dyadicToDouble({ m: -(2n ** 80n + 2n ** 27n + 1n), e: -100 })).toBe(-(2 ** -20 + 2 ** -72));
  });
});

describe("dyadicDifference", () => {
  test("of two infinities is the double difference: Infinity - (-Infinity) = Infinity, Infinity - Infinity = NaN", () => {
    expect(dyadicDifference(POSITIVE_INFINITY, NEGATIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(dyadicDifference(NEGATIVE_INFINITY, POSITIVE_INFINITY)).toBe(Number.NEGATIVE_INFINITY);
    expect(dyadicDifference(POSITIVE_INFINITY, POSITIVE_INFINITY)).toBeNaN();
  });

  test("0 - 0 is +0, as IEEE subtraction of equal values gives", () => {
    expect(Object.is(dyadicDifference(ZERO, ZERO), 0)).toBe(true);
    expect(Object.is(dyadicDifference({ m: 0n, e: -40 }, { m: 0n, e: 900 }), 0)).toBe(true);
  });

  test("a zero minuend with a large exponent does not make the subtrahend negligible", () => {
    // a zero dyadic may carry any exponent (subtractDyadic(x, x) keeps x's): 0 * 2^500 - 1 = -1
    expect(dyadicDifference({ m: 0n, e: 500 }, { m: 1n, e: 0 })).toBe(-1);
    expect(dyadicDifference({ m: 0n, e: 500 }, { m: -3n, e: -1 })).toBe(1.5);
  });
});

describe("logOfDyadic", () => {
  test("is NaN for every negative value, -Infinity included", () => {
    expect(logOfDyadic(NEGATIVE_INFINITY)).toBeNaN();
    expect(logOfDyadic({ m: -1n, e: 0 })).toBeNaN();
  });
});

describe("scaleByPowerOfTwo by an infinite power", () => {
  test("x * 2^Infinity is an infinity of x's sign, x * 2^-Infinity a zero", () => {
    expect(scaleByPowerOfTwo(3, Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(scaleByPowerOfTwo(-3, Number.POSITIVE_INFINITY)).toBe(Number.NEGATIVE_INFINITY);
    expect(scaleByPowerOfTwo(3, Number.NEGATIVE_INFINITY)).toBe(0);
  });
});

describe("sqrtDyadic with an odd exponent and a mantissa already long enough", () => {
  test("rounds down below and up above the exact root, keeping every bit of the mantissa", () => {
    // x = 3 * 2^1 = 6, bits = 1: the mantissa 3 already has 2 * bits bits, and the odd exponent needs one more.
    // sqrt(6) = 2.449...: down gives 2, up gives 3.
    const six = { m: 3n, e: 1 };
    expect(dyadicToDouble(sqrtDyadic(six, 1, false))).toBe(2);
    expect(dyadicToDouble(sqrtDyadic(six, 1, true))).toBe(3);
    // x = (2^61 + 1) * 2^-61 (just above 1), bits = 30, odd exponent: the square of the lower end is at most x and
    // the square of the upper end at least x, exactly.
    for (const x of [six, { m: 2n ** 61n + 1n, e: -61 }, { m: 2n ** 70n - 1n, e: 7 }, { m: 5n, e: -3 }]) {
      for (const bits of [1, 2, 30]) {
        expect(compareSquareWith(sqrtDyadic(x, bits, false), x)).toBeLessThanOrEqual(0);
        expect(compareSquareWith(sqrtDyadic(x, bits, true), x)).toBeGreaterThanOrEqual(0);
      }
    }
  });
});
