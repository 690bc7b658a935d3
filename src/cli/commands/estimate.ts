import { parseDigits } from "../../io/list-values.ts";
import { promptEstimates } from "../../estimate/prompt-estimates.ts";
import { readPrompts } from "../../estimate/prompt-input.ts";
import { summarize, Z_95, type Summary } from "../../estimate/summary-statistics.ts";
import { textTable } from "../../io/text-table.ts";
import { UsageError } from "../../errors.ts";
import type { Command } from "../command.ts";
import { parseFlags } from "../flags.ts";
import { progress } from "../progress.ts";

const DEFAULT_DIGITS = 6;

interface EstimateReport {
  readonly source: string;
  readonly estimate: Summary;
  readonly estimateUpper: Summary;
  readonly formula: Summary;
}

function renderText(report: EstimateReport, digits: number): string {
  const f = (x: number) => (Number.isNaN(x) ? "n/a" : x.toPrecision(digits).replace(/(\.\d*?)0+(e|$)/, "$1$2").replace(/\.(e|$)/, "$1"));
  const ci = (s: Summary) => (s.count < 2 ? "n/a (one prompt)" : `[${f(s.ci[0])}, ${f(s.ci[1])}]`);
  const rows = [
    ["mean over prompts", "value", "95% CI", "sd over prompts"],
    ["KLhat(eps_n), Eq. (28)", f(report.estimate.mean), ci(report.estimate), f(report.estimate.sd)],
    ["KLhat_1(eps_n), Eq. (26)", f(report.estimateUpper.mean), ci(report.estimateUpper), f(report.estimateUpper.sd)],
    ["log n - (n-1)/n, Eq. (5)", f(report.formula.mean), "(exact given n)", f(report.formula.sd)],
  ];
  return [
    `${report.estimate.count} prompt${report.estimate.count === 1 ? "" : "s"} from ${report.source}`,
    "",
    textTable(rows),
    "",
    `95% CI: mean +- ${Z_95} * (sample sd over prompts) / sqrt(count), a normal approximation over prompts.`,
    "Per-prompt values come from the certified oracle at eps_n = exp(logp). The formula of Eq. (5) is an upper",
    "bound on the KL (Theorem 1), often far above it; KLhat (Eq. 28) is the paper's proposed estimator.",
    "",
  ].join("\n");
}

function renderJson(report: EstimateReport): string {
  const s = (x: Summary) => ({ mean: x.mean, sd: Number.isNaN(x.sd) ? null : x.sd, ci95: Number.isNaN(x.ci[0]) ? null : x.ci });
  return `${JSON.stringify(
    {
      source: report.source,
      count: report.estimate.count,
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
  summary: "estimate KL(pi_n || p) from per-prompt n and log-probability of the chosen sample",
  help: [
    "Usage: bonkl estimate [FILE] [--format jsonl|csv] [--n N[,N...] --logp L1,L2,...] [--digits D] [--json]",
    "",
    "For each prompt, reads n (samples drawn for best-of-n) and logp, the natural log of the chosen sample's",
    "probability under the base model (log eps_n). Prints the mean over prompts of KLhat(eps_n) (Eq. 28) and",
    "KLhat_1(eps_n) (Eq. 26) with a 95% confidence interval, mean +- 1.96 * sample sd / sqrt(count), next to",
    "the mean of the formula log n - (n-1)/n (Eq. 5). Per-prompt values come from the certified oracle.",
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
    const samples = readPrompts({ file, format: values.format, n: values.n, logp: values.logp });
    const bar = progress("bonkl estimate");
    let estimates;
    try {
      estimates = promptEstimates(samples, (done, total) => bar.tick(done, total));
    } finally {
      bar.done();
    }
    const report: EstimateReport = {
      source: file === undefined ? "the command line" : file === "-" ? "stdin" : file,
      estimate: summarize(estimates.map((e) => e.estimate)),
      estimateUpper: summarize(estimates.map((e) => e.estimateUpper)),
      formula: summarize(estimates.map((e) => e.formula)),
    };
    process.stdout.write(values.json ? renderJson(report) : renderText(report, digits));
    return 0;
  },
};
