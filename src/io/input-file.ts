/**
 * Reading an input file (or stdin for "-") as text, with read errors as one-line InputErrors. The read is bounded
 * (MAX_INPUT_BYTES): a device such as /dev/zero, or an endless pipe, is refused instead of filling the memory. A
 * UTF-8 byte order mark at the start is dropped (editors on Windows write one). Files read line by line (`bonkl
 * estimate`) are streamed instead: line-stream.ts.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { InputError } from "../errors.ts";

/** The largest input file bonkl reads, in bytes. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

const CHUNK_BYTES = 1 << 20;

function readError(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : (error as Error).message;
  return new InputError("file", path, `cannot be read (${reason})`);
}

/** Blocks this thread for `ms` (a non-blocking stdin with nothing to read yet). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function readInputText(path: string, maxBytes = MAX_INPUT_BYTES): string {
  let fd: number;
  try {
    fd = path === "-" ? 0 : openSync(path, "r");
  } catch (error) {
    throw readError(path, error);
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      let read: number;
      try {
        read = readSync(fd, chunk, 0, CHUNK_BYTES, null);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EAGAIN") {
          pause(10);
          continue;
        }
        if (code === "EOF") break; // Windows pipes
        throw readError(path, error);
      }
      if (read === 0) break;
      total += read;
      if (total > maxBytes) throw new InputError("file", path, `is larger than ${Math.round(maxBytes / 2 ** 20)} MiB, the most bonkl reads`);
      chunks.push(read === CHUNK_BYTES ? chunk : chunk.subarray(0, read));
    }
    return Buffer.concat(chunks, total).toString("utf8").replace(/^\uFEFF/, "");
  } finally {
    if (fd !== 0) closeSync(fd);
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
