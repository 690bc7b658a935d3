/** A case and its grade as the report shows them (args abbreviated when large). */
import type { Case } from "./case.ts";
import type { CaseGrade } from "./case-grade.ts";
import type { CaseRecord } from "./report.ts";

/** Args whose JSON is longer than this are left out of the report (the label and the seed regenerate them). */
export const MAX_ARGS_CHARS = 4000;
const SUMMARY_CHARS = 160;

function finiteOrNull(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
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
  const text = JSON.stringify(answer);
  if (text === undefined || text.length <= MAX_ARGS_CHARS) return answer;
  return `${text.slice(0, 200)}... (${text.length} characters)`;
}

export function caseRecord(c: Case, grade: CaseGrade, index: number | null): CaseRecord {
  const text = JSON.stringify(c.args);
  return {
    index,
    label: c.label,
    args: text.length <= MAX_ARGS_CHARS ? c.args : null,
    argsSummary: summariseArgs(c.args),
    requestId: grade.requestId,
    status: grade.status,
    why: grade.why,
    answer: recordedAnswer(grade.answer),
    entry: grade.entry,
    expected: grade.expected,
    error: finiteOrNull(grade.error),
    tolerance: finiteOrNull(grade.tolerance),
    ratio: finiteOrNull(Number.isNaN(grade.ratio) ? null : grade.ratio),
  };
}
