/**
 * From what happened to what the report says: which case each request id belonged to (so faults in the subject's
 * log name the cases they hit), a case and its grade as a report record (args abbreviated when large), the
 * subject's log in report form, and the `npx bonkl check ...` command line that replays a run.
 */
import type { CaseRecord, ReportFault, SubjectLogSummary } from "./report.ts";
import type { Case } from "./case.ts";
import { magnitudesOf } from "./failure-class.ts";
import { groupFaults } from "./fault-groups.ts";
import { jsonWithin, previewJson } from "./json-preview.ts";
import { timeoutEvidence } from "./fault-evidence.ts";
import type { CaseGrade } from "./grade.ts";
import type { SubjectLog } from "../subject/subject.ts";
import type { SubjectSpec } from "../subject/open-subject.ts";
import { LISTED_REQUESTS, type RequestRegistry } from "./request-registry.ts";

export { LISTED_REQUESTS, RequestRegistry } from "./request-registry.ts";

/** Args whose JSON is longer than this are left out of the report (the label and the seed regenerate them). */
export const MAX_ARGS_CHARS = 4000;
/**
 * A shrunk counterexample is the evidence of its class: its args are kept in the JSON report up to this length
 * (a large-L case of 1e5 masses is about 2 MB).
 */
export const MAX_EVIDENCE_CHARS = 4_000_000;
const SUMMARY_CHARS = 160;

function finiteOrNull(x: number | null): number | null {
  return Number.isFinite(x) ? x : null; // (null is not finite)
}

/** One-line args, abbreviated in the middle of long arrays. */
export function summariseArgs(args: Record<string, unknown>): string {
  const text = JSON.stringify(args);
  if (text.length <= SUMMARY_CHARS) return text;
  const parts = Object.entries(args).map(([key, value]) => {
    if (Array.isArray(value) && value.length > 6) {
      const shown = [...value.slice(0, 3), "...", ...value.slice(-2)].map((v) => (v === "..." ? `...(${value.length - 5} more)...` : JSON.stringify(v)));
      return `"${key}":[${shown.join(",")}]`;
    }
    return `${JSON.stringify(key)}:${JSON.stringify(value)}`;
  });
  return `{${parts.join(",")}}`;
}

/** The answer as recorded: in full unless its JSON is longer than MAX_ARGS_CHARS (then an abbreviated string). */
function recordedAnswer(answer: unknown): unknown {
  if (answer === undefined) return null;
  return jsonWithin(answer, MAX_ARGS_CHARS) === null ? previewJson(answer, 200) : answer;
}

/** A case and its grade as the report records them; `evidence` keeps longer args (shrunk counterexamples). */
export function caseRecord(c: Case, grade: CaseGrade, index: number | null, evidence = false): CaseRecord {
  const text = JSON.stringify(c.args);
  const magnitudes = magnitudesOf(c.args);
  const accuracy = grade.accuracy;
  return {
    index,
    label: c.label,
    args: text.length <= (evidence ? MAX_EVIDENCE_CHARS : MAX_ARGS_CHARS) ? c.args : null,
    argsSummary: summariseArgs(c.args),
    n: magnitudes.n,
    smallest: magnitudes.small,
    requestId: grade.requestId,
    status: grade.status,
    failure: grade.failure,
    why: grade.why,
    answer: recordedAnswer(grade.answer),
    entry: grade.entry,
    expected: grade.expected,
    error: finiteOrNull(grade.error),
    tolerance: finiteOrNull(grade.tolerance),
    ratio: finiteOrNull(Number.isNaN(grade.ratio) ? null : grade.ratio),
    accuracyBound: accuracy === null ? null : accuracy.bound,
    accuracyRatio: accuracy === null ? null : finiteOrNull(accuracy.ratio),
    relativeErrorU: accuracy === null ? null : finiteOrNull(accuracy.relativeErrorU),
    reading: grade.reading,
  };
}


export function summariseSubjectLog(log: SubjectLog, registry: RequestRegistry): SubjectLogSummary {
  const faults: ReportFault[] = log.faults.map((f) => ({
    kind: f.kind,
    detail: f.detail,
    evidence: f.kind === "timeout" && f.ids.length > 0 ? timeoutEvidence(f.detail, f.ids.length) : null,
    excerpt: f.excerpt ?? null,
    instance: f.instance,
    requests: f.ids.slice(0, LISTED_REQUESTS).map((id) => registry.lookup(id)),
    moreRequests: Math.max(0, f.ids.length - LISTED_REQUESTS),
  }));
  const faultCounts: { [kind: string]: number } = {};
  for (const [kind, count] of Object.entries(log.faultCounts)) if (count !== undefined) faultCounts[kind] = count;
  const first = log.instances[0];
  const last = log.instances[log.instances.length - 1];
  return {
    description: log.description,
    requestsSent: log.requestsSent,
    requestsAnswered: log.requestsAnswered,
    requestsFaulted: log.requestsFaulted,
    faultCounts,
    faultGroups: groupFaults(faults),
    faults,
    stoppedBecause: log.stoppedBecause,
    quarantined: log.quarantined.map((q) => ({ op: q.op, ids: q.ids.slice(0, LISTED_REQUESTS), reason: q.reason })),
    stopped: log.stopped.map((s) => ({ op: s.op, reason: s.reason, count: s.count, sent: s.sent })),
    instances: log.instances.length,
    stderrHead: first?.stderr.head ?? "",
    stderrTail: last === undefined ? "" : last === first ? last.stderr.tail : last.stderr.tail || last.stderr.head,
  };
}

/** Quotes a word for a POSIX shell when needed. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

export function replayCommand(subject: SubjectSpec | null, seed: number, runs: number, domains: readonly string[] | null): string {
  const words = ["npx", "bonkl", "check"];
  if (subject?.module !== undefined) words.push("--subject", shellQuote(subject.module));
  if (subject?.command !== undefined) words.push("--subject-cmd", shellQuote(subject.command));
  words.push("--seed", String(seed), "--runs", String(runs));
  for (const d of domains ?? []) words.push("--domain", shellQuote(d));
  return words.join(" ");
}
