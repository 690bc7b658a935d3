/**
 * The terminal form of a conformance report: the op x domain table (cases, worst error, worst error/tolerance,
 * verdict), then each failing pair's shrunk input, the informational findings, the subject's faults, notes, and
 * the seed with the replay command.
 */
import type { CaseRecord, ConformanceReport, OpDomainResult } from "./report.ts";

function formatError(x: number | null): string {
  if (x === null) return "-";
  if (x === 0) return "0";
  return x.toExponential(2);
}

function formatRatio(r: OpDomainResult): string {
  if (r.verdict === "FAIL" && r.worstCase !== null && r.worstCase.ratio === null) return "inf";
  if (r.worstRatio === null) return "-";
  if (r.worstRatio === 0) return "0";
  return r.worstRatio >= 0.01 ? r.worstRatio.toPrecision(3) : r.worstRatio.toExponential(1);
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, j) => Math.max(...rows.map((row) => (row[j] ?? "").length)));
  const numeric = new Set([2, 3, 4]);
  return rows.map((row) =>
    row
      .map((cell, j) => (numeric.has(j) ? cell.padStart(widths[j]!) : cell.padEnd(widths[j]!)))
      .join("  ")
      .trimEnd(),
  );
}

function value(v: unknown): string {
  const text = JSON.stringify(v);
  return text === undefined ? String(v) : text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function describeCase(c: CaseRecord, indent: string): string[] {
  const lines = [`${indent}input:    ${c.argsSummary}`, `${indent}case:     ${c.label}${c.index === null ? "" : ` (case #${c.index})`}`];
  const entry = c.entry === null ? "" : ` (entry ${c.entry})`;
  if (c.status === "fail" || c.status === "pass") {
    lines.push(`${indent}answer:   ${value(c.answer)}${entry}`);
    if (c.expected !== null) lines.push(`${indent}exact in: [${c.expected[0]}, ${c.expected[1]}]`);
    if (c.error !== null && c.tolerance !== null) {
      lines.push(`${indent}error:    ${formatError(c.error)}  tolerance ${formatError(c.tolerance)}  (${c.ratio === null ? "inf" : c.ratio.toPrecision(3)} x tolerance)`);
    }
  } else {
    lines.push(`${indent}answer:   ${value(c.answer)}`);
  }
  lines.push(`${indent}why:      ${c.why}`);
  return lines;
}

export function formatReport(report: ConformanceReport): string {
  const out: string[] = [];
  out.push(`bonkl check: ${report.subject}`);
  out.push(`seed ${report.seed}, ${report.runs} runs, domains: ${report.domains.join(", ")}`);
  out.push("");
  const rows = [["op", "domain", "cases", "worst error", "error/tol", "verdict", "remark"]];
  for (const r of report.results) rows.push([r.op, r.domain, String(r.cases), formatError(r.worstError), formatRatio(r), r.verdict, r.remark]);
  out.push(...table(rows));

  const failing = report.results.filter((r) => r.verdict === "FAIL");
  if (failing.length > 0) {
    out.push("", "Failures (shrunk input of each failing op and domain):");
    for (const r of failing) {
      out.push("", `  ${r.op} in ${r.domain}: ${r.remark}`);
      if (r.counterexample !== null) {
        out.push(...describeCase(r.counterexample, "    "));
        out.push(`    shrunk:   ${r.counterexample.shrinks} steps (fast-check seed ${r.familySeed}, path ${r.counterexample.path})`);
      } else if (r.worstCase !== null) {
        out.push("    (not shrunk: protocol faults)", ...describeCase(r.worstCase, "    "));
      }
    }
  }

  const accepted = report.results.filter((r) => r.verdict === "INFO" && r.worstCase !== null);
  if (accepted.length > 0) {
    out.push("", "Invalid inputs answered without an error (informational):");
    for (const r of accepted) out.push(`  ${r.op}: ${r.worstCase!.label} -> ${value(r.worstCase!.answer)} (${r.worstCase!.status})`);
  }

  const log = report.subjectLog;
  if (log.faults.length > 0) {
    const counts = Object.entries(log.faultCounts).map(([kind, n]) => `${kind} x${n}`).join(", ");
    out.push("", `Subject faults (${counts}):`);
    for (const f of log.faults.slice(0, 20)) {
      out.push(`  [${f.kind}] ${f.detail}${f.excerpt ? `: ${value(f.excerpt)}` : ""}`);
      for (const q of f.requests.slice(0, 3)) out.push(`      request ${q.id}: ${q.op} in ${q.domain}, ${q.label}`);
      const more = f.requests.length - 3 + f.moreRequests;
      if (more > 0) out.push(`      ... and ${more} more request(s)`);
    }
    if (log.faults.length > 20) out.push(`  ... and ${log.faults.length - 20} more fault(s) (see the JSON report)`);
    if (log.stoppedBecause !== null) out.push(`  the subject stopped: ${log.stoppedBecause}`);
    const stderr = (log.stderrTail || log.stderrHead).trim();
    if (stderr !== "") out.push("  subject stderr (end):", ...stderr.split("\n").slice(-8).map((l) => `    ${l}`));
  }

  for (const note of report.notes) out.push("", `Note: ${note}`);
  out.push("", `Seed ${report.seed}. Replay: ${report.replay}`);
  const graded = report.results.filter((r) => r.verdict === "PASS" || r.verdict === "FAIL").length;
  const seconds = `${(report.durationMs / 1000).toFixed(1)} s`;
  out.push(
    report.verdict === "PASS"
      ? `PASS: every checked op passed in every checked domain (${graded} op x domain pairs graded, ${seconds})`
      : report.verdict === "INTERRUPTED"
        ? `INTERRUPTED: partial report, ${graded} op x domain pairs graded${failing.length > 0 ? `, ${failing.length} failed` : ""} before the interruption (${seconds})`
        : `FAIL: ${failing.length} of ${graded} graded op x domain pairs failed (${seconds})`,
  );
  return `${out.join("\n")}\n`;
}
