/**
 * Progress of long commands on stderr: a bar redrawn in place when stderr is a terminal; otherwise (pipes, files, CI
 * logs) one plain line every few seconds (PROGRESS_LINE_MS), the first only once the work has lasted that long, so
 * short runs print nothing and minutes of work are never silent:
 *
 *   bonkl check: progress 45% 2700/6000 klBon in standard, 12 s
 *
 * BONKL_PROGRESS_MS sets the time between such lines (default 5000 ms).
 *
 *   const bar = progress("bonkl figures");
 *   for (let i = 0; i < total; i++) { work(i); bar.tick(i + 1, total, "figure-2-L10000"); }
 *   bar.done();
 */

import { readInteger } from "../config.ts";

export interface Progress {
  /** Reports `done` of `total` units finished, with an optional label for what is being worked on. */
  tick(done: number, total: number, label?: string): void;
  /** Erases the bar (call once, when the work is over or has failed). */
  done(): void;
}

/** What the bar writes to: a stream that may be a terminal. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

export interface ProgressOptions {
  /** Where to draw (default process.stderr). */
  stream?: ProgressStream;
  /** Force progress off (false), or the bar on (true); default: the bar on a TTY, lines elsewhere. */
  enabled?: boolean;
  /** Least time between redraws of the bar in ms (default 100); the final tick (done = total) is always drawn. */
  intervalMs?: number;
  /** Time between progress lines when the stream is not a terminal, in ms (default BONKL_PROGRESS_MS, else 5000). */
  lineIntervalMs?: number;
  /** Clock in ms (tests). */
  now?: () => number;
}

const SILENT: Progress = { tick() {}, done() {} };

/** Time between progress lines on a stream that is not a terminal (BONKL_PROGRESS_MS overrides it). */
export const PROGRESS_LINE_MS = 5000;

/** BONKL_PROGRESS_MS, or PROGRESS_LINE_MS. UsageError when malformed. */
export function progressLineMs(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.BONKL_PROGRESS_MS;
  return text === undefined || text === "" ? PROGRESS_LINE_MS : readInteger(text, "BONKL_PROGRESS_MS", { min: 1, max: 3_600_000 });
}

/** A progress line as written on a stream that is not a terminal (tests use it to set such lines apart). */
export const PROGRESS_LINE = /^bonkl [\w-]+: progress (?:\d+% \d+\/\d+|\d+)(?: .*)?, \d+ s$/;
const CLEAR_LINE = "\r\x1b[2K";

/** The text of one bar line, fitted to `width` columns. */
export function progressLine(title: string, done: number, total: number, label: string | undefined, width: number): string {
  const fraction = total > 0 ? Math.min(Math.max(done / total, 0), 1) : 0;
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  const counts = `${done}/${total}`;
  const barWidth = Math.max(10, Math.min(30, width - title.length - percent.length - counts.length - 8));
  const filled = Math.round(fraction * barWidth);
  const bar = `[${"#".repeat(filled)}${"-".repeat(barWidth - filled)}]`;
  const line = `${title ? `${title} ` : ""}${bar} ${percent} ${counts}${label ? ` ${label}` : ""}`;
  return line.length > width - 1 ? line.slice(0, Math.max(0, width - 1)) : line;
}

/** The text of one progress line (no terminal): `bonkl check: progress 45% 2700/6000 klBon in standard, 12 s`. */
export function progressText(title: string, done: number, total: number, label: string | undefined, seconds: number): string {
  const fraction = Math.min(Math.max(done / total, 0), 1);
  const counts = total > 0 ? `${Math.floor(fraction * 100)}% ${done}/${total}` : `${done}`; // total unknown (a pipe): 0
  return `${title}: progress ${counts}${label ? ` ${label.replace(/[\r\n]+/g, " ")}` : ""}, ${Math.round(seconds)} s`;
}

/**
 * Progress lines every `interval` ms of work, the first after `interval` ms (short runs print nothing). Written by
 * the ticks of a synchronous loop, and by a timer while the work waits (a slow subject), so neither kind is silent.
 */
function lines(title: string, stream: ProgressStream, interval: number, now: () => number): Progress {
  const started = now();
  let next = started + interval;
  let state: { done: number; total: number; label: string | undefined } | null = null;
  const write = (): void => {
    const t = now();
    if (state === null || t < next) return;
    next = t + interval;
    stream.write(`${progressText(title, state.done, state.total, state.label, (t - started) / 1000)}\n`);
  };
  const timer = setInterval(write, Math.max(10, Math.round(interval / 5)));
  timer.unref();
  return {
    tick(done, total, label) {
      state = { done, total, label };
      write();
    },
    done() {
      clearInterval(timer);
    },
  };
}

/** Progress titled `title` (`bonkl check`): a bar on a TTY stream, a line every few seconds otherwise. */
export function progress(title = "", options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  if (options.enabled === false) return SILENT;
  const now = options.now ?? (() => performance.now());
  if (options.enabled !== true && stream.isTTY !== true) return lines(title, stream, options.lineIntervalMs ?? progressLineMs(), now);
  const interval = options.intervalMs ?? 100;
  let last = Number.NEGATIVE_INFINITY;
  let drawn = false;
  return {
    tick(done, total, label) {
      const t = now();
      if (t - last < interval && done < total) return;
      last = t;
      drawn = true;
      const columns = stream.columns !== undefined && stream.columns >= 20 ? stream.columns : 80; // 0 when unknown
      stream.write(`${CLEAR_LINE}${progressLine(title, done, total, label, columns)}`);
    },
    done() {
      if (drawn) stream.write(CLEAR_LINE);
      drawn = false;
    },
  };
}
