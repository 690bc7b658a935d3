/** The large-L domain: alphabets of 1e3 to 1e5 outcomes. The oracle costs ~10-30 us per outcome: few cases. */
import fc from "fast-check";
import { logUniformInteger } from "../arbitraries/log-uniform.ts";
import { LARGE_FAMILIES, seededWeights } from "../arbitraries/seeded-weights.ts";
import { normalise } from "../arbitraries/weights.ts";
import type { Domain } from "./domain.ts";
import { distributionFamily, renyiFamily, type DistributionDraw } from "./families.ts";

// noBias: with only a few runs, fast-check's bias would draw the ends of the box (the costly L = 1e5, n = 1) in
// most of them; unbiased, L and n are log-uniform over the whole box.
const distributions: fc.Arbitrary<DistributionDraw> = fc
  .noBias(
    fc.record({
    L: logUniformInteger(1_000, 100_000),
    family: fc.constantFrom(...LARGE_FAMILIES),
    seed: fc.integer({ min: 0, max: 0xffff }),
    n: logUniformInteger(1, 1_000_000),
    }),
  )
  .map(({ L, family, seed, n }) => ({
    p: normalise(seededWeights(L, family, seed)),
    n,
    note: family === "random" ? `random weights (seed ${seed})` : family,
  }));

/** Fraction of --runs used here: 100 runs give 2 cases per op (about 10 s of oracle time at the default seed). */
export const LARGE_L_SHARE = 0.02;

export const largeLDomain: Domain = {
  name: "large-L",
  summary: "1e3 <= L <= 1e5, n <= 1e6 (few cases: the oracle is costly here)",
  purpose: "Large alphabets. The oracle costs about 50-100 us of CPU per outcome for bonPmf and klBon (measured on the project's 2-core machine), so this domain runs few cases, drawn without fast-check's bias (which would pick the costly L = 1e5 and the trivial n = 1 in nearly every one of so few runs).",
  box: [
    "p: L in [1e3, 1e5] (log-uniform) entries, normalised in binary64 from weights of one family: uniform; random m * 10^-k (m in 1..9, k in 0..9, from a seeded PRNG, seed in 0..65535); Zipf (i+1)^-1.1 with the head at the top or at the bottom; JSON numbers",
    "r: none",
    "n: integer in [1, 1e6], log-uniform",
    "cases per op: runs / 50, at least 1 (2 by default)",
  ],
  kind: "graded",
  share: LARGE_L_SHARE,
  ops: {
    bonPmf: distributionFamily(distributions),
    klBon: distributionFamily(distributions),
    renyi2: renyiFamily(distributions),
  },
};
