/**
 * A progress bar for long commands: drawn on stderr when stderr is a terminal, silent otherwise (pipes, files,
 * CI logs), so output stays clean where it is parsed.
 *
 *   const bar = progress("figures");
 *   for (let i = 0; i < total; i++) { work(i); bar.tick(i + 1, total, "figure-2-L10000"); }
 *   bar.done();
 */

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
  /** Force drawing on or off (default: whether the stream is a TTY). */
  enabled?: boolean;
  /** Least time between redraws in ms (default 100); the final tick (done = total) is always drawn. */
  intervalMs?: number;
  /** Clock in ms (tests). */
  now?: () => number;
}

const SILENT: Progress = { tick() {}, done() {} };
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

/** A progress bar titled `title`: draws on a TTY stream, does nothing otherwise. */
export function progress(title = "", options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const enabled = options.enabled ?? stream.isTTY === true;
  if (!enabled) return SILENT;
  const interval = options.intervalMs ?? 100;
  const now = options.now ?? (() => performance.now());
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
