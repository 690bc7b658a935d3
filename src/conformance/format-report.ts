/**
 * The terminal form of a conformance report: the op x domain table (cases, worst error, worst error/tolerance,
 * verdict, and the accuracy grade: worst relative error in u, correct digits, accurate or not), then each failing
 * pair's failure classes (each with its shrunk example beside its worst case), the pairs not graded and why, the pairs
 * within tolerance but not accurate, answers that read p as given, the informational findings, the subject's faults
 * grouped by kind, how long answers took (with a --timeout suggestion after timeouts), notes, the seed with the
 * replay command, and the summary line.
 */
import { previewJson } from "./json-preview.ts";
import type { CaseRecord, ConformanceReport, Counterexample, FailureClassResult, OpDomainResult, ReportFault } from "./report.ts";

/** Inputs up to this many characters are printed whole. */
export const FULL_INPUT_CHARS = 2000;

export function formatError(x: number | null): string {
  if (x === null) return "-";
  if (x === 0) return "0";
  return x.toExponential(2);
}

export function formatRatio(r: OpDomainResult): string {
  if (r.verdict === "FAIL" && r.worstCase !== null && r.worstCase.ratio === null) return "inf";
  if (r.worstRatio === null) return "-";
  if (r.worstRatio === 0) return "0";
  return r.worstRatio >= 0.01 ? r.worstRatio.toPrecision(3) : r.worstRatio.toExponential(1);
}

/** A relative error in units of u: "0", "1.6", "312", "4.3e4". */
export function formatUnits(x: number | null): string {
  if (x === null) return "-";
  if (x === 0) return "0";
  return x < 1e4 ? String(Number(x.toPrecision(3))) : x.toExponential(1);
}

function accuracyCells(r: OpDomainResult): [string, string, string] {
  const a = r.accuracy;
  if (a.verdict === null) return ["-", "-", "-"];
  return [formatUnits(a.worstRelativeErrorU), a.correctDigits === null ? "-" : a.correctDigits.toFixed(1), a.verdict === "accurate" ? "yes" : "no"];
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, j) => Math.max(...rows.map((row) => (row[j] ?? "").length)));
  const numeric = new Set([2, 3, 4, 6, 7]);
  return rows.map((row) =>
    row
      .map((cell, j) => (numeric.has(j) ? cell.padStart(widths[j]!) : cell.padEnd(widths[j]!)))
      .join("  ")
      .trimEnd(),
  );
}

function value(v: unknown): string {
  return previewJson(v, 120);
}

/** The input as printed: whole when short or when it is the only evidence, else abbreviated with where to find it. */
export function inputLine(c: CaseRecord, where: string | null): string {
  const whole = c.args === null ? null : JSON.stringify(c.args);
  if (whole !== null && whole.length <= FULL_INPUT_CHARS) return whole;
  if (c.args !== null && where !== null) return `${c.argsSummary} (whole input: ${where})`;
  if (c.args !== null) return `${c.argsSummary} (whole input: rerun with --json FILE)`;
  return `${c.argsSummary} (too large to keep: the replay command regenerates it)`;
}

function magnitudes(c: CaseRecord): string {
  const parts: string[] = [];
  if (c.n !== null) parts.push(`n=${c.n}`);
  if (c.smallest !== null) parts.push(`smallest mass or eps ${c.smallest.toPrecision(3)}`);
  return parts.join(", ");
}

