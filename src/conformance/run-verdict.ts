/**
 * The verdict of a whole run, its exit status and the summary line that ends the terminal report:
 *
 *   INTERRUPTED (130)  stopped by Ctrl-C
 *   FAIL (1)           some (op, domain) pair failed
 *   INCOMPLETE (1)     none failed, but some pair was NOT RUN or INCONCLUSIVE: the run did not show the subject
 *                      conforms, so it does not exit 0, and the summary says which pairs and why
 *   PASS (0)           every graded pair passed and every pair was graded (SKIP and INFO pairs aside)
 */
import type { ConformanceReport, OpDomainResult } from "./report.ts";

/** Exit status of an interrupted run (128 + SIGINT, as shells report it). */
export const INTERRUPTED_EXIT_STATUS = 130;

export interface RunVerdict {
  readonly verdict: ConformanceReport["verdict"];
  readonly exitStatus: number;
  readonly summary: string;
}

function pairs(results: readonly OpDomainResult[], verdict: string): OpDomainResult[] {
  return results.filter((r) => r.verdict === verdict);
}

function names(list: readonly OpDomainResult[]): string {
  return list.map((r) => `${r.op} in ${r.domain}`).join(", ");
}

/** "4 pairs NOT RUN (bonPmf in tiny, ...: why)" for the pairs not graded; empty when every pair was. */
export function ungradedNote(results: readonly OpDomainResult[], stoppedBecause: string | null): string {
  const parts: string[] = [];
  const notRun = pairs(results, "NOT RUN");
  if (notRun.length > 0) {
    const why = stoppedBecause === null ? (notRun[0] as OpDomainResult).remark : `the subject was stopped because ${stoppedBecause}`;
    parts.push(`${notRun.length} pair(s) NOT RUN (${names(notRun)}: ${why})`);
  }
  const inconclusive = pairs(results, "INCONCLUSIVE");
  if (inconclusive.length > 0) parts.push(`${inconclusive.length} pair(s) INCONCLUSIVE, fewer than half their cases graded (${names(inconclusive)})`);
  return parts.join("; ");
}

export function runVerdict(results: readonly OpDomainResult[], interrupted: boolean, stoppedBecause: string | null, durationMs: number, strict = false): RunVerdict {
  const graded = pairs(results, "PASS").length + pairs(results, "FAIL").length;
  const failing = pairs(results, "FAIL");
  const seconds = `${(durationMs / 1000).toFixed(1)} s`;
  const ungraded = ungradedNote(results, stoppedBecause);
  const tail = ungraded === "" ? "" : `; ${ungraded}`;
  if (interrupted) {
    return {
      verdict: "INTERRUPTED",
      exitStatus: INTERRUPTED_EXIT_STATUS,
      summary: `INTERRUPTED: partial report, ${graded} op x domain pairs graded${failing.length > 0 ? `, ${failing.length} failed` : ""} before the interruption (${seconds})`,
    };
  }
  const criterion = strict ? " (--strict: accurate)" : "";
  if (failing.length > 0) return { verdict: "FAIL", exitStatus: 1, summary: `FAIL: ${failing.length} of ${graded} graded op x domain pairs failed${criterion}${tail} (${seconds})` };
  if (ungraded !== "") return { verdict: "INCOMPLETE", exitStatus: 1, summary: `INCOMPLETE: no graded pair failed (${graded} graded), but ${ungraded} (${seconds})` };
  const skipped = pairs(results, "SKIP").length;
  const notAccurate = results.filter((r) => r.accuracy.verdict === "not accurate").length; // (every graded pair passed)
  const extra = [
    skipped > 0 ? `${skipped} skipped as unsupported` : "",
    !strict && notAccurate > 0 ? `${notAccurate} within tolerance but not accurate (see --strict)` : "",
  ].filter(Boolean);
  return {
    verdict: "PASS",
    exitStatus: 0,
    summary: `PASS: every checked op passed in every checked domain${criterion} (${graded} op x domain pairs graded${extra.length > 0 ? `; ${extra.join("; ")}` : ""}, ${seconds})`,
  };
}
