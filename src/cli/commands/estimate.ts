import { parseDigits } from "../../io/list-values.ts";
import { estimatePrompts, type EstimateSummary } from "../../estimate/prompt-estimates.ts";
import { readPrompts } from "../../estimate/prompt-input.ts";
import { Z_95, type Summary } from "../../estimate/summary-statistics.ts";
import { textTable } from "../../io/text-table.ts";
import { UsageError } from "../../errors.ts";
import type { Command } from "../command.ts";
import { parseFlags } from "../flags.ts";
import { progress } from "../progress.ts";

const DEFAULT_DIGITS = 6;

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? "" : "s"}`;

/** What was left out or not certified, one sentence each (empty when nothing was). */
function caveats(report: EstimateSummary): string[] {
  const lines: string[] = [];
  if (report.leftOutCount > 0) {
    const listed = report.leftOut.map((l) => `${l.where}: ${l.reason}`).join("; ");
    const more = report.leftOutCount > report.leftOut.length ? `; and ${report.leftOutCount - report.leftOut.length} more` : "";
    lines.push(`Left out of every mean (${plural(report.leftOutCount, "prompt")} of ${report.read}): ${listed}${more}.`);
  }
  if (report.uncertified > 0) {
    lines.push(`${plural(report.uncertified, "per-prompt value")} could not be certified as the double nearest the exact value at the precision cap; the midpoint of its enclosure was used.`);
  }
  return lines;
}

function renderText(report: EstimateSummary, digits: number): string {
  const f = (x: number) => (Number.isNaN(x) ? "n/a" : x.toPrecision(digits).replace(/(\.\d*?)0+(e|$)/, "$1$2").replace(/\.(e|$)/, "$1"));
  const ci = (s: Summary) => (s.count < 2 ? "n/a (one prompt)" : `[${f(s.ci[0])}, ${f(s.ci[1])}]`);
  const rows = [
    ["mean over prompts", "value", "95% CI", "sd over prompts"],
    ["KLhat(eps_n), Eq. (28)", f(report.estimate.mean), ci(report.estimate), f(report.estimate.sd)],
    ["KLhat_1(eps_n), Eq. (26)", f(report.estimateUpper.mean), ci(report.estimateUpper), f(report.estimateUpper.sd)],
    ["log n - (n-1)/n, Eq. (5)", f(report.formula.mean), "(exact given n)", f(report.formula.sd)],
  ];
  const notes = caveats(report);
  return [
    `${plural(report.estimate.count, "prompt")} from ${report.source}${report.leftOutCount > 0 ? ` (${report.leftOutCount} more left out: see below)` : ""}`,
    "",
    textTable(rows),
    "",
    `95% CI: mean +- ${Z_95} * (sample sd over prompts) / sqrt(count), a normal approximation over prompts.`,
    "Per-prompt values come from the certified oracle at eps_n = exp(logp), each the double nearest the exact value.",
    "The formula of Eq. (5) is an upper bound on the KL (Theorem 1), often far above it; KLhat (Eq. 28) is the",
    "paper's proposed estimator.",
    ...(notes.length > 0 ? ["", ...notes] : []),
    "",
  ].join("\n");
}

function renderJson(report: EstimateSummary): string {
  const s = (x: Summary) => ({ mean: x.mean, sd: Number.isNaN(x.sd) ? null : x.sd, ci95: Number.isNaN(x.ci[0]) ? null : x.ci });
  return `${JSON.stringify(
    {
      source: report.source,
      count: report.estimate.count,
      read: report.read,
      leftOut: { count: report.leftOutCount, listed: report.leftOut },
      uncertifiedValues: report.uncertified,
      ci: { level: 0.95, method: `mean +- ${Z_95} * sample sd / sqrt(count)` },
      klEstimate: { reference: "Eq. (28)", ...s(report.estimate) },
      klEstimateUpper: { reference: "Eq. (26)", ...s(report.estimateUpper) },
      klFormula: { reference: "Eq. (5)", mean: report.formula.mean, sd: Number.isNaN(report.formula.sd) ? null : report.formula.sd },
    },
    null,
    2,
  )}\n`;
}

export const estimateCommand: Command = {
  name: "estimate",
  help: [
    "Usage: bonkl estimate [FILE] [--format jsonl|csv] [--n N[,N...] --logp L1,L2,...] [--digits D] [--json]",
    "",
    "For each prompt, reads n (samples drawn for best-of-n) and logp, the natural log of the chosen sample's",
    "probability under the base model (log eps_n). Prints the mean over prompts of KLhat(eps_n) (Eq. 28) and",
    "KLhat_1(eps_n) (Eq. 26) with a 95% confidence interval, mean +- 1.96 * sample sd / sqrt(count), next to",
    "the mean of the formula log n - (n-1)/n (Eq. 5). Per-prompt values come from the certified oracle, each the",
    "double nearest the exact value. Files are read as a stream (memory does not grow with their length). A prompt",
    "whose values exceed the double range (logp = \"-1e10000\") is left out of the means with a warning; a",
    "malformed line stops the command with an error naming it.",
    "",
    "Input:",
    '  FILE.jsonl   one JSON object per line: {"n": 16, "logp": -12.3}   ("-" reads JSON lines from stdin)',
    "  FILE.csv     a header with columns n and logp, then one prompt per line",
    "  --n, --logp  inline: one n for all prompts or one per logp",
    "",
    "Flags:",
    "  --format F    jsonl or csv (default: from the file name)",
    "  --n LIST      n per prompt (comma-separated), or one n for all",
    "  --logp LIST   log-probabilities, comma-separated (each <= 0)",
    `  --digits D    significant digits shown (default ${DEFAULT_DIGITS}; --json prints full doubles)`,
    "  --json        machine-readable output",
    "",
    "Examples:",
    "  npx bonkl estimate prompts.jsonl",
    "  npx bonkl estimate --n 16 --logp -12.3,-8.1,-0.02",
  ].join("\n"),
  async run(argv) {
    const { values, positionals } = parseFlags(
      argv,
      { format: { type: "string" }, n: { type: "string" }, logp: { type: "string" }, digits: { type: "string" }, json: { type: "boolean" } },
      true,
    );
    if (positionals.length > 1) throw new UsageError(`expected at most one input file, got ${positionals.length} (see --help)`);
    if (values.format !== undefined && values.format !== "jsonl" && values.format !== "csv") throw new UsageError(`--format must be jsonl or csv, got ${JSON.stringify(values.format)}`);
    const digits = parseDigits(values.digits, DEFAULT_DIGITS, 17);
    const file = positionals[0];
    const input = readPrompts({ file, format: values.format, n: values.n, logp: values.logp });
    const bar = progress("bonkl estimate");
    const position = input.position;
    let report: EstimateSummary;
    try {
      report = estimatePrompts(input, (count) =>
        position === null ? bar.tick(count, count) : bar.tick(position.bytesRead, position.totalBytes ?? 0, `bytes read, ${plural(count, "prompt")}`),
      );
    } finally {
      bar.done();
    }
    if (report.leftOutCount > 0) {
      const first = report.leftOut[0] as { where: string; reason: string };
      process.stderr.write(`bonkl estimate: warning: ${plural(report.leftOutCount, "prompt")} left out of the means (${first.where}: ${first.reason}${report.leftOutCount > 1 ? "; ..." : ""})\n`);
    }
    process.stdout.write(values.json ? renderJson(report) : renderText(report, digits));
    return 0;
  },
};
