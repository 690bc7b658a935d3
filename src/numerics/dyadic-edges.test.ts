// The edges of the dyadic helpers (zeros, infinities, signs, scaling far outside the double range, the negligible
// operand of a difference, square roots rounded each way), each against a value computed independently here: exact
// bigint arithmetic, or a double whose value is known.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  NEGATIVE_INFINITY,
  POSITIVE_INFINITY,
  bitLength,
  compareDyadic,
  doubleToDyadic,
  dyadicDifference,
  dyadicToDouble,
  integerSqrt,
  logOfDyadic,
  scaleByPowerOfTwo,
  sqrtDyadic,
  subtractDyadic,
  type Dyadic,
} from "./dyadic.ts";

/** m * 2^e == n * 2^f exactly. */
function sameValue(a: Dyadic, b: Dyadic): boolean {
  const e = Math.min(a.e, b.e);
  return a.m << BigInt(a.e - e) === b.m << BigInt(b.e - e);
}

const runs = { numRuns: 200, seed: 20261203 };
const mantissa = fc.bigInt({ min: -(2n ** 130n), max: 2n ** 130n });
const exponent = fc.integer({ min: -1200, max: 1200 });
const dyadic = fc.record({ m: mantissa, e: exponent });

describe("scaling by powers of two", () => {
  test("far outside the double range, in steps that neither overflow nor underflow early", () => {
    expect(scaleByPowerOfTwo(2 ** -1070, 2000)).toBe(2 ** 930); // 2^-1070 * 2^2000: no overflow on the way
    expect(scaleByPowerOfTwo(2 ** 1000, -2000)).toBe(2 ** -1000);
    expect(scaleByPowerOfTwo(1, 1000)).toBe(2 ** 1000); // exactly one step's worth
    expect(scaleByPowerOfTwo(1, 1001)).toBe(2 ** 1001);
    expect(scaleByPowerOfTwo(1, -1000)).toBe(2 ** -1000);
    expect(scaleByPowerOfTwo(1, -1001)).toBe(2 ** -1001);
    expect(scaleByPowerOfTwo(3, 5000)).toBe(Number.POSITIVE_INFINITY);
    expect(scaleByPowerOfTwo(-3, 5000)).toBe(Number.NEGATIVE_INFINITY);
    expect(scaleByPowerOfTwo(3, -5000)).toBe(0);
    expect(scaleByPowerOfTwo(0, 5000)).toBe(0);
  });
});

describe("dyadicToDouble and doubleToDyadic", () => {
  test("zero, infinities, and mantissas beyond 2^1024 of either sign", () => {
    expect(dyadicToDouble({ m: 0n, e: 77 })).toBe(0);
    expect(dyadicToDouble(POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(dyadicToDouble(NEGATIVE_INFINITY)).toBe(Number.NEGATIVE_INFINITY);
    expect(dyadicToDouble({ m: -(2n ** 3000n) - 1n, e: -2999 })).toBe(-2);
    expect(dyadicToDouble({ m: 3n * 2n ** 1100n, e: -1100 })).toBe(3);
  });

  test("every finite double converts exactly and back; 0 is {0, 0}; a non-finite number is refused", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const d = doubleToDyadic(x);
        expect(dyadicToDouble(d)).toBe(x === 0 ? 0 : x);
        // the double's own integer significand and exponent: |m| < 2^53, e in [-1074, 971]
        expect(d.m < 2n ** 53n && -d.m < 2n ** 53n && d.e >= -1074 && d.e <= 971).toBe(true);
      }),
      runs,
    );
    expect(doubleToDyadic(0)).toEqual({ m: 0n, e: 0 });
    expect(doubleToDyadic(-0)).toEqual({ m: 0n, e: 0 });
    expect(doubleToDyadic(0.5)).toEqual({ m: 2n ** 52n, e: -53 });
    expect(() => doubleToDyadic(Number.NaN)).toThrow(new RangeError("not a finite number: NaN"));
    expect(() => doubleToDyadic(Number.POSITIVE_INFINITY)).toThrow("not a finite number: Infinity");
  });
});

