/**
 * Every claim bonkl checks, in the order of the paper, each with its derivation and tightness check attached
 * (derivations.ts, tightness.ts), and the claims merged into others (merged.ts). IDs are stable: never rename or
 * reuse one.
 */
import type { Claim, MergedClaim } from "../claim.ts";
import { sourcePath } from "../source-path.ts";
import * as lemma1Module from "./lemma1.ts";
import * as section3Module from "./section3.ts";
import * as section4Module from "./section4.ts";
import * as simulationModule from "./simulation.ts";
import * as examplesModule from "./examples.ts";
import * as structureModule from "./structure.ts";
import { piOneIsP, pmfByEnumeration, pmfExact, pmfNonNegative, pmfSumsToOne } from "./lemma1.ts";
import { cor1, cor2, cor2PerLevelWithTies, cor2PerOutcomeWithTies, cor3, cor3Extended, gapUnbounded, thm1, thm1Extended, thm2, thm2PerLevelWithTies, thm2PerOutcomeWithTies, thm3, thm3Extended, thm3NonNegative } from "./section3.ts";
import { estimateBelowUpper, estimateMeanUpperBoundsKl, lemma2, lemma2Extended, pmfBelowDrawnAtLeastOnce, upperLooseness, upperLoosenessExtended, upperLoosenessLimit } from "./section4.ts";
import { pmfMatchesSimulation } from "./simulation.ts";
import { example1, klBelowLimit, klLimit, klNonDecreasing, uniformSaturation } from "./examples.ts";
import { boundIsFormulaMinusEstimate, cor3BelowThm3, estimateMinusKlFactors, gapTelescopes, upperMinusEstimate } from "./structure.ts";
import { derivations } from "./derivations.ts";
import { tightness } from "./tightness.ts";
import { mergedClaims as merged } from "./merged.ts";

const defined: readonly Claim<any>[] = [
  pmfNonNegative,
  pmfSumsToOne,
  pmfExact,
  pmfByEnumeration,
  piOneIsP,
  pmfMatchesSimulation,
  example1,
  thm1,
  thm1Extended,
  gapTelescopes,
  cor1,
  thm2,
  thm2PerOutcomeWithTies,
  thm2PerLevelWithTies,
  cor2,
  cor2PerOutcomeWithTies,
  cor2PerLevelWithTies,
  boundIsFormulaMinusEstimate,
  estimateMinusKlFactors,
  thm3,
  thm3Extended,
  thm3NonNegative,
  cor3,
  cor3Extended,
  cor3BelowThm3,
  gapUnbounded,
  pmfBelowDrawnAtLeastOnce,
  lemma2,
  lemma2Extended,
  estimateMeanUpperBoundsKl,
  upperLooseness,
  upperLoosenessExtended,
  upperLoosenessLimit,
  upperMinusEstimate,
  estimateBelowUpper,
  uniformSaturation,
  klNonDecreasing,
  klBelowLimit,
  klLimit,
];

/** The claims with their derivations and tightness checks. */
export const claims: readonly Claim<any>[] = defined.map((c) => {
  const derivation = derivations[c.id];
  const tight = tightness[c.id];
  return { ...c, ...(derivation === undefined ? {} : { derivation }), ...(tight === undefined ? {} : { tightness: tight }) };
});

/** Claims stating a fact tested under another id (not run; the spec points to the claim tested instead). */
export const mergedClaims: readonly MergedClaim[] = merged;

/** The modules that define claims, each exporting its claims and its SOURCE_URL. */
const MODULES: readonly Record<string, unknown>[] = [lemma1Module, section3Module, section4Module, simulationModule, examplesModule, structureModule];

function isClaim(value: unknown): value is Claim<unknown> {
  return typeof value === "object" && value !== null && typeof (value as Claim<unknown>).id === "string" && typeof (value as Claim<unknown>).check === "function";
}

/** The file that defines each claim (for the spec's links): every claim a module exports, with its module's path. */
export const claimFiles: ReadonlyMap<string, string> = new Map(
  MODULES.flatMap((module) => Object.values(module).filter(isClaim).map((c) => [c.id, sourcePath(module.SOURCE_URL as string)] as const)),
);

export function claimById(id: string): Claim<any> | undefined {
  return claims.find((c) => c.id === id);
}
