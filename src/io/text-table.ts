/** Plain-text tables for the terminal: columns padded to their widest cell, two spaces apart. */

export function textTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell + " ".repeat((widths[i] as number) - [...cell].length))).join("  ").trimEnd())
    .join("\n");
}