describe("differences", () => {
  test("equal the exact difference rounded once, also when one operand is negligible or zero", () => {
    fc.assert(
      fc.property(dyadic, dyadic, (a, b) => {
        expect(dyadicDifference(a, b)).toBe(dyadicToDouble(subtractDyadic(a, b)));
      }),
      runs,
    );
    // operands 100 to 140 bits apart: around the 120-bit shortcut
    fc.assert(
      fc.property(mantissa, mantissa, fc.integer({ min: 100, max: 140 }), fc.boolean(), (ma, mb, gap, flip) => {
        const a = { m: ma === 0n ? 1n : ma, e: 0 };
        const b = { m: mb === 0n ? 1n : mb, e: -gap - bitLength(mb) + bitLength(ma) };
        const [x, y] = flip ? [b, a] : [a, b];
        expect(dyadicDifference(x, y)).toBe(dyadicToDouble(subtractDyadic(x, y)));
      }),
      runs,
    );
    expect(dyadicDifference({ m: 0n, e: 0 }, { m: 3n, e: -1 })).toBe(-1.5);
    expect(dyadicDifference({ m: 3n, e: -1 }, { m: 0n, e: 5 })).toBe(1.5);
    expect(dyadicDifference({ m: 1n, e: -5000 }, { m: 1n, e: 0 })).toBe(-1);
    expect(dyadicDifference(POSITIVE_INFINITY, { m: 1n, e: 0 })).toBe(Number.POSITIVE_INFINITY);
    expect(dyadicDifference({ m: 1n, e: 0 }, POSITIVE_INFINITY)).toBe(Number.NEGATIVE_INFINITY);
    expect(dyadicDifference({ m: 1n, e: 0 }, NEGATIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });

  test("subtractDyadic is exact, and refuses an infinite end", () => {
    fc.assert(
      fc.property(dyadic, dyadic, (a, b) => {
        const d = subtractDyadic(a, b);
        // (a - b) - (-b) = a, exactly; and d agrees with a - b computed here on a common exponent
        expect(sameValue(subtractDyadic(d, { m: -b.m, e: b.e }), a)).toBe(true);
        const e = Math.min(a.e, b.e);
        expect(sameValue(d, { m: (a.m << BigInt(a.e - e)) - (b.m << BigInt(b.e - e)), e })).toBe(true);
      }),
      runs,
    );
    expect(subtractDyadic({ m: 0n, e: 0 }, { m: 5n, e: 3 })).toEqual({ m: -5n, e: 3 });
    expect(subtractDyadic({ m: 5n, e: 3 }, { m: 0n, e: -9 })).toEqual({ m: 5n, e: 3 });
    expect(() => subtractDyadic(POSITIVE_INFINITY, { m: 1n, e: 0 })).toThrow("subtract: infinite enclosure end");
    expect(() => subtractDyadic({ m: 1n, e: 0 }, NEGATIVE_INFINITY)).toThrow("subtract: infinite enclosure end");
  });
});

describe("logarithms", () => {
  test("of zero, negatives, infinity, and mantissas beyond 64 bits", () => {
    expect(logOfDyadic({ m: -1n, e: 0 })).toBeNaN();
    expect(logOfDyadic(POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(logOfDyadic({ m: 2n ** 200n, e: -200 })).toBe(0);
    expect(logOfDyadic({ m: 3n * 2n ** 100n, e: -100 })).toBeCloseTo(Math.log(3), 14);
  });
});

describe("square roots", () => {
  test("integerSqrt is floor(sqrt(n)): exhaustively to 2000, and at random up to 2^300", () => {
    for (let k = 0n; k <= 2000n; k++) {
      const r = integerSqrt(k);
      expect(r * r <= k && (r + 1n) * (r + 1n) > k, String(k)).toBe(true);
    }
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 300n }), (n) => {
        const r = integerSqrt(n);
        expect(r * r <= n && (r + 1n) * (r + 1n) > n).toBe(true);
      }),
      runs,
    );
    expect(() => integerSqrt(-1n)).toThrow(new RangeError("integerSqrt of a negative number"));
  });

  test("sqrtDyadic brackets the root from below and above with the bits asked, for odd and even exponents", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 2n ** 130n }), exponent, fc.integer({ min: 8, max: 200 }), (m, e, bits) => {
        const x = { m, e };
        const lo = sqrtDyadic(x, bits, false);
        const hi = sqrtDyadic(x, bits, true);
        // lo^2 <= x <= hi^2, exactly, and hi - lo is at most one unit in the last of >= bits bits
        expect(compareDyadic({ m: lo.m * lo.m, e: 2 * lo.e }, x)).toBeLessThanOrEqual(0);
        expect(compareDyadic({ m: hi.m * hi.m, e: 2 * hi.e }, x)).toBeGreaterThanOrEqual(0);
        expect(lo.e).toBe(hi.e);
        expect(hi.m - lo.m === 0n || hi.m - lo.m === 1n).toBe(true);
        expect(bitLength(lo.m)).toBeGreaterThanOrEqual(bits);
        // exact squares have an exact root, the same either way
        const square = { m: m * m, e: 2 * e };
        expect(sqrtDyadic(square, bits, true)).toEqual(sqrtDyadic(square, bits, false));
        expect(compareDyadic(sqrtDyadic(square, bits, false), { m, e })).toBe(0);
      }),
      runs,
    );
    expect(sqrtDyadic({ m: 0n, e: 5 }, 64, true)).toEqual({ m: 0n, e: 5 });
    const eighth = sqrtDyadic({ m: 1n, e: -3 }, 64, false); // sqrt(1/8) = 0.3535...: between 1/4 and 1/2
    expect([compareDyadic(eighth, { m: 1n, e: -2 }), compareDyadic(eighth, { m: 1n, e: -1 })]).toEqual([1, -1]);
    expect(() => sqrtDyadic({ m: -4n, e: 0 }, 64, false)).toThrow(new RangeError("sqrt of a negative number"));
    expect(() => sqrtDyadic(POSITIVE_INFINITY, 64, false)).toThrow("sqrt: infinite enclosure end");
  });
});
