/**
 * The bytes of an input file or of stdin ("-"), read synchronously in chunks, with open and read errors as one-line
 * InputErrors naming the file. Shared by the whole-file reader (input-file.ts) and the line reader (line-stream.ts).
 */
import { closeSync, openSync, readSync } from "node:fs";
import { InputError } from "../errors.ts";

/** An open or read error as an InputError naming the file. */
export function readError(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : (error as Error).message;
  return new InputError("file", path, `cannot be read (${reason})`);
}

/** Blocks this thread for `ms` (a non-blocking stdin with nothing to read yet). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The file descriptor of `path` ("-": stdin), opened for reading. */
export function openInput(path: string): number {
  try {
    return path === "-" ? 0 : openSync(path, "r");
  } catch (error) {
    throw readError(path, error);
  }
}

/** Closes what openInput opened (never stdin). */
export function closeInput(fd: number): void {
  if (fd !== 0) closeSync(fd);
}

/** Reads the next bytes into `buffer`: how many, 0 at the end; a non-blocking stdin with nothing yet is waited for. */
export function readChunk(fd: number, path: string, buffer: Buffer): number {
  for (;;) {
    try {
      return readSync(fd, buffer, 0, buffer.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") {
        pause(10);
        continue;
      }
      if (code === "EOF") return 0; // Windows pipes
      throw readError(path, error);
    }
  }
}