function describeCase(c: CaseRecord, indent: string, where: string | null): string[] {
  const lines = [`${indent}input:    ${inputLine(c, where)}`, `${indent}case:     ${c.label}${c.index === null ? "" : ` (case #${c.index})`}`];
  const entry = c.entry === null ? "" : ` (entry ${c.entry})`;
  lines.push(`${indent}answer:   ${value(c.answer)}${c.status === "fail" || c.status === "pass" ? entry : ""}`);
  if (c.expected !== null) lines.push(`${indent}exact in: [${c.expected[0]}, ${c.expected[1]}]`);
  if (c.error !== null && c.tolerance !== null) {
    lines.push(`${indent}error:    ${formatError(c.error)}  tolerance ${formatError(c.tolerance)}  (${c.ratio === null ? "inf" : c.ratio.toPrecision(3)} x tolerance)`);
  }
  lines.push(`${indent}why:      ${c.why}`);
  return lines;
}

function range(min: number | null, max: number | null, digits: boolean): string | null {
  if (min === null || max === null) return null;
  const show = (x: number): string => (digits ? x.toPrecision(2) : String(x));
  return min === max ? show(min) : `${show(min)} to ${show(max)}`;
}

function describeClass(r: OpDomainResult, k: number, c: FailureClassResult, resultIndex: number): string[] {
  const regime = [range(c.regime.nMin, c.regime.nMax, false), range(c.regime.smallMin, c.regime.smallMax, true)];
  const where = [regime[0] === null ? null : `n ${regime[0]}`, regime[1] === null ? null : `smallest mass or eps ${regime[1]}`].filter(Boolean).join(", ");
  const lines = [`  [${c.id}] ${c.description}: ${c.count} case(s)${where === "" ? "" : `, ${where}`}`];
  const shrunk: Counterexample | null = c.counterexample;
  const worst = c.worstCase;
  if (shrunk !== null) {
    lines.push(...describeCase(shrunk, "    ", `the JSON report, results[${resultIndex}].classes[${k}].counterexample.args`));
    lines.push(`    shrunk:   ${shrunk.shrinks} steps (fast-check seed ${r.familySeed}, path ${shrunk.path})`);
  } else if (c.kind === "fault") {
    lines.push("    (not shrunk: a fault such as a hang or a crash; each try would cost a timeout)");
  }
  const sameAsShrunk = shrunk !== null && shrunk.argsSummary === worst.argsSummary;
  const which = c.kind === "value" ? "worst case" : "first case";
  const size = worst.ratio === null ? "" : `: ${worst.ratio.toPrecision(3)} x tolerance`;
  lines.push(`    ${which} (#${worst.index}${magnitudes(worst) === "" ? "" : `, ${magnitudes(worst)}`})${sameAsShrunk ? ": the shrunk case itself" : size}`);
  if (!sameAsShrunk) lines.push(...describeCase(worst, "      ", `the JSON report, results[${resultIndex}].classes[${k}].worstCase.args`));
  return lines;
}

function failures(report: ConformanceReport): string[] {
  const out: string[] = [];
  report.results.forEach((r, i) => {
    if (r.verdict !== "FAIL") return;
    out.push("", `  ${r.op} in ${r.domain}: ${r.remark}`);
    if (r.classes.length === 0 && r.worstCase !== null) out.push(...describeCase(r.worstCase, "    ", `the JSON report, results[${i}].worstCase.args`));
    r.classes.forEach((c, k) => out.push(...describeClass(r, k, c, i)));
  });
  return out.length === 0 ? [] : ["", "Failures (each failure class with its shrunk example and its worst case):", ...out];
}

function notGraded(report: ConformanceReport): string[] {
  const rows = report.results.filter((r) => r.verdict === "NOT RUN" || r.verdict === "INCONCLUSIVE");
  if (rows.length === 0) return [];
  return ["", "Not graded (never PASS, never FAIL; the run does not exit 0):", ...rows.map((r) => `  ${r.op} in ${r.domain}: ${r.verdict}: ${r.remark}`)];
}

function notAccurate(report: ConformanceReport): string[] {
  const rows = report.results.filter((r) => r.verdict === "PASS" && r.accuracy.verdict === "not accurate");
  if (rows.length === 0) return [];
  const out = ["", "Within tolerance but not accurate (beyond the bound a careful implementation meets; --strict fails these):"];
  for (const r of rows) {
    const a = r.accuracy;
    const w = a.worstCase;
    out.push(
      `  ${r.op} in ${r.domain}: ${a.compared - a.accurate} of ${a.compared} cases; worst ${a.worstBoundRatio === null ? "inf" : a.worstBoundRatio.toPrecision(3)} x the bound, relative error ${formatUnits(a.worstRelativeErrorU)} u (${a.correctDigits?.toFixed(1) ?? "-"} digits)${w === null ? "" : `: ${w.argsSummary}${w.entry === null ? "" : ` entry ${w.entry}`} -> ${value(w.answer)}`}`,
    );
  }
  return out;
}

function asGiven(report: ConformanceReport): string[] {
  const rows = report.results.filter((r) => r.asGiven > 0);
  if (rows.length === 0) return [];
  const out = ["", "Answers that read p as given, not p / sum(p) (the protocol divides p by its exact sum):"];
  for (const r of rows) out.push(`  ${r.op} in ${r.domain}: ${r.asGiven} of ${r.cases} answers match p as given${r.worstCase?.reading ? `, e.g. ${r.worstCase.argsSummary}: ${r.worstCase.reading}` : ""}`);
  return out;
}

function invalidAccepted(report: ConformanceReport): string[] {
  const accepted = report.results.filter((r) => r.verdict === "INFO" && r.domain === "invalid" && r.worstCase !== null);
  if (accepted.length === 0) return [];
  return ["", "Invalid inputs answered without an error (informational):", ...accepted.map((r) => `  ${r.op}: ${r.worstCase!.label} -> ${value(r.worstCase!.answer)} (${r.worstCase!.status})`)];
}

function faults(report: ConformanceReport): string[] {
  const log = report.subjectLog;
  if (log.faults.length === 0 && log.stoppedBecause === null && log.quarantined.length === 0) return [];
  const counts = Object.entries(log.faultCounts)
    .map(([kind, n]) => `${kind} x${n}`)
    .join(", ");
  const out = ["", `Subject faults (${counts}):`, "  (grouped by kind and message, numbers set aside; the JSON report lists each)"];
  for (const g of log.faultGroups.slice(0, 20)) {
    const excerpt = g.examples.find((f) => f.excerpt !== null)?.excerpt;
    const message = g.count === 1 ? (g.examples[0] as ReportFault).detail : g.pattern;
    out.push(`  [${g.kind}] x${g.count}: ${message} (${g.requests} request(s))${excerpt === undefined ? "" : `, e.g. ${value(excerpt)}`}`);
    const requests = g.examples.flatMap((f) => f.requests).slice(0, 3);
    for (const q of requests) out.push(`      request ${q.id}: ${q.op} in ${q.domain}, ${q.label}`);
    const more = g.requests - requests.length;
    if (more > 0) out.push(`      ... and ${more} more request(s)`);
    for (const evidence of new Set(g.examples.map((f) => f.evidence).filter((e) => e !== null))) out.push(`      (${evidence})`);
  }
  if (log.faultGroups.length > 20) out.push(`  ... and ${log.faultGroups.length - 20} more group(s) (see the JSON report)`);
  if (log.stoppedBecause !== null) out.push(`  the subject stopped: ${log.stoppedBecause}`);
  for (const q of log.quarantined) out.push(`  ${q.op} quarantined (its other cases NOT RUN): ${q.reason}`);
  const givenUp = log.stopped.reduce((sum, s) => sum + s.count, 0);
  if (givenUp > 0) out.push(`  ${givenUp} request(s) given up, never graded (NOT RUN): ${log.stopped.map((s) => `${s.op} x${s.count}`).join(", ")}`);
  const stderr = (log.stderrTail || log.stderrHead).trim();
  if (stderr !== "") out.push("  subject stderr (end):", ...stderr.split("\n").slice(-8).map((l) => `    ${l}`));
  return out;
}

function timing(report: ConformanceReport): string[] {
  const t = report.timing;
  if (t.advice === null) return [];
  const waits = t.slowest.map((w) => `${w.ms} ms (${w.op} in ${w.domain}, ${w.label})`).join("; ");
  return ["", `Answer times: ${t.advice}`, ...(waits === "" ? [] : [`  longest waits: ${waits}`])];
}

export function formatReport(report: ConformanceReport): string {
  const out: string[] = [];
  out.push(`bonkl check: ${report.subject}`);
  out.push(`seed ${report.seed}, ${report.runs} runs, domains: ${report.domains.join(", ")}${report.strict ? "; --strict: a case passes only when accurate" : ""}`);
  out.push("");
  const rows = [["op", "domain", "cases", "worst error", "error/tol", "verdict", "rel err (u)", "digits", "accurate", "remark"]];
  for (const r of report.results) rows.push([r.op, r.domain, String(r.cases), formatError(r.worstError), formatRatio(r), r.verdict, ...accuracyCells(r), r.remark]);
  out.push(...table(rows));
  out.push(...failures(report), ...notGraded(report), ...notAccurate(report), ...asGiven(report), ...invalidAccepted(report), ...faults(report), ...timing(report));
  for (const note of report.notes) out.push("", `Note: ${note}`);
  out.push("", `Seed ${report.seed}. Replay: ${report.replay}`);
  out.push(report.summary);
  return `${out.join("\n")}\n`;
}
