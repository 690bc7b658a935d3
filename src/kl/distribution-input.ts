/**
 * The distribution a user gives `bonkl kl`: a JSON file {"p": [...], "r"?: [...], "n"?: n or [n...]}, a CSV
 * file with a column p and optionally r, or flags (--p 0.2,0.3,0.5 --r 1,2,3). Values stay as given (JSON
 * numbers, or strings such as "1e-30" and "1/3" that the oracle reads exactly); the oracle validates them.
 */
import { InputError, UsageError } from "../errors.ts";
import { parseN } from "../oracle/index.ts";
import { columnIndex, parseCsvTable } from "../io/csv-table.ts";
import { formatOf, readInputText } from "../io/input-file.ts";
import { parseNList, splitList } from "../io/list-values.ts";

export interface DistributionInput {
  readonly p: readonly (number | string)[];
  readonly r?: readonly (number | string)[];
  /** The n values to report, in the order given. */
  readonly n: readonly number[];
}

interface PartialInput {
  p: (number | string)[];
  r?: (number | string)[];
  n?: number[];
}

function fromJson(text: string, source: string): PartialInput {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(source, text.slice(0, 40), `is not valid JSON (${(error as Error).message})`);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) throw new InputError(source, data, 'must be a JSON object {"p": [...], "r"?: [...], "n"?: ...}');
  const o = data as Record<string, unknown>;
  if (!Array.isArray(o.p)) throw new InputError(`${source}: p`, o.p, "must be an array of probabilities");
  if (o.r !== undefined && !Array.isArray(o.r)) throw new InputError(`${source}: r`, o.r, "must be an array of rewards");
  const out: PartialInput = { p: o.p as (number | string)[] };
  if (o.r !== undefined) out.r = o.r as (number | string)[];
  if (o.n !== undefined) out.n = (Array.isArray(o.n) ? o.n : [o.n]).map((n, i) => parseN(n, Array.isArray(o.n) ? `${source}: n[${i}]` : `${source}: n`));
  return out;
}

function fromCsv(text: string, source: string): PartialInput {
  const table = parseCsvTable(text, source);
  const pIndex = columnIndex(table, "p", source, true);
  const rIndex = columnIndex(table, "r", source, false);
  if (table.records.length === 0) throw new InputError(source, "", "has a header but no rows");
  const p = table.records.map((rec) => rec.cells[pIndex] as string);
  const out: PartialInput = { p };
  if (rIndex >= 0) out.r = table.records.map((rec) => rec.cells[rIndex] as string);
  return out;
}

export interface DistributionFlags {
  file?: string;
  p?: string;
  r?: string;
  n?: string;
}

export function readDistributionInput(flags: DistributionFlags): DistributionInput {
  if (flags.file !== undefined && (flags.p !== undefined || flags.r !== undefined)) throw new UsageError("give the distribution either as a file or with --p/--r, not both");
  let partial: PartialInput;
  if (flags.file !== undefined) {
    const format = formatOf(flags.file) ?? "json";
    const text = readInputText(flags.file);
    partial = format === "csv" ? fromCsv(text, flags.file) : fromJson(text, flags.file);
  } else if (flags.p !== undefined) {
    partial = { p: splitList(flags.p, "--p") };
    if (flags.r !== undefined) partial.r = splitList(flags.r, "--r");
  } else {
    throw new UsageError("give a distribution: a JSON or CSV file, or --p 0.2,0.3,0.5 (see --help)");
  }
  const n = flags.n !== undefined ? parseNList(flags.n) : partial.n;
  if (n === undefined || n.length === 0) throw new UsageError("give n: --n 16 or --n 1,10,100 (or \"n\" in the JSON file)");
  return partial.r === undefined ? { p: partial.p, n } : { p: partial.p, r: partial.r, n };
}
