/**
 * What a practitioner has for `bonkl estimate`: per prompt, the n of best-of-n and the log-probability (natural
 * log) of the chosen sample under the base model, log eps_n. From a JSONL file (lines {"n": 16, "logp": -12.3}),
 * a CSV file (columns n, logp), or flags (--n 16 --logp -12.3,-8.1). logp may be a JSON number (its exact
 * binary64 value) or a decimal string (exact). Files are streamed (src/io/line-stream.ts): prompts are read one at
 * a time as they are used, so memory does not grow with the file. A malformed line is an InputError naming it.
 */
import { InputError, UsageError } from "../errors.ts";
import { parseN } from "../oracle/index.ts";
import { rationalFromString } from "../numerics/rational.ts";
import { splitCsvLine } from "../io/csv-table.ts";
import { formatOf } from "../io/input-file.ts";
import { openLines, readLines, type ReadPosition } from "../io/line-stream.ts";
import { parseNList, splitList } from "../io/list-values.ts";

export interface PromptSample {
  readonly n: number;
  /** log eps_n <= 0, as given. */
  readonly logp: number | string;
  /** Where it was read, for messages: `prompts.jsonl line 3`, `--logp[2]`. */
  readonly where: string;
}

/** The prompts of one input, read as they are iterated. */
export interface PromptSource {
  /** For the report: the file name, "stdin" or "the command line". */
  readonly source: string;
  /** Bytes read so far and the file's size (null for flags; totalBytes null for a pipe). */
  readonly position: ReadPosition | null;
  /** The prompts, validated one by one (InputError at the first bad one). Iterate once. */
  prompts(): Generator<PromptSample>;
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

function* fromJsonl(path: string, source: string, opened: ReturnType<typeof openLines>): Generator<PromptSample> {
  for (const { number, text } of readLines(path, undefined, opened)) {
    const where = `${source} line ${number}`;
    let o: unknown;
    try {
      o = JSON.parse(text);
    } catch {
      throw new InputError(where, text, 'is not JSON (expected {"n": 16, "logp": -12.3})');
    }
    if (typeof o !== "object" || o === null || Array.isArray(o)) throw new InputError(where, o, 'must be an object {"n": ..., "logp": ...}');
    const record = o as Record<string, unknown>;
    yield { n: parseN(record.n, `${where}: n`), logp: parseLogp(record.logp, `${where}: logp`), where };
  }
}

function* fromCsv(path: string, source: string, opened: ReturnType<typeof openLines>): Generator<PromptSample> {
  let header: string[] | null = null;
  let nIndex = -1;
  let logpIndex = -1;
  for (const { number, text } of readLines(path, undefined, opened)) {
    const cells = splitCsvLine(text);
    if (header === null) {
      header = cells.map((h) => h.toLowerCase());
      nIndex = header.indexOf("n");
      logpIndex = header.indexOf("logp");
      for (const [name, index] of [["n", nIndex], ["logp", logpIndex]] as const) {
        if (index < 0) throw new InputError(source, header.join(","), `needs a column named ${JSON.stringify(name)} in its header`);
      }
      continue;
    }
    const where = `${source} line ${number}`;
    if (cells.length !== header.length) throw new InputError(where, text, `has ${cells.length} fields, the header has ${header.length}`);
    yield { n: parseN(cells[nIndex], `${where}: n`), logp: parseLogp(cells[logpIndex], `${where}: logp`), where };
  }
  if (header === null) throw new InputError(source, "", "is empty (expected a header line)");
}

export interface PromptFlags {
  file?: string;
  format?: string;
  n?: string;
  logp?: string;
}

export function readPrompts(flags: PromptFlags): PromptSource {
  if (flags.file !== undefined) {
    const file = flags.file;
    if (flags.n !== undefined || flags.logp !== undefined) throw new UsageError("give the prompts either as a file or with --n/--logp, not both");
    const format = flags.format ?? formatOf(file) ?? (file === "-" ? "jsonl" : undefined);
    if (format !== "jsonl" && format !== "csv") throw new UsageError(`cannot tell the format of ${JSON.stringify(file)}: name it .jsonl or .csv, or give --format jsonl|csv`);
    const opened = openLines(file); // open errors now, before any work
    const source = file === "-" ? "stdin" : file;
    return { source, position: opened.position, prompts: () => (format === "csv" ? fromCsv(file, file, opened) : fromJsonl(file, file, opened)) };
  }
  if (flags.logp !== undefined) {
    if (flags.n === undefined) throw new UsageError("--logp needs --n (one n for all, or one per logp)");
    const ns = parseNList(flags.n);
    const logps = splitList(flags.logp, "--logp").map((s, i) => parseLogp(s, `--logp[${i}]`));
    if (ns.length !== 1 && ns.length !== logps.length) throw new UsageError(`--n has ${ns.length} values and --logp ${logps.length}: give one n, or one per logp`);
    const samples = logps.map((logp, i) => ({ n: (ns.length === 1 ? ns[0] : ns[i]) as number, logp, where: `--logp[${i}]` }));
    return { source: "the command line", position: null, prompts: function* () { yield* samples; } };
  }
  if (flags.n !== undefined) throw new UsageError("--n needs --logp, the log-probability of each prompt's chosen sample (see --help)");
  throw new UsageError("give prompts: a .jsonl or .csv file, or --n 16 --logp -12.3,-8.1 (see --help)");
}
