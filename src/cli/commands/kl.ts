import { plainDecimal } from "../../io/decimal-format.ts";
import { readDistributionInput } from "../../kl/distribution-input.ts";
import { klReport, type KlReport, type ReportLine } from "../../kl/kl-report.ts";
import { parseDigits } from "../../io/list-values.ts";
import { textTable } from "../../io/text-table.ts";
import { UsageError } from "../../errors.ts";
import type { Command } from "../command.ts";
import { parseFlags } from "../flags.ts";
import { progress } from "../progress.ts";

const DEFAULT_DIGITS = 12;
const MAX_DIGITS = 100;

function cells(line: ReportLine): string[] {
  const value = line.value === null ? "(no digit certified)" : `${plainDecimal(line.value)}${line.complete ? "" : " *"}`;
  return [line.label, line.reference, value, `[${plainDecimal(line.enclosure[0])}, ${plainDecimal(line.enclosure[1])}]`];
}

function renderText(report: KlReport): string {
  const rows: string[][] = [["distribution", "reference", "value", "enclosure"], ...report.distribution.map(cells)];
  for (const { n, lines } of report.perN) rows.push([], [`n = ${n}`], ...lines.map(cells));
  const incomplete = [...report.distribution, ...report.perN.flatMap((b) => b.lines)].some((l) => !l.complete);
  const notes = [
    `p: ${report.outcomes} outcomes. Values: the exact quantity correctly rounded to ${report.digits} significant digits (trailing zeros`,
    `dropped); enclosures are certified bounds on it. 0 means the enclosure lies within +-${report.zeroFloor}. Natural logs (nats).`,
    ...(incomplete ? ["*: fewer digits than asked could be certified at the precision cap; the enclosure is still rigorous."] : []),
  ];
  return `${textTable(rows)}\n\n${notes.join("\n")}\n`;
}

function renderJson(report: KlReport): string {
  const entry = (l: ReportLine) => [
    l.key,
    { label: l.label, reference: l.reference, value: l.value === null ? null : plainDecimal(l.value), enclosure: l.enclosure.map((e) => plainDecimal(e)), complete: l.complete },
  ];
  return `${JSON.stringify(
    {
      outcomes: report.outcomes,
      digits: report.digits,
      zeroFloor: report.zeroFloor,
      distribution: Object.fromEntries(report.distribution.map(entry)),
      results: report.perN.map(({ n, lines }) => ({ n, ...Object.fromEntries(lines.map(entry)) })),
    },
    null,
    2,
  )}\n`;
}

export const klCommand: Command = {
  name: "kl",
  help: [
    "Usage: bonkl kl [FILE] [--p P1,P2,...] [--r R1,R2,...] --n N[,N...] [--digits D] [--json]",
    "",
    "Certifies, for p (and optional rewards r) and each n: KL(pi_n || p) (Eq. 3), the formula log n - (n-1)/n",
    "(Eq. 5), their gap (Theorem 1), E[KLhat(eps_n)] (Eq. 28) and E[KLhat_1(eps_n)] (Eq. 26) under pi_n with",
    "their standard deviations, the bounds of Theorems 2, 3, 4, Corollaries 2, 3 and Lemma 2; and, once,",
    "eps_infinity and H_2(p) (Eq. 18). Each value is correctly rounded, with a certified enclosure.",
    "",
    "The distribution comes from FILE or from --p/--r:",
    '  FILE.json   {"p": [0.2, "0.3", "1/2"], "r": [1, 2, 3], "n": 16}   (r and n optional; n may be a list)',
    "  FILE.csv    a header with a column p and optionally r, then one outcome per line",
    "Without r, p is in increasing reward order. Strings such as \"1e-30\" or \"1/3\" are exact; JSON numbers are",
    "their exact binary64 values; p is normalised by its exact sum (which must be 1 within 1e-6).",
    "",
    "Flags:",
    "  --p LIST       probabilities, comma-separated (exact decimals or ratios a/b)",
    "  --r LIST       rewards, comma-separated (ties allowed)",
    "  --n LIST       one or more n, comma-separated (overrides n in a JSON file)",
    `  --digits D     significant digits per value (default ${DEFAULT_DIGITS}, at most ${MAX_DIGITS})`,
    "  --json         machine-readable output",
    "",
    "Examples:",
    "  npx bonkl kl --p 0.2,0.3,0.5 --r 1,2,3 --n 16",
    "  npx bonkl kl --p 1/2,1/2 --n 1,10,100 --digits 20",
    "  npx bonkl kl dist.json --json",
  ].join("\n"),
  async run(argv) {
    const { values, positionals } = parseFlags(
      argv,
      { p: { type: "string" }, r: { type: "string" }, n: { type: "string" }, digits: { type: "string" }, json: { type: "boolean" } },
      true,
    );
    if (positionals.length > 1) throw new UsageError(`expected at most one input file, got ${positionals.length} (see --help)`);
    const digits = parseDigits(values.digits, DEFAULT_DIGITS, MAX_DIGITS);
    const input = readDistributionInput({ file: positionals[0], p: values.p, r: values.r, n: values.n });
    const bar = progress("bonkl kl");
    let report: KlReport;
    try {
      report = klReport(input, digits, (done, total, label) => bar.tick(done, total, label));
    } finally {
      bar.done();
    }
    process.stdout.write(values.json ? renderJson(report) : renderText(report));
    return 0;
  },
};
