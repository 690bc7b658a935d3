/**
 * The tolerance model (spec/conformance.md, "Tolerances"): how far a float64 answer may lie from the exact value.
 * With u = 2^-53 and a safety factor K = 64 (never raised to make a subject pass), from exact values as doubles
 * (these are error models, not certificates):
 *
 *   bonPmf, outcome i in level k:  K u [ pi_i + (p_i / g_k) n (2L + |log F_k|) F_k^n ]      (0 when p_i = 0)
 *     F_k is not representable in binary64; rounding it (and summing L terms recursively) costs a relative error
 *     up to L u, which F_k^n amplifies to n L u F_k^n, so F_k^n - F_{k-1}^n carries an absolute error of that
 *     size (a relative bound is not achievable: an entry of 1e-12 at n = 1e4 is swamped by it); |log F_k| covers
 *     evaluating F^n as exp(n log F). The level's share goes to outcome i in proportion p_i / g_k.
 *   klBon:  K u [ sum_k |P_k log(P_k/g_k)| + sum_k (|log(P_k/g_k)| + 1) n (2L + |log F_k|) F_k^n ]
 *     the PMF error model propagated through Eq. (3): dP (log(P/g) + 1) per level, plus the rounding of each term.
 *   klFormula:                      K u (log n + 1)
 *   klEstimate, klEstimateUpper:    K u (|value| + |log eps| + log n + 1)   (the formula evaluated in logs)
 *   renyi2:                         K u (|H_2| + L)                          (recursive summation of p^2)
 *
 * bonPmf's tolerances (but a zero-mass outcome's) also get K * 2^-1074: below the normal range each operation
 * rounds with an absolute error up to half a subnormal step, which no relative model covers. The other ops'
 * tolerances are at least K u (klBon's at least 2 K u), and adding K * 2^-1074 to such a double changes nothing.
 */
import type { Enclosure } from "../oracle/index.ts";
import { levelProbabilities, midpoint, type LevelProbabilities } from "./level-probabilities.ts";
import type { RewardLevels } from "./reward-levels.ts";

/** Unit roundoff of binary64. */
export const UNIT_ROUNDOFF = 2 ** -53;
/** The safety factor K. */
export const SAFETY_FACTOR = 64;
/** K * 2^-1074, added to the tolerance of every bonPmf entry except a zero-mass outcome's. */
export const SUBNORMAL_FLOOR = SAFETY_FACTOR * Number.MIN_VALUE;

const KU = SAFETY_FACTOR * UNIT_ROUNDOFF;

/** n (2L + |log F_k|) F_k^n: the absolute error of F_k^n - F_{k-1}^n from rounding F_k, per unit of K u. */
function cdfAmplification(levels: RewardLevels, probabilities: LevelProbabilities, n: number, k: number): number {
  const F = levels.atOrBelow[k] as number;
  return n * (2 * levels.outcomes + Math.abs(Math.log(F))) * (probabilities.cdfPower[k] as number);
}

/** Per-outcome tolerances of bonPmf, from the oracle's pi enclosures. */
export function bonPmfTolerances(levels: RewardLevels, n: number, pi: readonly Enclosure[]): number[] {
  const probabilities = levelProbabilities(levels, pi);
  const amplification = Array.from(levels.mass, (_, k) => cdfAmplification(levels, probabilities, n, k));
  return Array.from(levels.weight, (w, i) => {
    if (w === 0) return 0;
    const k = levels.levelOf[i] as number;
    const share = w / (levels.levelWeight[k] as number);
    return KU * (midpoint(pi[i] as Enclosure) + share * (amplification[k] as number)) + SUBNORMAL_FLOOR;
  });
}

/**
 * Tolerance of klBon, from the oracle's pi enclosures (P_k = sum of the level's pi_i). At least 2 K u (the highest
 * level of positive mass has F = 1 and contributes n 2L >= 2), so the subnormal floor could not change it.
 */
export function klBonTolerance(levels: RewardLevels, n: number, pi: readonly Enclosure[]): number {
  const probabilities = levelProbabilities(levels, pi);
  let terms = 0;
  let propagated = 0;
  levels.mass.forEach((g, k) => {
    if (g === 0) return; // a zero-mass level has no term, and its log ratio log(0 / 0) is undefined
    const P = probabilities.probability[k] as number;
    const logRatio = (probabilities.logProbability[k] as number) - Math.log(g);
    if (P > 0) terms += Math.abs(P * logRatio);
    const amplification = cdfAmplification(levels, probabilities, n, k);
    if (amplification > 0) propagated += (Math.abs(logRatio) + 1) * amplification;
  });
  return KU * (terms + propagated);
}

/** K u (log n + 1): at least K u, so the subnormal floor could not change it (nor any of the scalar ops' below). */
export function klFormulaTolerance(n: number): number {
  return KU * (Math.log(n) + 1);
}

/** |log eps| from the estimator args: |logEps| when logEps is given. */
export function estimatorTolerance(n: number, logEps: number, value: number): number {
  return KU * (Math.abs(value) + Math.abs(logEps) + Math.log(n) + 1);
}

export function renyi2Tolerance(outcomes: number, value: number): number {
  return KU * (Math.abs(value) + outcomes);
}
