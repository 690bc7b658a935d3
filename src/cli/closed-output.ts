/**
 * What bonkl does when its output cannot be written. A reader that went away (`bonkl kl ... | head -1`, `| true`)
 * closes the pipe: writes fail with EPIPE, and bonkl goes on quietly, as Unix tools do: the rest of the output is
 * dropped, the command finishes (`check` still writes its `--json` report) and exits with its own status; `serve`
 * stops serving. Any other write error (ENOSPC on `> /dev/full`, EIO) loses output: one line on stderr, exit 1.
 * Without these handlers Node throws the stream's 'error' event as an uncaught exception with a stack trace.
 */

import { drained as drainedStream } from "../io/drained.ts";

type Stream = NodeJS.WritableStream & { writable?: boolean };

const closedStreams = new WeakSet<object>();
let lostOutput: string | null = null;

/** Whether `stream` was closed by its reader (EPIPE). */
export function isClosedByReader(stream: object): boolean {
  return closedStreams.has(stream);
}

function isReaderGone(error: NodeJS.ErrnoException): boolean {
  return error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED" || error.code === "ECONNRESET";
}

/**
 * Installs the handlers on `stream` (process.stdout or process.stderr). `name` is what the error line calls it.
 * `report` writes the error line (default: to stderr, unless stderr itself is the stream that failed).
 */
export function handleOutputErrors(stream: Stream, name: string, report?: (line: string) => void): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (isReaderGone(error)) {
      closedStreams.add(stream);
      return;
    }
    if (lostOutput !== null) return;
    lostOutput = `bonkl: cannot write to ${name}: ${error.message.split("\n")[0]}`;
    process.exitCode = 1;
    if (report !== undefined) report(lostOutput);
    else if (stream !== process.stderr && !closedStreams.has(process.stderr)) process.stderr.write(`${lostOutput}\n`);
  });
}

/** The exit status of a command that returned `code`: 1 instead of 0 when output was lost to a write error. */
export function exitStatusAfterOutput(code: number): number {
  return lostOutput !== null && code === 0 ? 1 : code;
}

/** Resolves when `stream` can take more (its 'drain'), or at once when it is closed, by its reader or otherwise. */
export function drained(stream: Stream): Promise<void> {
  return isClosedByReader(stream) ? Promise.resolve() : drainedStream(stream);
}
