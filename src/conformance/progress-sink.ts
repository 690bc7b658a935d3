/**
 * How a check reports progress: the number of cases to grade, each graded case, and what it is working on. The
 * command line draws it (src/cli/check-progress.ts); the engine knows only this interface.
 */

export interface ProgressSink {
  start(total: number): void;
  tick(): void;
  note(text: string): void;
  done(): void;
}

export const silentProgress: ProgressSink = { start() {}, tick() {}, note() {}, done() {} };
