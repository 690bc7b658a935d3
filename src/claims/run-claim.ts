/**
 * Runs one claim's property with fast-check: draws cases, decides each (decide.ts), and collects what the spec
 * reports (counts, how each case was decided, tightest case, largest ratio, informative share). A refuted case
 * stops the run and fast-check shrinks it; the report then carries the shrunk counterexample, the seed and the
 * replay path.
 */
import fc from "fast-check";
import { runsFromEnvironment, seedFromEnvironment } from "../config.ts";
import type { Claim } from "./claim.ts";
import type { Evidence } from "./evidence.ts";
import { decideCase, type CaseOutcome } from "./decide.ts";
import type { CertifiedNumber } from "./certified-number.ts";
import { isNontrivialCase } from "./arbitraries/cases.ts";
import { DEFAULT_BUDGET, type Budget } from "./budget.ts";

export interface ClaimRun {
  readonly id: string;
  /** Seed of this claim's run (derived from the base seed and the claim id). */
  readonly seed: number;
  readonly runs: number;
  readonly verified: number;
  /** Cases where both sides are equal exactly (decided by algebra, e.g. n = 1). */
  readonly equal: number;
  /** Cases still undecided at the precision cap (or identities and statistical checks, which cannot be verified). */
  readonly consistent: number;
  readonly refuted: number;
  /** How the cases were decided: "verified: enclosures of both sides", "equal (exact): n = 1", ... -> count. */
  readonly breakdown: Readonly<Record<string, number>>;
  /** Cases where the bound says more than the trivial statement (claims with `informativeMeans`). */
  readonly informative: number | null;
  /** The verified case with the smallest slack rhs - lhs (certified enclosure); exact equalities are not counted. */
  readonly tightest: { slack: CertifiedNumber; ratio: CertifiedNumber | null; case: string } | null;
  /** The verified case with the largest ratio lhs / rhs (both sides positive; certified enclosure). */
  readonly largestRatio: { ratio: CertifiedNumber; case: string } | null;
  readonly maxPrecision: number;
  readonly counterexample: { case: string; raw: unknown; detail: string | null; path: string; seed: number; shrinks: number } | null;
  readonly seconds: number;
  /** The claim's fingerprint when the run was made (fingerprint.ts); absent from runs made before fingerprints. */
  readonly fingerprint?: string | null;
}

export interface RunOptions {
  runs: number;
  /** Base seed; each claim runs with seed = baseSeed mixed with a hash of its id. */
  seed: number;
  /** Replay path printed by an earlier failure. */
  path?: string;
  budget?: Budget;
  /** Run the claim's near miss instead of the claim. */
  nearMiss?: boolean;
  onCase?: (done: number, total: number) => void;
}

/** Outcomes in a case: the length of its p, or of all its components' p; 1 otherwise. */
function sizeOf(c: unknown): number {
  const o = c as { dist?: { p?: unknown[] }; components?: { dist: { p: unknown[] } }[] };
  if (o.dist?.p) return o.dist.p.length;
  if (o.components) return o.components.reduce((a, x) => a + x.dist.p.length, 0);
  return 1;
}

/** A stable 31-bit hash of a string (FNV-1a). */
export function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 1;
}

export function claimSeed(baseSeed: number, id: string): number {
  return (baseSeed ^ hashId(id)) | 0;
}

