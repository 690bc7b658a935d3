import { describe, expect, test } from "vitest";
import { useEpsSeries } from "./kl-estimate-upper.ts";
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

describe("x-series against exact sums (BigInt fixed point, 2^-400)", () => {
  const P = 400n;
  const ONE = 1n << P;
  /** A positive fixed-point value as a double (80 leading bits, then one rounding). */
  const toNumber = (v: bigint): number => {
    const drop = Math.max(0, v.toString(2).length - 80);
    return Number(v >> BigInt(drop)) * 2 ** (drop - Number(P));
  };
  test("log1pRatio and logLog1pRatio at x = c 2^-16 <= 2^-10, relative to their value", () => {
    for (const c of [64, 61, 57, 50, 45]) {
      // -log(1 - x)/x = sum_j x^j / (j + 1); its log = log1p(z) = sum_k (-1)^(k+1) z^k / k, z = that - 1 < 2^-10
      let ratio = 0n;
      for (let j = 0n; j < 40n; j++) ratio += (BigInt(c) ** j << (P - 16n * j)) / (j + 1n);
      const z = ratio - ONE;
      let logRatio = 0n;
      let zk = z;
      for (let k = 1n; k < 60n; k++) {
        logRatio += ((k % 2n === 1n ? 1n : -1n) * zk) / k;
        zk = (zk * z) >> P;
      }
      const x = c * 2 ** -16;
      // documented: rounding <= 2u relative, truncation <= x^6/7 relative (log1pRatio), <= 0.053 x^6 absolute (log)
      expect(relErr(log1pRatio(x), toNumber(ratio))).toBeLessThanOrEqual(2 * U + x ** 6 / 7);
      const want = toNumber(logRatio);
      expect(relErr(logLog1pRatio(x), want)).toBeLessThanOrEqual(2 * U + (0.053 * x ** 6) / want);
    }
  });

  test("log1pRatio at doubles with full 53-bit significands just below SERIES_X_MAX, where x^5 and x^6 matter most", () => {
    // x exactly as a bigint x 2^e; x^j in fixed point, 40 terms (tail < 2^-400).
    for (const x of [0.000976, 0.0009765, 0.00097, 0.0009, 2 ** -10 - 2 ** -63, 0.0005, 0.00031]) {
      expect(Number.isInteger(x * 2 ** 64), String(x)).toBe(true); // x >= 2^-12: x 2^64 is its exact integer significand
      const e = 1074;
      const m = BigInt(x * 2 ** 64) << BigInt(e - 64); // x 2^e exactly
      let ratio = 0n;
      let xj = ONE; // x^j in fixed point
      for (let j = 0n; j < 40n; j++) {
        ratio += xj / (j + 1n);
        xj = (xj * m) >> BigInt(e);
      }
      // documented: rounding <= 2u relative, truncation <= x^6/7 relative
      expect(relErr(log1pRatio(x), toNumber(ratio)), String(x)).toBeLessThanOrEqual(2 * U + x ** 6 / 7);
    }
  });
});

describe("series regime of the estimators (useEpsSeries): eps <= 2^-10 and n eps <= 2^-5, both ends included", () => {
  test("the documented boundary", () => {
    expect(useEpsSeries(2, SERIES_X_MAX)).toBe(true);
    expect(useEpsSeries(32, SERIES_X_MAX)).toBe(true); // n eps = 2^-5 exactly
    expect(useEpsSeries(33, SERIES_X_MAX)).toBe(false);
    expect(useEpsSeries(2, SERIES_X_MAX * (1 + 2 ** -52))).toBe(false);
    expect(useEpsSeries(2 ** 20, SERIES_NX_MAX / 2 ** 20)).toBe(true); // n eps = 2^-5 exactly, eps < 2^-10
    expect(useEpsSeries(2 ** 20, (SERIES_NX_MAX / 2 ** 20) * (1 + 2 ** -52))).toBe(false);
    expect(useEpsSeries(1e6, 0)).toBe(true);
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

describe("radix ascending order, radix path", () => {
  test("keys differing only in bit 32 (the digit that straddles the two 32-bit words)", () => {
    // 1 + 2^-20 has mantissa bit 32 set and no other bit below 52 differing from 1: only the third 11-bit digit
    // (bits 22 to 32) tells the two apart. 100 values take the radix path (more than 64).
    const values = Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? 1 + 2 ** -20 : 1));
    const { order } = ascendingOrder(Float64Array.from(values));
    const want = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
    expect(Array.from(order)).toEqual(want);
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
