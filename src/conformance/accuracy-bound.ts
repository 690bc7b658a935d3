/**
 * The accuracy grade's bound (spec/conformance.md, "Two verdicts"): how far from the exact value a careful float64
 * implementation lands, taken from the error models src/float documents in its headers (u = 2^-53; "k ulp" of a
 * value v read as k * 2u|v|, since one ulp of v is at most 2u|v|). An answer within this bound is *accurate*; the
 * conformance tolerance (tolerance.ts) stays the pass criterion unless `--strict`. Computed in binary64 from the
 * oracle's values, like the tolerances (error models, not certificates):
 *
 *   bonPmf, outcome i in level k:  u (18 + 6 |a_k| + 2 [i shares its level]) pi_i + 2^-1074,  a_k = n log F_k
 *                                  (bon-pmf.ts, level-sweep.ts: P_k relative u (18 + 6|a_k|); a tie member two
 *                                  roundings more; results below 2^-1022 an absolute 2^-1074); 0 when p_i = 0
 *   klBon:            16 u sum_k P_k (|a_k| + |log(P_k / g_k)| + log n + 1); 0 when n = 1 or one level has all the
 *                     mass (KL = 0 exactly) (kl-bon.ts, level-sweep.ts)
 *   klFormula:        3 ulp: 6 u |value|; 0 at n = 1 (kl-formula.ts)
 *   klEstimate:       u ((8 + |y|) |t1| + 8 |t2|), y = n log(1 - eps), t2 = (1 - e^y) KLhat_1, t1 = value - t2
 *                     (kl-estimate.ts: each term relative 6u + u|y|, the sum within 8u (|t1| + |t2|)); 0 when n = 1
 *                     or eps = 1
 *   klEstimateUpper:  4 ulp: 8 u |value|; 0 when n = 1 or eps = 1 (kl-estimate-upper.ts)
 *   renyi2:           16 u |H_2| + L^2 2^-1074 (renyi2.ts; squares that underflow)
 */
import type { Enclosure } from "../oracle/index.ts";
import type { ParsedCase } from "./case.ts";
import { levelProbabilities, midpoint } from "./level-probabilities.ts";
import type { RewardLevels } from "./reward-levels.ts";
import { toDouble } from "./reward-levels.ts";

const U = 2 ** -53;
const TINY = Number.MIN_VALUE;

/** Per-outcome accuracy bounds of bonPmf. */
export function bonPmfAccuracyBounds(levels: RewardLevels, n: number, pi: readonly Enclosure[]): number[] {
  const members = new Int32Array(levels.mass.length);
  levels.weight.forEach((w, i) => {
    if (w > 0) members[levels.levelOf[i] as number]! += 1;
  });
  return Array.from(levels.weight, (w, i) => {
    if (w === 0) return 0;
    const k = levels.levelOf[i] as number;
    const a = n * Math.abs(Math.log(levels.atOrBelow[k] as number));
    const shared = (members[k] as number) > 1 ? 2 : 0;
    return U * (18 + 6 * a + shared) * Math.abs(midpoint(pi[i] as Enclosure)) + TINY;
  });
}

/** The accuracy bound of klBon. */
export function klBonAccuracyBound(levels: RewardLevels, n: number, pi: readonly Enclosure[]): number {
  const positive = levels.mass.filter((g) => g > 0).length;
  if (n === 1 || positive === 1) return 0;
  const probabilities = levelProbabilities(levels, pi);
  const logN = Math.log(n);
  let sum = 0;
  // A level whose P_k is 0 (its mass is 0, or P_k underflows binary64) adds nothing; for a zero mass log(P/g) would be
  // log(0/0), undefined.
  probabilities.probability.forEach((P, k) => {
    if (P === 0) return;
    const a = n * Math.abs(Math.log(levels.atOrBelow[k] as number));
    const l = Math.abs((probabilities.logProbability[k] as number) - Math.log(levels.mass[k] as number));
    sum += P * (a + l + logN + 1);
  });
  return 16 * U * sum;
}

export function klFormulaAccuracyBound(n: number, value: number): number {
  return n === 1 ? 0 : 6 * U * Math.abs(value);
}

/**
 * eps and y = n log(1 - eps) of an estimator case, in binary64 (error-model inputs): log1p(-eps) for a given eps (1 - eps
 * is exact for eps >= 1/2, and log1p keeps tiny eps); from logEps, log1p(-e^logEps) below 1/2 and log(-expm1(logEps))
 * above, where 1 - e^logEps would cancel.
 */
export function estimatorPoint(c: ParsedCase): { n: number; eps: number; y: number } {
  const n = c.n;
  const { eps, logEps } = c.args;
  if (logEps === undefined) {
    const e = toDouble(eps);
    return { n, eps: e, y: n * Math.log1p(-e) };
  }
  const l = toDouble(logEps);
  const e = Math.exp(l);
  return { n, eps: e, y: n * (e < 0.5 ? Math.log1p(-e) : Math.log(-Math.expm1(l))) };
}

/** The accuracy bound of klEstimate, given its value and KLhat_1 at the same point. */
export function klEstimateAccuracyBound(c: ParsedCase, value: number, upper: number): number {
  const { n, eps, y } = estimatorPoint(c);
  if (n === 1 || eps === 1) return 0;
  const t2 = -Math.expm1(y) * upper;
  const t1 = value - t2;
  return U * ((8 + Math.abs(y)) * Math.abs(t1) + 8 * Math.abs(t2));
}

export function klEstimateUpperAccuracyBound(c: ParsedCase, value: number): number {
  const { n, eps } = estimatorPoint(c);
  return n === 1 || eps === 1 ? 0 : 8 * U * Math.abs(value);
}

export function renyi2AccuracyBound(outcomes: number, value: number): number {
  return 16 * U * Math.abs(value) + outcomes * outcomes * TINY;
}

/**
 * The error in units of u relative to the exact value: error / (u max(|exact|, 2^-1022)) (below the normal range
 * one ulp is 2^-1074 = 2u 2^-1022, so this counts ulps there too).
 */
export function relativeErrorInU(error: number, exact: number): number {
  return error / Math.max(Math.abs(exact), 2 ** -1022) / U; // in this order: u 2^-1022 underflows to 0
}

/** Correct significant digits: -log10 of the relative error, between 0 and 17 (17 when exact). */
export function correctDigits(relativeErrorU: number): number {
  return Math.min(17, Math.max(0, -Math.log10(relativeErrorU * U)));
}
