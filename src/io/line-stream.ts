/**
 * An input file (or stdin for "-") read line by line without holding it: memory depends on the longest line, not on
 * the number of lines or the size of the file (`bonkl estimate` on a file of 140 MB of blank lines, or an endless
 * pipe, runs in constant memory). Lines end with `\n` (a `\r` before it is dropped); a UTF-8 byte order mark at the
 * start is skipped; blank lines are skipped without being decoded; a line that is not UTF-8 or is longer than the
 * limit is an InputError naming its line number.
 */
import { fstatSync } from "node:fs";
import { InputError } from "../errors.ts";
import { closeInput, openInput, readChunk, readError } from "./input-bytes.ts";

/** The longest line read, in bytes: a line of an input file is one small record. */
export const MAX_LINE_BYTES = 1 << 20;

const CHUNK_BYTES = 1 << 20;
const decoder = new TextDecoder("utf-8", { fatal: true });

export interface Line {
  /** 1-based line number in the file. */
  readonly number: number;
  readonly text: string;
}

/** What has been read so far, for progress: bytes read, and the file's size (null for a pipe or a device). */
export interface ReadPosition {
  bytesRead: number;
  readonly totalBytes: number | null;
}

const isBlankByte = (b: number): boolean => b === 0x20 || b === 0x09 || b === 0x0d;

function isBlank(bytes: Buffer): boolean {
  for (const b of bytes) if (!isBlankByte(b)) return false;
  return true;
}

/** Opens `path` ("-" for stdin) for readLines, with open errors as InputErrors. */
export function openLines(path: string): { fd: number; position: ReadPosition } {
  const fd = openInput(path);
  let totalBytes: number | null = null;
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
    if (stats.isFile()) totalBytes = stats.size;
  } catch (error) {
    closeInput(fd);
    throw readError(path, error);
  }
  return { fd, position: { bytesRead: 0, totalBytes } };
}

/**
 * The non-blank lines of `path`, one at a time. `position` (from openLines, or made here) is updated as bytes are
 * read. The file is closed when the iteration ends, early or not.
 */
export function* readLines(path: string, maxLineBytes = MAX_LINE_BYTES, opened = openLines(path)): Generator<Line> {
  const { fd, position } = opened;
  const source = path === "-" ? "stdin" : path;
  let parts: Buffer[] = [];
  let size = 0;
  let lineNumber = 1;
  let first = true;
  const tooLong = (): InputError => new InputError(`${source} line ${lineNumber}`, "", `is longer than ${maxLineBytes} bytes, the most bonkl reads in one line`);
  const finish = (bytes: Buffer): Line | null => {
    let body = bytes;
    if (first) {
      first = false;
      if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) body = body.subarray(3); // UTF-8 byte order mark
    }
    if (body.length > 0 && body[body.length - 1] === 0x0d) body = body.subarray(0, body.length - 1);
    if (isBlank(body)) return null;
    try {
      return { number: lineNumber, text: decoder.decode(body) };
    } catch {
      throw new InputError(`${source} line ${lineNumber}`, "", "is not UTF-8 text");
    }
  };
  try {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    for (;;) {
      const read = readChunk(fd, path, chunk);
      if (read === 0) break;
      position.bytesRead += read;
      let start = 0;
      while (start < read) {
        const newline = chunk.indexOf(0x0a, start);
        const end = newline < 0 || newline >= read ? read : newline;
        if (size + (end - start) > maxLineBytes) throw tooLong();
        if (newline < 0 || newline >= read) {
          parts.push(Buffer.from(chunk.subarray(start, end))); // a copy: the chunk is reused
          size += end - start;
          break;
        }
        if (size === 0 && end === start && !first) {
          lineNumber += 1; // an empty line: nothing to decode
        } else {
          const bytes = size === 0 ? chunk.subarray(start, end) : Buffer.concat([...parts, chunk.subarray(start, end)]);
          parts = [];
          size = 0;
          const line = finish(bytes);
          if (line !== null) yield line;
          lineNumber += 1;
        }
        start = newline + 1;
      }
    }
    if (size > 0) {
      const line = finish(Buffer.concat(parts));
      if (line !== null) yield line;
    }
  } finally {
    closeInput(fd);
  }
}
