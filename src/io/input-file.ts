/**
 * Reading an input file (or stdin for "-") as text, with read errors as one-line InputErrors. The read is bounded
 * (MAX_INPUT_BYTES): a device such as /dev/zero, or an endless pipe, is refused instead of filling the memory. A
 * UTF-8 byte order mark at the start is dropped (editors on Windows write one). Files read line by line (`bonkl
 * estimate`) are streamed instead: line-stream.ts.
 */
import { InputError } from "../errors.ts";
import { closeInput, openInput, readChunk } from "./input-bytes.ts";

/** The largest input file bonkl reads, in bytes. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

const CHUNK_BYTES = 1 << 20;

export function readInputText(path: string, maxBytes = MAX_INPUT_BYTES): string {
  const fd = openInput(path);
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      const read = readChunk(fd, path, chunk);
      if (read === 0) break;
      total += read;
      if (total > maxBytes) throw new InputError("file", path, `is larger than ${Math.round(maxBytes / 2 ** 20)} MiB, the most bonkl reads`);
      chunks.push(read === CHUNK_BYTES ? chunk : chunk.subarray(0, read));
    }
    return Buffer.concat(chunks, total).toString("utf8").replace(/^\uFEFF/, "");
  } finally {
    closeInput(fd);
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
