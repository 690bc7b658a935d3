/** The zero-mass domain: zero entries in p at the bottom, middle or top, with and without rewards r. */
import fc from "fast-check";
import { logUniformInteger } from "../arbitraries/log-uniform.ts";
import { coarseness, rawReward, tieReward } from "../arbitraries/rewards.ts";
import { normalise, weight } from "../arbitraries/weights.ts";
import type { Domain } from "./domain.ts";
import { distributionFamily, renyiFamily, type DistributionDraw } from "./families.ts";

const PLACES = ["bottom", "middle", "top"] as const;
type Place = (typeof PLACES)[number];

/**
 * Without r a zero goes at the start, middle or end of the list. With r its reward is below every other (bottom),
 * above every other (top) or equal to the reward of the middle entry (middle: a zero-mass outcome tied with
 * positive mass).
 */
function insertZeros(p: number[], r: number[] | undefined, zeros: readonly Place[]): void {
  for (const place of zeros) {
    const middle = Math.floor(p.length / 2);
    if (r === undefined) {
      p.splice(place === "bottom" ? 0 : place === "top" ? p.length : middle, 0, 0);
      continue;
    }
    const reward = place === "bottom" ? Math.min(...r) - 1 : place === "top" ? Math.max(...r) + 1 : (r[middle] as number);
    p.splice(middle, 0, 0);
    r.splice(middle, 0, reward);
  }
}

const distributions: fc.Arbitrary<DistributionDraw> = fc
  .record({
    entries: fc.array(fc.record({ w: weight(9), raw: rawReward }), { minLength: 1, maxLength: 45, size: "max" }),
    zeros: fc.array(fc.constantFrom(...PLACES), { minLength: 1, maxLength: 5 }),
    withRewards: fc.boolean(),
    coarse: coarseness,
    n: logUniformInteger(1, 10_000),
  })
  .map(({ entries, zeros, withRewards, coarse, n }) => {
    const p = normalise(entries.map((e) => e.w));
    const r = withRewards ? entries.map((e) => tieReward(e.raw, coarse)) : undefined;
    insertZeros(p, r, zeros);
    return r === undefined ? { p, n, note: `zeros@${zeros.join(",")}` } : { p, n, r, note: `zeros@${zeros.join(",")}` };
  });

export const zeroMassDomain: Domain = {
  name: "zero-mass",
  summary: "zero entries in p at bottom/middle/top, with and without r, L <= 50, n <= 1e4",
  purpose: "Zero entries in p at the bottom, middle or top, with and without r, L <= 50, n <= 1e4.",
  box: [
    "p: 1 to 45 positive masses as standard (weights m * 10^-k, k in 0..9, normalised in binary64) plus 1 to 5 exact zeros; L <= 50; JSON numbers",
    "zeros without r: inserted at the start (bottom), the middle or the end (top) of the list",
    "zeros with r (half the cases; r as in ties): reward below all others (bottom), above all others (top), or tied with the middle entry (middle)",
    "n: integer in [1, 1e4], log-uniform",
  ],
  kind: "graded",
  share: 1,
  ops: {
    bonPmf: distributionFamily(distributions),
    klBon: distributionFamily(distributions),
    renyi2: renyiFamily(distributions),
  },
};
