/** The claims table (terminal) and the results file (JSON) of a claims run. */
import type { Claim } from "./claim.ts";
import type { Budget } from "./budget.ts";
import type { ClaimRun } from "./run-claim.ts";
import { showCertified } from "./certified-number.ts";

/**
 * Version 2: slacks and ratios are certified enclosures ({lo, hi, digits, log10}), exact equalities are counted
 * apart (`equal`), and each run has the breakdown of how its cases were decided. Files of version 1 are not read.
 */
export const RESULTS_FORMAT = "bonkl-claims-results/2";

export interface ClaimsResults {
  format: typeof RESULTS_FORMAT;
  /** The command that produced the file. */
  command: string;
  seed: number;
  runsPerClaim: number;
  budget: Budget;
  node: string;
  bonkl: string;
  /** When the run finished (ISO 8601). */
  finished: string;
  seconds: number;
  claims: ClaimRun[];
}

/** The verdict of a claim's run, as the table and the spec word it. */
export function status(claim: Claim<unknown>, run: ClaimRun): string {
  if (run.counterexample) return claim.refutedBy ? "refuted (known)" : "REFUTED";
  if (claim.refutedBy) return "not refuted (expected)";
  // identities and statistical tests cannot be verified: consistent, unless every case was an exact equality
  if (claim.decision === "identity" || claim.decision === "statistical") return run.consistent > 0 ? "consistent" : "equal (exact)";
  if (run.consistent === 0) return "verified";
  if (run.verified + run.equal === 0) return "consistent";
  return "verified/consistent";
}

export function informativeShare(run: ClaimRun): string {
  return run.informative === null ? "-" : `${Math.round((100 * run.informative) / Math.max(1, run.runs))}%`;
}

export function claimsTable(claims: readonly Claim<unknown>[], runs: readonly ClaimRun[]): string {
  const rows = runs.map((run, i) => {
    const claim = claims[i] as Claim<unknown>;
    return [
      run.id,
      claim.kind,
      String(run.runs),
      String(run.verified),
      String(run.equal),
      String(run.consistent),
      String(run.refuted),
      informativeShare(run),
      showCertified(run.tightest?.slack),
      showCertified(run.largestRatio?.ratio),
      status(claim, run),
      `${run.seconds.toFixed(1)}s`,
    ];
  });
  const header = ["claim", "kind", "cases", "verified", "equal", "consistent", "refuted", "informative", "min slack", "max ratio", "status", "time"];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] as string).length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 || c === 1 || c === 10 ? cell.padEnd(widths[c] as number) : cell.padStart(widths[c] as number))).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

export function counterexampleReport(claims: readonly Claim<unknown>[], runs: readonly ClaimRun[], baseSeed: number): string {
  const lines: string[] = [];
  runs.forEach((run, i) => {
    const claim = claims[i] as Claim<unknown>;
    if (!run.counterexample) return;
    lines.push(`${claim.refutedBy ? "known counterexample" : "COUNTEREXAMPLE"} to ${run.id} (${claim.statement})`);
    lines.push(`  case: ${run.counterexample.case}`);
    if (run.counterexample.detail) lines.push(`  ${run.counterexample.detail}`);
    lines.push(`  shrunk ${run.counterexample.shrinks} time(s); seed ${run.counterexample.seed} (base ${baseSeed}), path ${run.counterexample.path}`);
    lines.push(`  replay: npx bonkl claims --id ${run.id} --seed ${baseSeed} --path ${run.counterexample.path}`);
  });
  return lines.join("\n");
}
