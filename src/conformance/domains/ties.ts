/** The ties domain: rewards r in any order, with ties (down to all outcomes tied). */
import fc from "fast-check";
import { logUniformInteger } from "../arbitraries/log-uniform.ts";
import { coarseness, rawReward, tieReward } from "../arbitraries/rewards.ts";
import { normalise, weight } from "../arbitraries/weights.ts";
import type { Domain } from "./domain.ts";
import { distributionFamily, type DistributionDraw } from "./families.ts";

const distributions: fc.Arbitrary<DistributionDraw> = fc
  .record({
    entries: fc.array(fc.record({ w: weight(9), raw: rawReward }), { minLength: 1, maxLength: 50, size: "max" }),
    coarse: coarseness,
    n: logUniformInteger(1, 10_000),
  })
  .map(({ entries, coarse, n }) => ({
    p: normalise(entries.map((e) => e.w)),
    r: entries.map((e) => tieReward(e.raw, coarse)),
    n,
  }));

export const tiesDomain: Domain = {
  name: "ties",
  summary: "rewards r in any order with ties (up to all tied), L <= 50, n <= 1e4",
  purpose: "Rewards r in any order with ties (up to all tied), L <= 50, n <= 1e4.",
  box: [
    "p: as standard (L in [1, 50], every mass > 2.2e-12, JSON numbers)",
    "r: r_i = floor(raw_i / c), raw_i in 0..49, c in 1..50 per case: integers in any order, from all distinct to all tied",
    "n: integer in [1, 1e4], log-uniform",
  ],
  kind: "graded",
  share: 1,
  ops: { bonPmf: distributionFamily(distributions), klBon: distributionFamily(distributions) },
};
