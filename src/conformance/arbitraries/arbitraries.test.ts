import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { epsValue, estimatorPoint, logEpsValue } from "./estimator-point.ts";
import { logUniformInteger, logUniformReal } from "./log-uniform.ts";
import { coarseness, rawReward, tieReward } from "./rewards.ts";
import { LARGE_FAMILIES, seededWeights } from "./seeded-weights.ts";
import { normalise, weight, weights } from "./weights.ts";

const sample = <T>(a: fc.Arbitrary<T>, n = 500): T[] => fc.sample(a, { seed: 3, numRuns: n });

describe("log-uniform draws", () => {
  test("integers in the box, both ends reached, log-uniform in between; a box of one is a constant", () => {
    const xs = sample(logUniformInteger(1, 1e6), 2000);
    expect(xs.every((x) => Number.isSafeInteger(x) && x >= 1 && x <= 1e6)).toBe(true);
    expect(xs).toContain(1);
    expect(xs).toContain(1e6);
    const below1e3 = xs.filter((x) => x < 1000).length / xs.length;
    expect(below1e3).toBeGreaterThan(0.35); // half the log-range, fewer the ends drawn by bias
    expect(below1e3).toBeLessThan(0.65);
    expect(sample(logUniformInteger(7, 7), 5)).toEqual([7, 7, 7, 7, 7]);
    const upper = sample(logUniformInteger(1000, 1_000_000), 2000);
    const belowMid = upper.filter((x) => x < 31_623).length / upper.length; // half the log-range of [1e3, 1e6]
    expect(belowMid).toBeGreaterThan(0.35);
    expect(belowMid).toBeLessThan(0.65);
    expect(upper.every((x) => x >= 1000 && x <= 1_000_000)).toBe(true);
    expect(sample(logUniformInteger(2, 3), 200).every((x) => x === 2 || x === 3)).toBe(true);
  });

  test("reals in the box; bad boxes refused", () => {
    const xs = sample(logUniformReal(1e-300, 1), 2000);
    expect(xs.every((x) => x >= 1e-300 && x <= 1)).toBe(true);
    expect(xs).toContain(1e-300);
    expect(xs).toContain(1);
    expect(xs.some((x) => x < 1e-150) && xs.some((x) => x > 1e-150)).toBe(true);
    expect(sample(logUniformReal(0.5, 0.5), 3)).toEqual([0.5, 0.5, 0.5]);
    expect(() => logUniformInteger(0, 5)).toThrow(RangeError);
    expect(() => logUniformInteger(5, 4)).toThrow("logUniformInteger: bad box [5, 4]");
    expect(() => logUniformInteger(1, 2 ** 53)).toThrow(RangeError);
    expect(() => logUniformInteger(1.5, 3)).toThrow(RangeError);
    expect(() => logUniformReal(0, 1)).toThrow(RangeError);
    expect(() => logUniformReal(2, 1)).toThrow("logUniformReal: bad box [2, 1]");
    expect(() => logUniformReal(1, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("estimator points", () => {
  test("eps in [epsMin, 1] with 1 and 1 - 2^-j; logEps in [logEpsMin, 0] with 0 and -2^-j", () => {
    const eps = sample(epsValue(1e-12), 2000);
    expect(eps.every((e) => e >= 1e-12 && e <= 1)).toBe(true);
    expect(eps).toContain(1);
    expect(eps.some((e) => e < 1 && e > 0.999)).toBe(true);
    const logs = sample(logEpsValue(-1e5), 2000);
    expect(logs.every((l) => l >= -1e5 && l <= 0)).toBe(true);
    expect(logs).toContain(0);
    expect(logs.some((l) => l < 0 && l > -1e-3)).toBe(true);
    expect(logs.some((l) => l < -745)).toBe(true);
    const points = sample(estimatorPoint(1e-12, -27), 400);
    expect(points.every((p) => ("eps" in p) !== ("logEps" in p))).toBe(true);
    expect(points.some((p) => "eps" in p) && points.some((p) => "logEps" in p)).toBe(true);
  });
});

describe("rewards with ties", () => {
  test("r = floor(raw / c): from all distinct (c = 1) to all tied (c = 50)", () => {
    expect(sample(rawReward).every((r) => Number.isInteger(r) && r >= 0 && r <= 49)).toBe(true);
    expect(sample(coarseness).every((c) => Number.isInteger(c) && c >= 1 && c <= 50)).toBe(true);
    expect(tieReward(49, 1)).toBe(49);
    expect(tieReward(49, 50)).toBe(0);
    expect(tieReward(17, 5)).toBe(3);
  });
});

describe("weights", () => {
  test("m * 10^-k, and p = w / sum(w) in binary64", () => {
    const ws = sample(weight(9), 1000);
    expect(ws.every((w) => w >= 1e-9 && w <= 9)).toBe(true);
    expect(ws).toContain(9);
    const lists = sample(weights(9, 2, 5), 300);
    expect(lists.every((l) => l.length >= 2 && l.length <= 5)).toBe(true);
    expect(lists.some((l) => l.length === 5)).toBe(true);
    expect(normalise([1, 3])).toEqual([0.25, 0.75]);
    expect(normalise([2])).toEqual([1]);
  });

  test("large-alphabet families from (L, family, seed)", () => {
    expect(seededWeights(3, "uniform", 0)).toEqual([1, 1, 1]);
    expect(seededWeights(3, "zipf-up", 0)).toEqual([3 ** -1.1, 2 ** -1.1, 1]);
    expect(seededWeights(3, "zipf-down", 0)).toEqual([1, 2 ** -1.1, 3 ** -1.1]);
    const random = seededWeights(1000, "random", 42);
    expect(random).toEqual(seededWeights(1000, "random", 42));
    expect(random).not.toEqual(seededWeights(1000, "random", 43));
    expect(random.every((w) => w >= 1e-9 && w <= 9 && Number.isInteger(Number((w * 10 ** -Math.floor(Math.log10(w))).toPrecision(12))))).toBe(true);
    expect(new Set(random.map((w) => Math.floor(Math.log10(w) + 1e-9))).size).toBe(10);
    expect(new Set(random.map((w) => Math.round(w * 10 ** -Math.floor(Math.log10(w) + 1e-9)))).size).toBe(9); // m in 1..9
    expect(LARGE_FAMILIES).toEqual(["uniform", "random", "zipf-up", "zipf-down"]);
  });
});

describe("log-uniform draws spread over the box", () => {
  test("most draws lie strictly inside the box, about half of them below its geometric middle", () => {
    const draws = fc.sample(logUniformReal(1e-12, 1), { seed: 9, numRuns: 2000 });
    const inside = draws.filter((x) => x > 1e-12 && x < 1);
    expect(inside.length).toBeGreaterThan(0.5 * draws.length);
    const low = inside.filter((x) => x < 1e-6).length / inside.length;
    expect(low).toBeGreaterThan(0.35);
    expect(low).toBeLessThan(0.65);
  });
});
