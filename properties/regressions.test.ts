/**
 * Permanent regression examples: the smallest counterexamples the search found for claims that fail
 * beyond the paper's assumptions. Each must stay refuted, and its corrected form must hold on it.
 */
import { describe, expect, test } from "vitest";
import { claims, claimById } from "../src/claims/paper/index.ts";
import { decideCase } from "../src/claims/decide.ts";
import type { Claim } from "../src/claims/claim.ts";

describe("pinned counterexamples", () => {
  for (const claim of claims) {
    const refutation = claim.refutedBy;
    if (refutation === undefined) continue;
    test(`${claim.id} fails on ${claim.describe(refutation.counterexample)}`, () => {
      const out = decideCase(claim as Claim<unknown>, claim.check, refutation.counterexample);
      expect(out.verdict).toBe("refuted");
      if (refutation.correctedBy !== null) {
        const corrected = claimById(refutation.correctedBy);
        expect(corrected, `corrected claim ${refutation.correctedBy} exists`).toBeDefined();
        expect(decideCase(corrected as Claim<unknown>, corrected!.check, refutation.counterexample).verdict).toBe("verified");
      }
    });
  }
});
