/**
 * A minimal CSV reader for bonkl's numeric inputs: a header line, then one record per line, fields separated
 * by commas (optionally "quoted"). Blank lines are skipped; line numbers are kept for error messages.
 */
import { InputError } from "../errors.ts";

export interface CsvRecord {
  /** 1-based line number in the file. */
  readonly line: number;
  readonly cells: readonly string[];
}

export interface CsvTable {
  /** Header names, trimmed and lower-cased. */
  readonly header: readonly string[];
  readonly records: readonly CsvRecord[];
}

/** The cells of one CSV line: split on commas, trimmed, surrounding double quotes removed. */
export function splitCsvLine(line: string): string[] {
  return line.split(",").map((cell) => {
    const t = cell.trim();
    return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).trim() : t;
  });
}

export function parseCsvTable(text: string, source: string): CsvTable {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const headerIndex = lines.findIndex((l) => l.trim() !== "");
  if (headerIndex < 0) throw new InputError(source, "", "is empty (expected a header line)");
  const header = splitCsvLine(lines[headerIndex] as string).map((h) => h.toLowerCase());
  const records: CsvRecord[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === "") continue;
    const cells = splitCsvLine(line);
    if (cells.length !== header.length) throw new InputError(`${source} line ${i + 1}`, line, `has ${cells.length} fields, the header has ${header.length}`);
    records.push({ line: i + 1, cells });
  }
  return { header, records };
}

/** The index of column `name` (lower case), or -1; `required` makes a missing column an InputError. */
export function columnIndex(table: CsvTable, name: string, source: string, required: boolean): number {
  const index = table.header.indexOf(name);
  if (index < 0 && required) throw new InputError(source, table.header.join(","), `needs a column named ${JSON.stringify(name)} in its header`);
  return index;
}
