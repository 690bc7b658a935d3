/** The large-n domain: standard distributions with 1e4 <= n <= 1e9 (and klFormula up to 2^53 - 1). */
import fc from "fast-check";
import { logUniformInteger } from "../arbitraries/log-uniform.ts";
import { normalise, weights } from "../arbitraries/weights.ts";
import type { Domain } from "./domain.ts";
import { distributionFamily, estimatorFamily, formulaFamily, type DistributionDraw } from "./families.ts";
import { STANDARD_EPS_MIN, STANDARD_LOG_EPS_MIN } from "./standard.ts";

const N_MIN = 10_000;
const N_MAX = 1_000_000_000;

const largeN = logUniformInteger(N_MIN, N_MAX);

const distributions: fc.Arbitrary<DistributionDraw> = fc.record({ w: weights(9, 1, 50), n: largeN }).map(({ w, n }) => ({ p: normalise(w), n }));

export const largeNDomain: Domain = {
  name: "large-n",
  summary: "as standard, 1e4 <= n <= 1e9 (klFormula: n <= 2^53-1)",
  purpose: "As standard, with 1e4 <= n <= 1e9 (klFormula up to 2^53 - 1).",
  box: [
    "p: as standard (L in [1, 50], every mass > 2.2e-12, JSON numbers), no r",
    "n: integer in [1e4, 1e9], log-uniform",
    "klFormula: n in [1e4, 2^53 - 1], log-uniform",
    "estimators: n in [1e4, 1e9]; eps or logEps as in standard (eps in [1e-12, 1], logEps in [log 1e-12, 0])",
  ],
  kind: "graded",
  share: 1,
  ops: {
    bonPmf: distributionFamily(distributions),
    klBon: distributionFamily(distributions),
    klFormula: formulaFamily(logUniformInteger(N_MIN, Number.MAX_SAFE_INTEGER)),
    klEstimate: estimatorFamily(largeN, STANDARD_EPS_MIN, STANDARD_LOG_EPS_MIN),
    klEstimateUpper: estimatorFamily(largeN, STANDARD_EPS_MIN, STANDARD_LOG_EPS_MIN),
  },
};
