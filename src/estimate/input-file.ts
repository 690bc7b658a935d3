/** Reading an input file (or stdin for "-") as text, with read errors as one-line InputErrors. */
import { readFileSync } from "node:fs";
import { InputError } from "../errors.ts";

export function readInputText(path: string): string {
  try {
    return readFileSync(path === "-" ? 0 : path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : (error as Error).message;
    throw new InputError("file", path, `cannot be read (${reason})`);
  }
}

/** The format of a file from its extension: "json", "jsonl" or "csv" (undefined if unknown). */
export function formatOf(path: string): "json" | "jsonl" | "csv" | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith(".csv")) return "csv";
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) return "jsonl";
  if (lower.endsWith(".json")) return "json";
  return undefined;
}
