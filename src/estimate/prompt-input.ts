/**
 * What a practitioner has for `bonkl estimate`: per prompt, the n of best-of-n and the log-probability (natural
 * log) of the chosen sample under the base model, log eps_n. From a JSONL file (lines {"n": 16, "logp": -12.3}),
 * a CSV file (columns n, logp), or flags (--n 16 --logp -12.3,-8.1). logp may be a JSON number (its exact
 * binary64 value) or a decimal string (exact).
 */
import { InputError, UsageError } from "../errors.ts";
import { parseN } from "../oracle/index.ts";
import { rationalFromString } from "../numerics/rational.ts";
import { columnIndex, parseCsvTable } from "../io/csv-table.ts";
import { formatOf, readInputText } from "../io/input-file.ts";
import { parseNList, splitList } from "../io/list-values.ts";

export interface PromptSample {
  readonly n: number;
  /** log eps_n <= 0, as given. */
  readonly logp: number | string;
}

/** Validates logp: a finite number or a decimal string, <= 0. */
export function parseLogp(value: unknown, field: string): number | string {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new InputError(field, value, "must be a finite number");
    if (value > 0) throw new InputError(field, value, "must be <= 0 (the log of a probability)");
    return value;
  }
  if (typeof value === "string") {
    const r = rationalFromString(value.trim());
    if (r === null) throw new InputError(field, value, "must be a number");
    if (r.num > 0n) throw new InputError(field, value, "must be <= 0 (the log of a probability)");
    return value.trim();
  }
  throw new InputError(field, value, "must be a number (the natural log of the chosen sample's probability)");
}

function fromJsonl(text: string, source: string): PromptSample[] {
  const samples: PromptSample[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    const where = `${source} line ${i + 1}`;
    let o: unknown;
    try {
      o = JSON.parse(line);
    } catch {
      throw new InputError(where, line, 'is not JSON (expected {"n": 16, "logp": -12.3})');
    }
    if (typeof o !== "object" || o === null || Array.isArray(o)) throw new InputError(where, o, 'must be an object {"n": ..., "logp": ...}');
    const record = o as Record<string, unknown>;
    samples.push({ n: parseN(record.n, `${where}: n`), logp: parseLogp(record.logp, `${where}: logp`) });
  });
  return samples;
}

function fromCsv(text: string, source: string): PromptSample[] {
  const table = parseCsvTable(text, source);
  const nIndex = columnIndex(table, "n", source, true);
  const logpIndex = columnIndex(table, "logp", source, true);
  return table.records.map((rec) => {
    const where = `${source} line ${rec.line}`;
    return { n: parseN(rec.cells[nIndex], `${where}: n`), logp: parseLogp(rec.cells[logpIndex], `${where}: logp`) };
  });
}

export interface PromptFlags {
  file?: string;
  format?: string;
  n?: string;
  logp?: string;
}

export function readPrompts(flags: PromptFlags): PromptSample[] {
  let samples: PromptSample[];
  if (flags.file !== undefined) {
    if (flags.n !== undefined || flags.logp !== undefined) throw new UsageError("give the prompts either as a file or with --n/--logp, not both");
    const format = flags.format ?? formatOf(flags.file) ?? (flags.file === "-" ? "jsonl" : undefined);
    if (format !== "jsonl" && format !== "csv") throw new UsageError(`cannot tell the format of ${JSON.stringify(flags.file)}: name it .jsonl or .csv, or give --format jsonl|csv`);
    const text = readInputText(flags.file);
    samples = format === "csv" ? fromCsv(text, flags.file) : fromJsonl(text, flags.file);
  } else if (flags.logp !== undefined) {
    if (flags.n === undefined) throw new UsageError("--logp needs --n (one n for all, or one per logp)");
    const ns = parseNList(flags.n);
    const logps = splitList(flags.logp, "--logp").map((s, i) => parseLogp(s, `--logp[${i}]`));
    if (ns.length !== 1 && ns.length !== logps.length) throw new UsageError(`--n has ${ns.length} values and --logp ${logps.length}: give one n, or one per logp`);
    samples = logps.map((logp, i) => ({ n: (ns.length === 1 ? ns[0] : ns[i]) as number, logp }));
  } else if (flags.n !== undefined) {
    throw new UsageError("--n needs --logp, the log-probability of each prompt's chosen sample (see --help)");
  } else {
    throw new UsageError("give prompts: a .jsonl or .csv file, or --n 16 --logp -12.3,-8.1 (see --help)");
  }
  if (samples.length === 0) throw new InputError(flags.file ?? "--logp", "", "has no prompts");
  return samples;
}
