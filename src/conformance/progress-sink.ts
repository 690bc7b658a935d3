/**
 * How a check reports progress: the number of cases to grade, each graded case, and what it is working on.
 * `barProgress` draws it with the shared progress bar of src/cli/progress.ts (stderr, terminals only).
 */
import { progress } from "../cli/progress.ts";

export interface ProgressSink {
  start(total: number): void;
  tick(): void;
  note(text: string): void;
  done(): void;
}

export const silentProgress: ProgressSink = { start() {}, tick() {}, note() {}, done() {} };

export function barProgress(title = "check"): ProgressSink {
  const bar = progress(title);
  let total = 0;
  let count = 0;
  let label = "";
  return {
    start(n) {
      total = n;
      count = 0;
      bar.tick(count, total, label);
    },
    tick() {
      count++;
      bar.tick(count, total, label);
    },
    note(text) {
      label = text;
      bar.tick(count, total, label);
    },
    done() {
      bar.done();
    },
  };
}
