import { describe, expect, it } from "vitest";
import { Enclosure, klEstimateVariance, type Dyadic } from "../oracle/index.ts";
import { integerSqrt, sqrtDyadic, subtractDyadic } from "./dyadic.ts";
import { differenceOf, sqrtOf } from "./enclosure-arithmetic.ts";

const d = (m: bigint, e: number): Dyadic => ({ m, e });
const value = (x: Dyadic) => Number(x.m) * 2 ** x.e;

describe("enclosure arithmetic", () => {
  it("integerSqrt is floor(sqrt(n))", () => {
    for (const n of [0n, 1n, 2n, 3n, 4n, 15n, 16n, 17n, 10n ** 40n, 10n ** 40n - 1n]) {
      const r = integerSqrt(n);
      expect(r * r <= n && (r + 1n) * (r + 1n) > n).toBe(true);
    }
  });

  it("sqrtDyadic brackets the square root, exactly for perfect squares", () => {
    expect(sqrtDyadic(d(9n, 4), 64, false)).toEqual(sqrtDyadic(d(9n, 4), 64, true)); // sqrt(144) = 12
    expect(value(sqrtDyadic(d(9n, 4), 64, true))).toBe(12);
    const lo = sqrtDyadic(d(2n, 0), 64, false);
    const hi = sqrtDyadic(d(2n, 0), 64, true);
    expect(value(lo)).toBeLessThanOrEqual(Math.SQRT2);
    expect(value(hi)).toBeGreaterThanOrEqual(Math.SQRT2);
    expect(value(hi) - value(lo)).toBeLessThan(1e-18);
    expect(value(sqrtDyadic(d(1n, -101), 64, true))).toBeCloseTo(Math.sqrt(2 ** -101), 40); // odd exponent
  });

  it("differenceOf is exact and outward", () => {
    expect(subtractDyadic(d(3n, 2), d(1n, -1))).toEqual({ m: 23n, e: -1 }); // 12 - 0.5 = 11.5
    const a = new Enclosure(d(1n, 0), d(2n, 0), 64);
    const b = new Enclosure(d(1n, -2), d(1n, -1), 64);
    const c = differenceOf(a, b);
    expect(value(c.lo)).toBe(0.5);
    expect(value(c.hi)).toBe(1.75);
  });

  it("sqrtOf a certified variance contains the sqrt of its midpoint, and clamps an enclosure of 0 at 0", () => {
    const v = klEstimateVariance({ p: ["0.2", "0.3", "0.5"], n: 16 }, { relative: 1e-20 });
    const s = sqrtOf(v);
    expect(s.loNumber).toBeLessThanOrEqual(Math.sqrt(v.mid));
    expect(s.hiNumber).toBeGreaterThanOrEqual(Math.sqrt(v.mid));
    const zero = sqrtOf(new Enclosure(d(-1n, -100), d(1n, -100), 64));
    expect(zero.lo.m).toBe(0n);
    expect(value(zero.hi)).toBeCloseTo(2 ** -50, 60);
  });
});
