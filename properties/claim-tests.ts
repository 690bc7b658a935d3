/**
 * Registers one vitest test per claim (a shard of them per test file, so files run in parallel). A claim
 * passes when no case is refuted; a claim known to fail (`refutedBy`) passes when the search refutes it and
 * its pinned counterexample is still refuted. Failures print the shrunk counterexample, the seed and the
 * replay command.
 */
import { describe, expect, test } from "vitest";
import { claims } from "../src/claims/paper/index.ts";
import { baseSeed, runClaim, runsPerClaim, type ClaimRun } from "../src/claims/run-claim.ts";
import type { Claim } from "../src/claims/claim.ts";

export function replayCommand(run: ClaimRun, base: number, id: string): string {
  return `npx bonkl claims --id ${id} --seed ${base} --path ${run.counterexample?.path ?? ""}`;
}

function summary(run: ClaimRun): string {
  const informative = run.informative === null ? "" : `, informative ${((100 * run.informative) / Math.max(run.runs, 1)).toFixed(0)}%`;
  return `${run.id}: ${run.runs} cases, ${run.verified} verified, ${run.equal} equal (exact), ${run.consistent} consistent, ${run.refuted} refuted${informative} (seed ${run.seed}, ${run.seconds.toFixed(1)} s)`;
}

export function registerClaimTests(shard: number, shards: number): void {
  const base = baseSeed();
  const runs = runsPerClaim();
  const only = process.env.BONKL_CLAIM;
  const path = process.env.BONKL_PATH;
  const mine = claims.filter((c, i) => i % shards === shard && (only === undefined || only === "" || c.id === only));
  describe(`claims (shard ${shard + 1}/${shards}, base seed ${base}, ${runs} cases each)`, () => {
    for (const claim of mine) {
      test(claim.id, () => {
        const run = runClaim(claim as Claim<unknown>, { runs, seed: base, ...(path ? { path } : {}) });
        process.stdout.write(`  ${summary(run)}\n`);
        if (claim.refutedBy === undefined) {
          expect(
            run.counterexample,
            run.counterexample
              ? `${claim.id} refuted by ${run.counterexample.case}\n  ${run.counterexample.detail ?? ""}\n  seed ${run.counterexample.seed} (base ${base}), path ${run.counterexample.path}\n  replay: ${replayCommand(run, base, claim.id)}`
              : "",
          ).toBeNull();
        } else {
          expect(run.counterexample, `${claim.id} is known to fail but the search did not refute it`).not.toBeNull();
        }
      });
    }
  });
}
