/**
 * The tiny domain: masses down to 1e-300 at the top, middle or bottom; eps down to 1e-300, logEps down to -1e5. Like
 * every graded domain, p is normalised in binary64 after the tiny masses are inserted (its sum is within a few ulps of
 * 1, as real inputs are); what a subject does with a p that is not normalised is the normalisation domain's question.
 */
import fc from "fast-check";
import { logUniformInteger } from "../arbitraries/log-uniform.ts";
import { normalise, weights } from "../arbitraries/weights.ts";
import type { Domain } from "./domain.ts";
import { distributionFamily, estimatorFamily, renyiFamily, type DistributionDraw } from "./families.ts";

const N_MAX = 1_000_000;
const PLACES = ["bottom", "middle", "top"] as const;

/** One tiny mass m * 10^-k, k in 13..300, and where it goes. */
const tinyMass = fc.record({ m: fc.integer({ min: 1, max: 9 }), k: fc.integer({ min: 13, max: 300 }), place: fc.constantFrom(...PLACES) });

const distributions: fc.Arbitrary<DistributionDraw> = fc
  .record({ w: weights(9, 1, 20), tiny: fc.array(tinyMass, { minLength: 1, maxLength: 3 }), n: logUniformInteger(1, N_MAX) })
  .map(({ w, tiny, n }) => {
    const q = normalise(w);
    for (const { m, k, place } of tiny) {
      const at = place === "bottom" ? 0 : place === "top" ? q.length : Math.floor(q.length / 2);
      q.splice(at, 0, Number(`${m}e-${k}`));
    }
    return { p: normalise(q), n, note: `tiny ${tiny.map(({ m, k, place }) => `${m}e-${k}@${place}`).join(" ")}` };
  });

export const tinyDomain: Domain = {
  name: "tiny",
  summary: "masses down to 1e-300, eps down to 1e-300, logEps down to -1e5, n <= 1e6",
  purpose: "Masses down to 1e-300, eps down to 1e-300, logEps down to -1e5, n <= 1e6. p is normalised after the tiny masses are inserted, as in every graded domain.",
  box: [
    "p: a standard-like vector of 1 to 20 entries (weights m * 10^-k, k in 0..9, normalised in binary64) with 1 to 3 tiny masses m * 10^-k (m in 1..9, k in 13..300) inserted at the bottom, the middle or the top, then normalised again in binary64 (p / sum(p): each tiny mass within 3e-12 relative of m * 10^-k, the sum within a few ulps of 1); JSON numbers",
    "r: none (listing order is reward order)",
    "n: integer in [1, 1e6], log-uniform",
    "estimators: n in [1, 1e6]; half {n, eps} with eps in [1e-300, 1] (log-uniform, plus 1 and 1 - 2^-j for j in 1..52), half {n, logEps} with logEps in [-1e5, 0] (-m with m log-uniform in [1e-12, 1e5], plus 0 and -2^-j for j in 1..52)",
  ],
  kind: "graded",
  share: 1,
  ops: {
    bonPmf: distributionFamily(distributions),
    klBon: distributionFamily(distributions),
    klEstimate: estimatorFamily(logUniformInteger(1, N_MAX), 1e-300, -1e5),
    klEstimateUpper: estimatorFamily(logUniformInteger(1, N_MAX), 1e-300, -1e5),
    renyi2: renyiFamily(distributions),
  },
};
