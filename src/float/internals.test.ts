import { describe, expect, test } from "vitest";
import { ascendingOrder } from "./radix-order.ts";
import { rewardLevels } from "./reward-levels.ts";
import {
  SERIES_NX_MAX,
  SERIES_X_MAX,
  expm1Ratio,
  log1pRatio,
  logExpm1Ratio,
  logLog1pRatio,
} from "./series.ts";
import { U, relErr } from "./test-helpers.ts";

describe("series (checked against Math.log1p / Math.expm1 where those are accurate)", () => {
  test("x-series at and below SERIES_X_MAX", () => {
    for (const x of [SERIES_X_MAX, SERIES_X_MAX / 3, 1e-5, 1e-9]) {
      const direct = -Math.log1p(-x) / x;
      expect(relErr(log1pRatio(x), direct)).toBeLessThan(4 * U);
      expect(Math.abs(logLog1pRatio(x) - Math.log(direct))).toBeLessThan(4 * U);
    }
    expect(log1pRatio(0)).toBe(1);
    expect(logLog1pRatio(0)).toBe(0);
  });
  test("y-series on |y| <= SERIES_NX_MAX (1 + 2^-10)", () => {
    const yMax = SERIES_NX_MAX * (1 + 2 ** -10);
    for (const y of [-yMax, -yMax / 2, -1e-4, -1e-12, 1e-3, yMax]) {
      const direct = Math.expm1(y) / y;
      expect(relErr(expm1Ratio(y), direct)).toBeLessThan(4 * U);
      expect(Math.abs(logExpm1Ratio(y) - Math.log(direct))).toBeLessThan(4 * U);
    }
    expect(expm1Ratio(0)).toBe(1);
    expect(logExpm1Ratio(0)).toBe(0);
  });
});

describe("radix ascending order", () => {
  test("sorts like a comparison sort, stably, with -0 tied to +0", () => {
    const values = [3, -1, 0, -0, 1e-300, -1e-300, 5e-324, -5e-324, 1e308, -1e308, 3, 2.5, -2.5, 0.1, 0.1];
    const { order } = ascendingOrder(Float64Array.from(values));
    const want = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
    expect(Array.from(order)).toEqual(want);
  });
  test("random values", () => {
    let seed = 12345;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
    const values = Array.from({ length: 5000 }, () => next() * 10 ** Math.floor(next() * 20));
    const { order } = ascendingOrder(Float64Array.from(values));
    let sorted = true;
    for (let j = 1; j < order.length; j++) if (values[order[j]!]! < values[order[j - 1]!]!) sorted = false;
    expect(sorted).toBe(true);
    expect(new Set(order).size).toBe(values.length);
  });
});

describe("reward levels", () => {
  test("groups ties, orders levels, sums masses", () => {
    const w = Float64Array.from([0.1, 0.2, 0.3, 0.4]);
    const { mass, levelOf } = rewardLevels(w, Float64Array.from([2, -1, 2, 0]));
    expect(Array.from(levelOf)).toEqual([2, 0, 2, 1]);
    expect(Array.from(mass)).toEqual([0.2, 0.4, 0.1 + 0.3]);
  });
  test("already sorted rewards take the linear path", () => {
    const { mass, levelOf } = rewardLevels(Float64Array.from([0.25, 0.25, 0.5]), Float64Array.from([1, 1, 2]));
    expect(Array.from(levelOf)).toEqual([0, 0, 1]);
    expect(Array.from(mass)).toEqual([0.5, 0.5]);
  });
});
