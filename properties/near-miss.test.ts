/**
 * Every property must be able to fail: each claim's near miss (its statement perturbed the wrong way:
 * a bound scaled by 0.99 or 1.01, n replaced by n +- 1, F^- by F) must be refuted by the default budget.
 */
import { describe, expect, test } from "vitest";
import { claims } from "../src/claims/paper/index.ts";
import { baseSeed, runClaim, runsPerClaim } from "../src/claims/run-claim.ts";
import type { Claim } from "../src/claims/claim.ts";

describe("near misses are refuted", () => {
  const base = baseSeed();
  for (const claim of claims) {
    if (claim.nearMiss === undefined) continue;
    test(`${claim.id}: ${claim.nearMiss.description}`, () => {
      const run = runClaim(claim as Claim<unknown>, { runs: runsPerClaim(), seed: base, nearMiss: true });
      expect(run.refuted, `the near miss of ${claim.id} was never refuted in ${run.runs} cases`).toBeGreaterThan(0);
    });
  }

  test("every claim that is not known to fail has a near miss", () => {
    const missing = claims.filter((c) => c.nearMiss === undefined && c.refutedBy === undefined && c.decision !== "statistical").map((c) => c.id);
    expect(missing).toEqual([]);
  });
});
