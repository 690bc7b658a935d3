/**
 * The columns of a figure's CSV after `n`: the paper's curves (Eq. (5), Eq. (3), the means of Eq. (28) and
 * Eq. (26) under pi_n) and the estimators' standard deviations under pi_n (sqrt of the certified variance),
 * each as a certifiable quantity of (p, n).
 *
 * The panel's p is parsed once (Distribution.parse, exact) and the oracle's quantity functions are certified
 * directly, as `compute` does after parsing its arguments: for L = 10^4, parsing p again for every op and every
 * n would cost a third of the time of the figures.
 */
import { certify } from "../numerics/certify.ts";
import type { Distribution } from "../oracle/index.ts";
import { estimatorMoments, type EstimatorMoments, klBon, klFormula } from "../oracle/interval-api.ts";
import type { Quantity } from "../numerics/certified-digits.ts";
import { sqrtOf } from "../numerics/enclosure-arithmetic.ts";

export interface Column {
  /** CSV header. */
  readonly name: string;
  /** What it is, for the README. */
  readonly meaning: string;
  quantity(dist: Distribution, n: number): Quantity;
}

/** A moment of the estimators under pi_n (Eq. (28) or (26) at eps_n = p(y), y ~ pi_n). */
function moment(pick: (m: EstimatorMoments) => EstimatorMoments[keyof EstimatorMoments]) {
  return (dist: Distribution, n: number): Quantity =>
    (accuracy) => certify((arena) => pick(estimatorMoments(arena, dist, n)), accuracy);
}

/** sqrt of a variance: an absolute accuracy a on the sd needs a^2 on the variance. */
function standardDeviation(pick: (m: EstimatorMoments) => EstimatorMoments[keyof EstimatorMoments]) {
  const variance = moment(pick);
  return (dist: Distribution, n: number): Quantity =>
    (accuracy) => sqrtOf(variance(dist, n)({ ...accuracy, absolute: Math.max((accuracy.absolute ?? 0) ** 2, 1e-300) }));
}

export const COLUMNS: readonly Column[] = [
  { name: "formula_eq5", meaning: "log n - (n-1)/n, Eq. (5)", quantity: (_dist, n) => (accuracy) => certify((arena) => klFormula(arena, n), accuracy) },
  {
    name: "kl_exact_eq3",
    meaning: "exact KL(pi_n || p), Eq. (3) (Figure 1: = Eq. (6))",
    quantity: (dist, n) => (accuracy) => certify((arena) => klBon(arena, dist, n), accuracy),
  },
  { name: "klhat_mean_eq28", meaning: "E[KLhat(eps_n)] under pi_n, Eq. (28)", quantity: moment((m) => m.estimateMean) },
  { name: "klhat1_mean_eq26", meaning: "E[KLhat_1(eps_n)] under pi_n, Eq. (26) (= Lemma 2's bound, Eq. (23))", quantity: moment((m) => m.upperMean) },
  { name: "klhat_sd_eq28", meaning: "standard deviation of KLhat(eps_n) under pi_n, Eq. (28)", quantity: standardDeviation((m) => m.estimateVariance) },
  { name: "klhat1_sd_eq26", meaning: "standard deviation of KLhat_1(eps_n) under pi_n, Eq. (26)", quantity: standardDeviation((m) => m.upperVariance) },
];
