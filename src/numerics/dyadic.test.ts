import { describe, expect, test } from "vitest";
import { bitLength, doubleToDyadic, dyadicDifference, dyadicToDouble, logOfDyadic, scaleByPowerOfTwo } from "./dyadic.ts";

describe("dyadic helpers", () => {
  test("bitLength", () => {
    expect([0n, 1n, 2n, 3n, 255n, 256n, -256n, 2n ** 200n].map(bitLength)).toEqual([0, 1, 2, 2, 8, 9, 9, 201]);
  });

  test("doubles round-trip exactly, subnormals included", () => {
    for (const x of [1, -1, 0.1, 1e-300, 5e-324, 2 ** -1022, 1.7976931348623157e308, -3.5]) {
      expect(dyadicToDouble(doubleToDyadic(x))).toBe(x);
    }
  });

  test("dyadicToDouble handles mantissas beyond 2^1024 and exponents beyond the double range", () => {
    expect(dyadicToDouble({ m: 2n ** 2000n, e: -2000 })).toBe(1);
    expect(dyadicToDouble({ m: 3n, e: -3000 })).toBe(0);
    expect(dyadicToDouble({ m: 1n, e: -1074 })).toBe(5e-324);
    expect(scaleByPowerOfTwo(1, -1100) * 2 ** 100).toBe(0);
    expect(scaleByPowerOfTwo(2 ** 500, -1500)).toBe(2 ** -1000);
  });

  test("differences are exact up to the final rounding", () => {
    const a = doubleToDyadic(1 + 2 ** -52);
    const b = doubleToDyadic(1);
    expect(dyadicDifference(a, b)).toBe(2 ** -52);
    expect(dyadicDifference(b, a)).toBe(-(2 ** -52));
    // 1 + 2^-200 - 1 = 2^-200: no cancellation error.
    expect(dyadicDifference({ m: 2n ** 200n + 1n, e: -200 }, { m: 1n, e: 0 })).toBe(2 ** -200);
    // a negligible operand
    expect(dyadicDifference({ m: 1n, e: 0 }, { m: 1n, e: -5000 })).toBe(1);
  });

  test("logOfDyadic is finite far below the double range", () => {
    expect(logOfDyadic({ m: 1n, e: -1_000_000 })).toBeCloseTo(-1_000_000 * Math.LN2, 6);
    expect(logOfDyadic({ m: 3n, e: 0 })).toBe(Math.log(3));
    expect(logOfDyadic({ m: 0n, e: 0 })).toBe(Number.NEGATIVE_INFINITY);
  });
});
