/**
 * The oracle as a subject-protocol server (`bonkl serve`): one JSON request per line on stdin, one response per
 * line on stdout. Values are decimal strings carrying only certified digits; every response also has an `enclosure`
 * field [lo, hi] (for bonPmf, one pair per outcome). Args may be JSON numbers or exact decimal strings.
 *
 * Each request is read and checked here (request-line.ts: size limits, ids, deadlineMs) and computed on a pool of
 * worker threads (serve-pool.ts), so that small requests do not wait behind a huge one and a deadline can stop a
 * computation. Responses are written as they are ready (the protocol matches them by id), one at a time, each
 * into an empty stdout buffer. Memory is bounded: lines over the limit are skipped as they stream by, and stdin is
 * no longer read while too many requests (or bytes of them) wait for their answer. When stdout is closed (the
 * client went away: `bonkl serve | head -1`), serving stops. This thread never loads the oracle (its start-up is
 * the first request's wait): answer-line.ts answers a line in the calling thread instead.
 */
import { availableParallelism } from "node:os";
import { LineReader } from "../subject/line-reader.ts";
import { drained } from "../io/drained.ts";
import { parseRequestLine, SERVE_LIMITS, tooLongLine, type ParsedLine, type Response, type ServeLimits } from "./request-line.ts";
import { ComputePool } from "./serve-pool.ts";

export interface ServeOptions {
  /** Significant digits of each value (default 40). */
  digits: number;
  /** Worker threads (default: the number of CPUs, at least 2 and at most 8). */
  workers?: number;
  /** Request limits (default SERVE_LIMITS). */
  limits?: ServeLimits;
}

/** Requests read and not yet answered beyond which stdin is no longer read (until some are answered). */
const MAX_WAITING_REQUESTS = 1024;
/** The same, in bytes of request lines. */
const MAX_WAITING_BYTES = 256 * 1024 * 1024;

export function defaultWorkers(): number {
  return Math.max(2, Math.min(availableParallelism(), 8));
}

type Output = NodeJS.WritableStream & { writable?: boolean; writableLength?: number };

/** Serves stdin to stdout until stdin ends (and every request is answered) or stdout is closed. */
export async function serveStdio(options: ServeOptions): Promise<void> {
  const input = process.stdin;
  const output: Output = process.stdout;
  const limits = options.limits ?? SERVE_LIMITS;
  const pool = new ComputePool(options.workers ?? defaultWorkers());
  pool.warmUp();
  const queue: { line: string; bytes: number }[] = []; // answers not yet written
  let writing = false;
  let waiting = 0; // requests read and not yet answered on stdout (computing, or their answer queued)
  let waitingBytes = 0;
  let inputEnded = false;
  let outputClosed = false;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));

  const paused = (): boolean => waiting >= MAX_WAITING_REQUESTS || waitingBytes >= MAX_WAITING_BYTES;
  const settle = (bytes: number): void => {
    waiting -= 1;
    waitingBytes -= bytes;
    if (!paused() && !inputEnded && !outputClosed && input.isPaused()) input.resume();
    if (inputEnded && waiting === 0) finish();
  };
  const flush = async (): Promise<void> => {
    if (writing) return;
    writing = true;
    while (queue.length > 0) {
      const { line, bytes } = queue.shift() as { line: string; bytes: number };
      if (!outputClosed && !output.write(line)) await drained(output); // the next answer goes into an empty buffer
      settle(bytes);
    }
    writing = false;
  };
  const respond = (response: Response, bytes: number): void => {
    queue.push({ line: `${JSON.stringify(response)}\n`, bytes });
    void flush();
  };
  const handle = (parsed: ParsedLine, bytes: number): void => {
    if (parsed.kind === "blank") return;
    waiting += 1;
    waitingBytes += bytes;
    if (parsed.kind === "answer") return respond(parsed.response, bytes);
    const { id, op, args, values, deadlineMs } = parsed;
    void pool.submit({ op, args, digits: options.digits, values, deadlineMs }).then((body) => respond({ id, ...body }, bytes));
  };
  const reader = new LineReader(limits.maxLineBytes, {
    line: (bytes) => handle(parseRequestLine(bytes, limits), bytes.length),
    tooLong: (head, total) => handle(tooLongLine(head, total, limits), 0),
  });

  const onData = (chunk: Buffer | string): void => {
    reader.push(typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk);
    if (paused()) input.pause();
  };
  const onEnd = (): void => {
    if (inputEnded) return;
    inputEnded = true;
    reader.end();
    if (waiting === 0) finish();
  };
  const onOutputClosed = (): void => {
    outputClosed = true;
    finish();
  };
  input.on("data", onData);
  input.on("end", onEnd);
  input.on("error", onEnd);
  output.on("error", onOutputClosed);
  output.on("close", onOutputClosed);
  try {
    await finished;
  } finally {
    input.removeListener("data", onData);
    input.removeListener("end", onEnd);
    input.removeListener("error", onEnd);
    output.removeListener("error", onOutputClosed);
    output.removeListener("close", onOutputClosed);
    if (outputClosed) {
      input.destroy(); // nothing more will be answered: stop holding the process open
    }
    await pool.close();
  }
}
