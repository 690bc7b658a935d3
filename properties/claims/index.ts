/** Every claim bonkl checks, in the order of the paper. IDs are stable: never rename or reuse one. */
import type { Claim } from "../claim.ts";
import { piOneIsP, pmfExact, pmfNonNegative, pmfSumsToOne } from "./lemma1.ts";
import { cor1, cor2, cor2PerLevelWithTies, cor2PerOutcomeWithTies, cor3, cor3Extended, thm1, thm1Extended, thm2, thm2PerLevelWithTies, thm2PerOutcomeWithTies, thm3, thm3Extended, thm3NonNegative } from "./section3.ts";
import { estimateBelowFormula, estimateMeanUpperBoundsKl, lemma2, lemma2Extended, thm4, thm4Extended, upperLooseness, upperLoosenessExtended } from "./section4.ts";
import { pmfMatchesSimulation } from "./simulation.ts";
import { example1, klBelowLimit, klLimit, klNonDecreasing, uniformSaturation } from "./examples.ts";

export const claims: readonly Claim<any>[] = [
  pmfNonNegative,
  pmfSumsToOne,
  pmfExact,
  piOneIsP,
  pmfMatchesSimulation,
  example1,
  thm1,
  thm1Extended,
  cor1,
  thm2,
  thm2PerOutcomeWithTies,
  thm2PerLevelWithTies,
  cor2,
  cor2PerOutcomeWithTies,
  cor2PerLevelWithTies,
  thm3,
  thm3Extended,
  thm3NonNegative,
  cor3,
  cor3Extended,
  lemma2,
  lemma2Extended,
  thm4,
  thm4Extended,
  estimateMeanUpperBoundsKl,
  upperLooseness,
  upperLoosenessExtended,
  estimateBelowFormula,
  uniformSaturation,
  klNonDecreasing,
  klBelowLimit,
  klLimit,
];

/** The file that defines each claim (for the spec's links). */
export const claimFiles: ReadonlyMap<string, string> = new Map([
  ...[pmfNonNegative, pmfSumsToOne, pmfExact, piOneIsP].map((c) => [c.id, "properties/claims/lemma1.ts"] as const),
  [pmfMatchesSimulation.id, "properties/claims/simulation.ts"],
  ...[thm1, thm1Extended, cor1, thm2, thm2PerOutcomeWithTies, thm2PerLevelWithTies, cor2, cor2PerOutcomeWithTies, cor2PerLevelWithTies, thm3, thm3Extended, thm3NonNegative, cor3, cor3Extended].map(
    (c) => [c.id, "properties/claims/section3.ts"] as const,
  ),
  ...[lemma2, lemma2Extended, thm4, thm4Extended, estimateMeanUpperBoundsKl, upperLooseness, upperLoosenessExtended, estimateBelowFormula].map((c) => [c.id, "properties/claims/section4.ts"] as const),
  ...[example1, uniformSaturation, klNonDecreasing, klBelowLimit, klLimit].map((c) => [c.id, "properties/claims/examples.ts"] as const),
]);

export function claimById(id: string): Claim<any> | undefined {
  return claims.find((c) => c.id === id);
}
