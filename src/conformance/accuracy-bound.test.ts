import { describe, expect, test } from "vitest";
import { bonPmf as oracleBonPmf } from "../oracle/index.ts";
import {
  bonPmfAccuracyBounds,
  correctDigits,
  estimatorPoint,
  klBonAccuracyBound,
  klEstimateAccuracyBound,
  klEstimateUpperAccuracyBound,
  klFormulaAccuracyBound,
  relativeErrorInU,
  renyi2AccuracyBound,
} from "./accuracy-bound.ts";
import { parsedCase } from "./case.ts";
import { rewardLevels } from "./reward-levels.ts";

const u = 2 ** -53;
const TINY = 2 ** -1074;

describe("bonPmf: u (18 + 6 |n log F_k| + 2 [shared level]) pi_i + 2^-1074, 0 for a zero mass", () => {
  test("p = (1/2, 1/2), n = 2: a_0 = 2 log 2, a_1 = 0; pi = (1/4, 3/4)", () => {
    const args = { p: [0.5, 0.5], n: 2 };
    const bounds = bonPmfAccuracyBounds(rewardLevels(args.p), 2, oracleBonPmf(args));
    expect(bounds[0]).toBe(u * (18 + 12 * Math.LN2) * 0.25 + TINY);
    expect(bounds[1]).toBe(u * 18 * 0.75 + TINY);
  });

  test("a tie level with two positive members: two more roundings each; a zero mass: 0", () => {
    const args = { p: [0.25, 0, 0.75], n: 3, r: [1, 1, 1] };
    const bounds = bonPmfAccuracyBounds(rewardLevels(args.p, args.r), 3, oracleBonPmf(args));
    expect(bounds).toEqual([u * 20 * 0.25 + TINY, 0, u * 20 * 0.75 + TINY]);
  });

  test("an entry whose value underflows binary64: the absolute 2^-1074 alone", () => {
    const args = { p: [1e-200, 1], n: 2 }; // pi_0 = 1e-400
    expect(bonPmfAccuracyBounds(rewardLevels(args.p), 2, oracleBonPmf(args))[0]).toBe(TINY);
  });

  test("a lone positive member of a level (the other member has zero mass) gets no share term", () => {
    const args = { p: [0.5, 0, 0.5], n: 1, r: [0, 0, 1] };
    const bounds = bonPmfAccuracyBounds(rewardLevels(args.p, args.r), 1, oracleBonPmf(args));
    expect(bounds[0]).toBe(u * (18 + 6 * Math.LN2) * 0.5 + TINY);
    expect(bounds[1]).toBe(0);
    expect(bounds[2]).toBe(u * 18 * 0.5 + TINY);
  });
});

describe("klBon: 16 u sum_k P_k (|a_k| + |log(P_k/g_k)| + log n + 1)", () => {
  test("p = (1/2, 1/2), n = 2", () => {
    const args = { p: [0.5, 0.5], n: 2 };
    const bound = klBonAccuracyBound(rewardLevels(args.p), 2, oracleBonPmf(args));
    const expected = 16 * u * (0.25 * (2 * Math.LN2 + Math.LN2 + Math.LN2 + 1) + 0.75 * (0 + Math.log(1.5) + Math.LN2 + 1));
    expect(bound).toBeCloseTo(expected, 30);
    expect(bound / expected).toBeCloseTo(1, 12);
  });

  test("exactly 0 (KL = 0) at n = 1 and when one level holds all the mass", () => {
    expect(klBonAccuracyBound(rewardLevels([0.5, 0.5]), 1, oracleBonPmf({ p: [0.5, 0.5], n: 1 }))).toBe(0);
    expect(klBonAccuracyBound(rewardLevels([0, 1]), 5, oracleBonPmf({ p: [0, 1], n: 5 }))).toBe(0);
    expect(klBonAccuracyBound(rewardLevels([0.5, 0.5], [1, 1]), 5, oracleBonPmf({ p: [0.5, 0.5], n: 5, r: [1, 1] }))).toBe(0);
  });

  test("a zero-mass level contributes nothing (its log ratio is undefined), wherever it is", () => {
    const expected = klBonAccuracyBound(rewardLevels([0.5, 0.5]), 2, oracleBonPmf({ p: [0.5, 0.5], n: 2 }));
    expect(klBonAccuracyBound(rewardLevels([0, 0.5, 0.5]), 2, oracleBonPmf({ p: [0, 0.5, 0.5], n: 2 }))).toBe(expected);
    expect(klBonAccuracyBound(rewardLevels([0.5, 0.5, 0]), 2, oracleBonPmf({ p: [0.5, 0.5, 0], n: 2 }))).toBe(expected);
    expect(klBonAccuracyBound(rewardLevels([0.5, 0, 0.5]), 2, oracleBonPmf({ p: [0.5, 0, 0.5], n: 2 }))).toBe(expected);
  });

  test("a level whose P_k underflows contributes nothing", () => {
    const args = { p: [1e-300, 0.5, 0.5], n: 1_000_000 };
    const bound = klBonAccuracyBound(rewardLevels(args.p), args.n, oracleBonPmf(args));
    expect(Number.isFinite(bound) && bound > 0).toBe(true);
  });
});

