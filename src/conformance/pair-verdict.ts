/**
 * The verdict of one (op, domain) pair and its remark (spec/conformance.md, "Verdicts"), from its tally:
 *
 *   FAIL          some case failed
 *   NOT RUN       no case was graded and some were never run (the subject had been stopped, or could not start)
 *   SKIP          every case was answered `unsupported`
 *   INCONCLUSIVE  no case failed but fewer than half the cases were graded (the rest unsupported or not run)
 *   PASS          no case failed and at least half were graded
 *   INFO          informational domains (invalid inputs, normalisation): what the subject did, never a failure
 */
import type { DomainKind } from "./domains/domain.ts";
import type { JobStats } from "./job-stats.ts";
import type { Verdict } from "./report.ts";

/** A pair passes only when at least this share of its cases was graded. */
export const MIN_GRADED_SHARE = 0.5;

export interface PairVerdict {
  readonly verdict: Verdict;
  readonly remark: string;
}

/** "unsupported: r" -> "r": the reason without the protocol's `unsupported` prefix (the remark says it once). */
export function unsupportedReason(message: string | undefined): string {
  const text = (message ?? "").replace(/^unsupported\b:?\s*/i, "").trim();
  return text === "" ? "no reason given" : text;
}

function countsNote(stats: JobStats): string[] {
  const notes: string[] = [];
  if (stats.skipped > 0) notes.push(`${stats.skipped} unsupported (${unsupportedReason(stats.skipReasons[0])})`);
  if (stats.notRun > 0) notes.push(`${stats.notRun} not run (${(stats.notRunReasons[0] as string).replace(/^not sent: /, "")})`);
  return notes;
}

export function pairVerdict(kind: DomainKind, stats: JobStats): PairVerdict {
  const notes = countsNote(stats);
  if (kind === "invalid") {
    const parts = [`${stats.rejected} rejected`, `${stats.accepted} accepted`];
    if (stats.faulted > 0) parts.push(`${stats.faulted} faulted`);
    return { verdict: "INFO", remark: `invalid inputs: ${[...parts, ...notes].join(", ")}` };
  }
  if (kind === "normalisation") {
    const parts = [
      `${stats.passed - stats.indistinct} match p / sum(p)`,
      `${stats.asGiven} match p as given (not normalised)`,
      `${stats.indistinct} match both (sum(p) too close to 1 to tell)`,
      `${stats.failed - stats.asGiven} neither`,
    ];
    return { verdict: "INFO", remark: `sum(p) off 1: ${[...parts, ...notes].join(", ")}` };
  }
  const classes = stats.classes.size;
  if (stats.failed > 0) {
    const head = `${stats.failed} of ${stats.cases} cases failed${classes > 1 ? ` (${classes} failure classes)` : ""}`;
    return { verdict: "FAIL", remark: [head, ...notes].join("; ") };
  }
  if (stats.passed === 0 && stats.notRun > 0) return { verdict: "NOT RUN", remark: `never graded: ${notes.join("; ")}` };
  if (stats.passed === 0) return { verdict: "SKIP", remark: `every case unsupported: ${unsupportedReason(stats.skipReasons[0])}` };
  if (stats.passed < MIN_GRADED_SHARE * stats.cases) {
    return { verdict: "INCONCLUSIVE", remark: `only ${stats.passed} of ${stats.cases} cases graded (at least half are needed for a verdict); ${notes.join("; ")}` };
  }
  return { verdict: "PASS", remark: notes.join("; ") };
}
