/** A conformance check's progress (src/conformance/progress-sink.ts) drawn with the command line's progress bar. */
import type { ProgressSink } from "../conformance/progress-sink.ts";
import { progress } from "./progress.ts";

export function barProgress(title = "bonkl check"): ProgressSink {
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