describe("scalar bounds", () => {
  test("klFormula: 3 ulp = 6 u |value|; 0 at n = 1", () => {
    expect(klFormulaAccuracyBound(1, 0)).toBe(0);
    expect(klFormulaAccuracyBound(2, 0.25)).toBe(6 * u * 0.25);
    expect(klFormulaAccuracyBound(3, -0.5)).toBe(6 * u * 0.5);
  });

  test("klEstimateUpper: 4 ulp = 8 u |value|; 0 at n = 1 or eps = 1", () => {
    expect(klEstimateUpperAccuracyBound(parsedCase({ n: 4, eps: 0.25 }), 2)).toBe(16 * u);
    expect(klEstimateUpperAccuracyBound(parsedCase({ n: 1, eps: 0.25 }), 2)).toBe(0);
    expect(klEstimateUpperAccuracyBound(parsedCase({ n: 4, eps: 1 }), 2)).toBe(0);
    expect(klEstimateUpperAccuracyBound(parsedCase({ n: 4, logEps: 0 }), 2)).toBe(0);
  });

  test("renyi2: 16 u |H_2| + L^2 2^-1074", () => {
    expect(renyi2AccuracyBound(3, Math.LN2)).toBe(16 * u * Math.LN2 + 9 * TINY);
    expect(renyi2AccuracyBound(1, 0)).toBe(TINY);
    expect(renyi2AccuracyBound(3, 0)).toBe(9 * TINY);
  });
});

describe("the estimator point in binary64", () => {
  test("from eps: y = n log1p(-eps), accurate for tiny eps and exact 1 - eps above 1/2", () => {
    expect(estimatorPoint(parsedCase({ n: 3, eps: 0.25 }))).toEqual({ n: 3, eps: 0.25, y: 3 * Math.log1p(-0.25) });
    expect(estimatorPoint(parsedCase({ n: 3, eps: 0.75 }))).toEqual({ n: 3, eps: 0.75, y: 3 * Math.log1p(-0.75) });
    expect(estimatorPoint(parsedCase({ n: 2, eps: 1e-20 })).y).toBe(-2e-20); // not log(1 - 1e-20) = 0
    expect(estimatorPoint(parsedCase({ n: 2, eps: 1 })).y).toBe(Number.NEGATIVE_INFINITY);
    expect(estimatorPoint(parsedCase({ n: "4", eps: "0.5" }))).toEqual({ n: 4, eps: 0.5, y: 4 * Math.log(0.5) });
  });

  test("from logEps: log1p(-e^logEps) below eps = 1/2, log(-expm1(logEps)) above", () => {
    expect(estimatorPoint(parsedCase({ n: 2, logEps: -3 }))).toEqual({ n: 2, eps: Math.exp(-3), y: 2 * Math.log1p(-Math.exp(-3)) });
    expect(estimatorPoint(parsedCase({ n: 2, logEps: -0.1 }))).toEqual({ n: 2, eps: Math.exp(-0.1), y: 2 * Math.log(-Math.expm1(-0.1)) });
    // near eps = 1, 1 - e^logEps cancels: log(1e-10), not log1p(-0.9999999999) (wrong from the 7th digit)
    expect(estimatorPoint(parsedCase({ n: 1, logEps: -1e-10 })).y).toBe(Math.log(-Math.expm1(-1e-10))); // = log(1e-10 - 5e-21)
    expect(Math.abs(Math.log1p(-Math.exp(-1e-10)) - Math.log(1e-10))).toBeGreaterThan(1e-8);
    // tiny eps: log1p(-e^-30) = -9.4e-14, which log(-expm1(-30)) gets wrong in the 4th digit
    expect(estimatorPoint(parsedCase({ n: 1, logEps: -30 })).y).toBe(Math.log1p(-Math.exp(-30)));
    expect(Math.log(-Math.expm1(-30))).not.toBe(Math.log1p(-Math.exp(-30)));
    expect(estimatorPoint(parsedCase({ n: 1, logEps: 0 }))).toEqual({ n: 1, eps: 1, y: Number.NEGATIVE_INFINITY });
  });

  test("klEstimate: u ((8 + |y|) |t1| + 8 |t2|) with t2 = (1 - e^y) KLhat_1, t1 = value - t2; 0 at n = 1 or eps = 1", () => {
    const c = parsedCase({ n: 4, eps: 0.25 });
    const y = 4 * Math.log1p(-0.25);
    const t2 = -Math.expm1(y) * 1.5;
    const t1 = 1 - t2;
    expect(klEstimateAccuracyBound(c, 1, 1.5)).toBe(u * ((8 + Math.abs(y)) * Math.abs(t1) + 8 * Math.abs(t2)));
    expect(klEstimateAccuracyBound(parsedCase({ n: 1, eps: 0.25 }), 1, 1.5)).toBe(0);
    expect(klEstimateAccuracyBound(parsedCase({ n: 4, eps: 1 }), 1, 1.5)).toBe(0);
  });
});

describe("relative error and correct digits", () => {
  test("in units of u relative to max(|exact|, 2^-1022)", () => {
    expect(relativeErrorInU(0, 1)).toBe(0);
    expect(relativeErrorInU(2 ** -53, 1)).toBe(1);
    expect(relativeErrorInU(2 ** -52, -0.5)).toBe(4);
    expect(relativeErrorInU(2 ** -1074, 0)).toBe(2); // one subnormal step is 2 u relative to 2^-1022
    expect(relativeErrorInU(2 ** -1074, 2 ** -1030)).toBe(2);
    expect(relativeErrorInU(1, 0)).toBe(Number.POSITIVE_INFINITY);
  });

  test("-log10 of the relative error, from 0 to 17", () => {
    expect(correctDigits(0)).toBe(17);
    expect(correctDigits(1)).toBeCloseTo(-Math.log10(u), 12);
    expect(correctDigits(2 ** 53)).toBe(0);
    expect(correctDigits(2 ** 60)).toBe(0);
    expect(correctDigits(Number.POSITIVE_INFINITY)).toBe(0);
    expect(correctDigits(1e-3)).toBe(17);
    expect(correctDigits(2 ** 53 / 1000)).toBeCloseTo(3, 12);
  });
});
