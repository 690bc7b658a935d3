/**
 * Every property must be able to fail: each claim's near miss (its statement perturbed the wrong way: a bound
 * scaled by 0.99 or 1.01, n replaced by n +- 1, a term dropped) must be refuted by the default budget, on a
 * non-trivial case: n >= 2 and at least two reward levels (or e < 1), where most statements are not equalities.
 */
import { describe, expect, test } from "vitest";
import { claims } from "../src/claims/paper/index.ts";
import { baseSeed, runClaim, runsPerClaim } from "../src/claims/run-claim.ts";
import type { Claim } from "../src/claims/claim.ts";
import { isNontrivialCase } from "../src/claims/arbitraries/cases.ts";

describe("near misses are refuted", () => {
  const base = baseSeed();
  for (const claim of claims) {
    const nearMiss = claim.nearMiss;
    if (nearMiss === undefined) continue;
    test(`${claim.id}: ${nearMiss.description}`, () => {
      const run = runClaim(claim as Claim<unknown>, { runs: runsPerClaim(), seed: base, nearMiss: true });
      expect(run.refuted, `the near miss of ${claim.id} was never refuted in ${run.runs} cases`).toBeGreaterThan(0);
      const nontrivial = nearMiss.nontrivial ?? isNontrivialCase;
      expect(nontrivial(run.counterexample?.raw), `refuted only on a trivial case: ${run.counterexample?.case}`).toBe(true);
    });
  }

  test("every claim that is not known to fail has a near miss", () => {
    const missing = claims.filter((c) => c.nearMiss === undefined && c.refutedBy === undefined && c.decision !== "statistical").map((c) => c.id);
    expect(missing).toEqual([]);
  });

  test("trivial cases: n = 1, one reward level, e = 1", () => {
    const two = { p: ["1/2", "1/2"], label: "two" };
    const tied = { p: ["1/2", "1/2"], r: [0, 0], label: "tied" };
    expect(isNontrivialCase({ dist: two, n: 2 })).toBe(true);
    expect(isNontrivialCase({ dist: two, n: 1 })).toBe(false);
    expect(isNontrivialCase({ dist: tied, n: 5 })).toBe(false);
    expect(isNontrivialCase({ dist: { p: [0, "1"], label: "zero" }, n: 5 })).toBe(false);
    expect(isNontrivialCase({ eps: "1", n: 5 })).toBe(false);
    expect(isNontrivialCase({ eps: "1e-3", n: 5 })).toBe(true);
    expect(isNontrivialCase({ components: [{ weight: 0, dist: two }, { weight: 1, dist: tied }], n: 3 })).toBe(false);
    expect(isNontrivialCase({ components: [{ weight: 2, dist: two }], n: 3 })).toBe(true);
  });
});
