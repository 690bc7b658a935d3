/**
 * The cases fast-check generates for a family, in order: the same values (same seed, same kind of property) that
 * a later fc.check with `path: "k"` replays as its k-th run, which is how a failing case is shrunk.
 */
import fc from "fast-check";
import type { Case } from "./case.ts";

export async function collectCases(arbitrary: fc.Arbitrary<Case>, seed: number, runs: number): Promise<Case[]> {
  const cases: Case[] = [];
  await fc.check(
    fc.asyncProperty(arbitrary, async (c) => {
      cases.push(c);
      return true;
    }),
    { seed, numRuns: runs },
  );
  return cases;
}
