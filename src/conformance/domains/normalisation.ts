/**
 * The normalisation domain (informational): p whose sum is off 1 by more than rounding (but within the protocol's
 * 1e-6), which the protocol says is normalised by its exact sum. Every graded domain sends p normalised in binary64
 * (sum within a few ulps of 1, as a softmax gives), so this is the one place where dividing p by its sum matters.
 * Each answer is reported as matching p / sum(p) (what the protocol asks), p as given (the implementation assumes
 * sum(p) = 1), or neither; the verdict is INFO and never fails a run.
 */
import fc from "fast-check";
import { logUniformInteger, logUniformReal } from "../arbitraries/log-uniform.ts";
import { normalise, weights } from "../arbitraries/weights.ts";
import type { Domain } from "./domain.ts";
import { distributionFamily, renyiFamily, type DistributionDraw } from "./families.ts";

/** |sum(p) - 1| of the scaled vectors: log-uniform in [OFFSET_MIN, OFFSET_MAX]. */
export const OFFSET_MIN = 1e-13;
export const OFFSET_MAX = 5e-7;

const scaled: fc.Arbitrary<DistributionDraw> = fc
  .record({ w: weights(9, 1, 50), offset: logUniformReal(OFFSET_MIN, OFFSET_MAX), up: fc.boolean(), n: logUniformInteger(1, 10_000) })
  .map(({ w, offset, up, n }) => {
    const factor = up ? 1 + offset : 1 - offset;
    return { p: normalise(w).map((x) => x * factor), n, note: `p scaled by ${up ? "1 + " : "1 - "}${offset.toPrecision(2)}` };
  });

/** Tiny masses inserted into a normalised vector and left there: the sum exceeds 1 by the tiny masses. */
const unrenormalised: fc.Arbitrary<DistributionDraw> = fc
  .record({
    w: weights(9, 1, 20),
    tiny: fc.array(fc.record({ m: fc.integer({ min: 1, max: 9 }), k: fc.integer({ min: 8, max: 12 }) }), { minLength: 1, maxLength: 3 }),
    n: logUniformInteger(1, 10_000),
  })
  .map(({ w, tiny, n }) => {
    const p = normalise(w);
    for (const { m, k } of tiny) p.unshift(Number(`${m}e-${k}`));
    return { p, n, note: `tiny ${tiny.map(({ m, k }) => `${m}e-${k}`).join(" ")} added at the bottom, not renormalised` };
  });

const distributions = fc.oneof(scaled, unrenormalised);

export const normalisationDomain: Domain = {
  name: "normalisation",
  summary: "sum(p) off 1 by 1e-13 to 5e-7 (informational: is p divided by its sum?)",
  purpose:
    "The one domain whose p is not normalised to binary64 rounding: sum(p) is off 1 by 1e-13 to 5e-7 (within the protocol's 1e-6: a valid input), and the protocol says p is divided by its exact sum. Every answer is classified as matching p / sum(p), matching p as given (an implementation that assumes sum(p) = 1, as softmax outputs suggest), or neither. The verdict is INFO and never fails a run; in the graded domains an answer that fails and matches p as given is reported in those words.",
  box: [
    "p: half the cases a standard vector (L in [1, 50], normalised in binary64) scaled by 1 + d or 1 - d, d log-uniform in [1e-13, 5e-7]; half a standard-like vector (L in [1, 20]) with 1 to 3 masses m * 10^-k (m in 1..9, k in 8..12) added at the bottom and not renormalised; JSON numbers",
    "r: none",
    "n: integer in [1, 1e4], log-uniform",
    "verdict INFO: counts of answers matching p / sum(p), matching p as given, and neither; never fails a run",
  ],
  kind: "normalisation",
  share: 1,
  ops: {
    bonPmf: distributionFamily(distributions),
    klBon: distributionFamily(distributions),
    renyi2: renyiFamily(distributions),
  },
};