export function runClaim<C>(claim: Claim<C>, options: RunOptions): ClaimRun {
  const budget = { ...(options.budget ?? DEFAULT_BUDGET), ...claim.budget };
  const check: (arena: Parameters<Claim<C>["check"]>[0], c: C) => Evidence = options.nearMiss ? claim.nearMiss!.check : claim.check;
  // a near miss is run on non-trivial cases only (n >= 2, two reward levels or more): see isNontrivialCase
  const arbitrary = options.nearMiss ? (claim.nearMiss!.arbitrary ?? claim.arbitrary).filter(claim.nearMiss!.nontrivial ?? isNontrivialCase) : claim.arbitrary;
  const seed = claimSeed(options.seed, options.nearMiss ? `${claim.id}#near-miss` : claim.id);
  let verified = 0;
  let equal = 0;
  let consistent = 0;
  const breakdown: Record<string, number> = {};
  let refuted = 0;
  let informative = 0;
  let maxPrecision = 0;
  let tightest: ClaimRun["tightest"] = null;
  let largestRatio: ClaimRun["largestRatio"] = null;
  let failing = false;
  let lastRefutation: CaseOutcome | null = null;
  let done = 0;
  const start = performance.now();
  const property = fc.property(arbitrary, (c) => {
    const out = decideCase(claim, check, c, budget, claim.size?.(c) ?? sizeOf(c));
    if (failing) {
      // shrinking: only remember the latest refuted case's details
      if (out.verdict === "refuted") lastRefutation = out;
      return out.verdict !== "refuted";
    }
    done++;
    options.onCase?.(done, options.runs);
    maxPrecision = Math.max(maxPrecision, out.precision);
    breakdown[out.how] = (breakdown[out.how] ?? 0) + 1;
    if (out.verdict === "refuted") {
      refuted++;
      failing = true;
      lastRefutation = out;
      return false;
    }
    if (out.verdict === "verified") verified++;
    else if (out.verdict === "equal") equal++;
    else consistent++;
    if (out.informative) informative++;
    // ranked by the (approximate) log10 of the certified upper bound; what is reported is the certified enclosure
    const slackRank = out.slack?.log10 ?? null;
    if (out.verdict === "verified" && out.slack !== undefined && slackRank !== null && (tightest === null || slackRank < (tightest.slack.log10 as number))) {
      tightest = { slack: out.slack, ratio: out.ratio ?? null, case: claim.describe(c) };
    }
    const ratioRank = out.ratio?.log10 ?? null;
    if (out.verdict === "verified" && out.ratio !== undefined && ratioRank !== null && (largestRatio === null || ratioRank > (largestRatio.ratio.log10 as number))) {
      largestRatio = { ratio: out.ratio, case: claim.describe(c) };
    }
    return true;
  });
  const details = fc.check(property, { numRuns: options.runs, seed, ...(options.path ? { path: options.path } : {}), endOnFailure: false });
  const seconds = (performance.now() - start) / 1000;
  let counterexample: ClaimRun["counterexample"] = null;
  if (details.failed && details.counterexample) {
    const c = details.counterexample[0] as C;
    const refutation = lastRefutation as CaseOutcome | null;
    counterexample = {
      case: claim.describe(c),
      raw: c,
      detail:
        refutation?.detail ??
        (refutation?.slack !== undefined ? `the enclosures prove the negation: rhs - lhs in [${refutation.slack.lo}, ${refutation.slack.hi}], < 0` : details.errorInstance ? String(details.errorInstance) : null),
      path: details.counterexamplePath ?? "",
      seed,
      shrinks: details.numShrinks,
    };
  }
  return {
    id: claim.id,
    seed,
    runs: done,
    verified,
    equal,
    consistent,
    refuted,
    breakdown: Object.fromEntries(Object.entries(breakdown).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    informative: claim.informativeMeans ? informative : null,
    tightest,
    largestRatio,
    maxPrecision,
    counterexample,
    seconds,
  };
}

/** The default base seed: fixed, so that CI is reproducible. */
export const DEFAULT_CLAIMS_SEED = 20240103;
/** Cases per claim by default. */
export const DEFAULT_CLAIM_RUNS = 200;

/** The base seed of this process: BONKL_SEED, or the fixed default. UsageError when malformed. */
export function baseSeed(): number {
  return seedFromEnvironment(DEFAULT_CLAIMS_SEED);
}

/** Cases per claim: BONKL_RUNS, default 200. UsageError when malformed. */
export function runsPerClaim(): number {
  return runsFromEnvironment(DEFAULT_CLAIM_RUNS);
}
