/** Every claim bonkl checks, in the order of the paper. IDs are stable: never rename or reuse one. */
import type { Claim } from "../claim.ts";
import { sourcePath } from "../source-path.ts";
import * as lemma1Module from "./lemma1.ts";
import * as section3Module from "./section3.ts";
import * as section4Module from "./section4.ts";
import * as simulationModule from "./simulation.ts";
import * as examplesModule from "./examples.ts";
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

/** The modules that define claims, each exporting its claims and its SOURCE_URL. */
const MODULES: readonly Record<string, unknown>[] = [lemma1Module, section3Module, section4Module, simulationModule, examplesModule];

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
