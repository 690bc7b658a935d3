/**
 * bonkl's conformance check inside a user's own test runner (vitest, node:test): the (op, domain) pairs to register
 * as tests, one run of `bonkl check` shared by them, and each pair's outcome with the same report text as
 * `bonkl check` prints (a failing pair's shrunk example, the subject's faults, the replay command).
 */
import { resolve } from "node:path";
import { formatReport } from "../conformance/format-report.ts";
import type { ConformanceReport, OpDomainResult } from "../conformance/report.ts";
import { runCheck, selectDomains } from "../conformance/run-check.ts";
import { GRADED_OPS, type GradedOp } from "../conformance/domains/index.ts";
import type { SubjectSpec } from "../subject/open-subject.ts";

export interface ConformanceSuiteOptions {
  /** A JS/TS module file (path relative to the working directory), `{ module }` or `{ command: "python3 impl.py" }`. */
  readonly subject: string | SubjectSpec;
  /** Domains to check (default: all of spec/conformance.md). */
  readonly domains?: readonly string[];
  /** Cases per op and domain (default 100, as `bonkl check`). */
  readonly runs?: number;
  /** Seed of the case generators (default: `bonkl check`'s). */
  readonly seed?: number;
  /** A request with no sign of progress for this long is a timeout fault (ms, default 10000). */
  readonly timeoutMs?: number;
}

/** One test to register: an op in a domain. */
export interface PlannedPair {
  readonly op: GradedOp;
  readonly domain: string;
  readonly name: string;
}

/** What a pair's test does: pass, fail with the report's text, or skip with the reason. */
export type PairOutcome = { readonly kind: "pass" } | { readonly kind: "fail"; readonly message: string } | { readonly kind: "skip"; readonly reason: string };

export function subjectSpecOf(subject: string | SubjectSpec): SubjectSpec {
  return typeof subject === "string" ? { module: resolve(subject) } : subject;
}

/** Every (op, domain) pair the selected domains grade, in report order. */
export function plannedPairs(options: ConformanceSuiteOptions): PlannedPair[] {
  return selectDomains(options.domains ?? null).flatMap((domain) =>
    GRADED_OPS.filter((op) => domain.ops[op] !== undefined).map((op) => ({ op, domain: domain.name, name: `${op} in ${domain.name}` })),
  );
}

/** Runs the check once for the whole suite. */
export function runSuiteCheck(options: ConformanceSuiteOptions): Promise<ConformanceReport> {
  return runCheck({
    subject: subjectSpecOf(options.subject),
    domains: options.domains ?? null,
    ...(options.runs === undefined ? {} : { runs: options.runs }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    subjectOptions: options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs },
  });
}

/** The outcome of one pair in a finished run. */
export function pairOutcome(report: ConformanceReport, pair: PlannedPair): PairOutcome {
  const result: OpDomainResult | undefined = report.results.find((r) => r.op === pair.op && r.domain === pair.domain);
  if (result === undefined) {
    const listed = report.capabilities === null || report.capabilities.includes(pair.op);
    return { kind: "skip", reason: listed ? `${pair.name} was not graded (${report.verdict === "INTERRUPTED" ? "the run was interrupted" : "see the report's notes"})` : `the subject does not list ${pair.op} in its capabilities` };
  }
  switch (result.verdict) {
    case "FAIL":
      return { kind: "fail", message: formatReport({ ...report, results: [result], verdict: "FAIL" }) };
    case "SKIP":
      return { kind: "skip", reason: `${pair.name}: ${result.remark}` };
    case "INFO":
      return { kind: "skip", reason: `${pair.name} is informational, never graded${result.remark === "" ? "" : `: ${result.remark}`}` };
    case "NOT RUN":
    case "INCONCLUSIVE":
      // never graded (or too few cases graded): not a pass, and the run does not exit 0
      return { kind: "fail", message: `${pair.name}: ${result.verdict}: ${result.remark}` };
    case "PASS":
      return { kind: "pass" };
  }
}
