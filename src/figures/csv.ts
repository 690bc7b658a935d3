/** A figure's CSV: a header `n,<columns>` and one line per n, values as certified decimal strings. */
import { COLUMNS } from "./columns.ts";
import type { PanelRow } from "./panel-row.ts";

export const CSV_HEADER: readonly string[] = ["n", ...COLUMNS.map((c) => c.name)];

export function panelCsv(rows: readonly PanelRow[]): string {
  const lines = [CSV_HEADER.join(",")];
  for (const row of [...rows].sort((a, b) => a.n - b.n)) lines.push([String(row.n), ...row.values].join(","));
  return `${lines.join("\n")}\n`;
}
