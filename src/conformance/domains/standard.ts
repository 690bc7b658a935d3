/** The standard domain: ordinary distributions and sample sizes, where every implementation should be accurate. */
import fc from "fast-check";
import { logUniformInteger } from "../arbitraries/log-uniform.ts";
import { normalise, weights } from "../arbitraries/weights.ts";
import type { Domain } from "./domain.ts";
import { distributionFamily, estimatorFamily, formulaFamily, renyiFamily, type DistributionDraw } from "./families.ts";

export const STANDARD_N_MAX = 10_000;
export const STANDARD_EPS_MIN = 1e-12;
export const STANDARD_LOG_EPS_MIN = Math.log(1e-12);

/** L in [1, 50], weights m * 10^-k (m in 1..9, k in 0..9), normalised in binary64: every mass >= 2.2e-12. */
export const standardDistributions: fc.Arbitrary<DistributionDraw> = fc
  .record({ w: weights(9, 1, 50), n: logUniformInteger(1, STANDARD_N_MAX) })
  .map(({ w, n }) => ({ p: normalise(w), n }));

export const standard: Domain = {
  name: "standard",
  summary: "L <= 50, masses >= 1e-12, n <= 1e4, no r",
  purpose: "Ordinary inputs, where every implementation should be accurate. L <= 50, masses >= 1e-12, n <= 1e4, no r.",
  notes: "(eps: 8 parts log-uniform, 1 part eps = 1, 1 part 1 - 2^-j; logEps likewise with 0 and -2^-j.)",
  box: [
    "p: L in [1, 50] entries, p = w / sum(w) in binary64 with weights w_i = m * 10^-k (m in 1..9, k in 0..9), so every mass >= 1e-9 / 450 > 2.2e-12 >= 1e-12; JSON numbers",
    "r: none (distinct rewards in listing order)",
    "n: integer in [1, 1e4], log-uniform",
    "klFormula: n in [1, 1e4], log-uniform",
    "estimators: n in [1, 1e4]; half {n, eps} with eps in [1e-12, 1] (log-uniform, plus 1 and 1 - 2^-j for j in 1..52), half {n, logEps} with logEps in [log 1e-12, 0] (-m with m log-uniform in [1e-12, 27.63], plus 0 and -2^-j for j in 1..52)",
  ],
  kind: "graded",
  share: 1,
  ops: {
    bonPmf: distributionFamily(standardDistributions),
    klBon: distributionFamily(standardDistributions),
    klFormula: formulaFamily(logUniformInteger(1, STANDARD_N_MAX)),
    klEstimate: estimatorFamily(logUniformInteger(1, STANDARD_N_MAX), STANDARD_EPS_MIN, STANDARD_LOG_EPS_MIN),
    klEstimateUpper: estimatorFamily(logUniformInteger(1, STANDARD_N_MAX), STANDARD_EPS_MIN, STANDARD_LOG_EPS_MIN),
    renyi2: renyiFamily(standardDistributions),
  },
};
