/** The checker's report as text for the terminal: one line per region, the coverage, and the verdict. */
import type { CheckReport, RegionReport } from "./check-certificate.ts";

function regionLine(region: RegionReport): string {
  const where = region.method === "exact-n1" ? "v = 1 (n = 1)" : region.yRange ? `y in [${region.yRange[0]}, ${region.yRange[1]}]` : "no strips";
  const boxes = region.method === "exact-n1" ? "exact algebra" : `${region.boxes} box${region.boxes === 1 ? "" : "es"} in ${region.strips} strip${region.strips === 1 ? "" : "s"}`;
  const lower = region.minLower === undefined ? "" : `, smallest certified lower bound ${region.minLower}`;
  const verdict = region.failures.length === 0 ? "ok" : "FAILED";
  return `  ${region.method.padEnd(9)} ${where.padEnd(22)} ${boxes}${lower}: ${verdict}`;
}

export function formatCheckReport(path: string, report: CheckReport): string {
  const lines = [`${path}: theorem ${report.theorem}`, ...report.regions.map(regionLine)];
  for (const region of report.regions) for (const failure of region.failures) lines.push(`    ${failure}`);
  lines.push(report.coverage.length === 0 ? "  coverage  y in (0, inf] x v in [0, 1/2] and v = 1: covered" : "  coverage  FAILED");
  for (const problem of report.coverage) lines.push(`    ${problem}`);
  const summary = `${report.boxes} boxes re-checked at ${report.precision} bits in ${report.seconds.toFixed(2)} s`;
  lines.push(report.ok ? `VALID: ${summary}` : `INVALID: ${summary}; see the failures above`);
  return `${lines.join("\n")}\n`;
}
