// A check with --runs 1,000,000 (issue 16): cases are generated, asked and graded in a bounded window, so grading
// starts at once and the live heap holds a window of cases, not a million (the run used to build and queue every
// case of every pair up front, and died of a heap OOM at 4.3 GB). Interrupted after a few thousand cases.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, test } from "vitest";
import { runCheck } from "../conformance/run-check.ts";
import { expectValidReport, reliabilityFixture } from "./harness.ts";

/** The live heap in MiB after a full garbage collection (without starting node with --expose-gc). */
function liveHeapMiB(): number {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

describe("a check with a million runs per op", () => {
  test("grading starts at once, and the live heap grows by a window of cases, not by a million", async () => {
    const controller = new AbortController();
    const before = liveHeapMiB();
    let during = Number.NaN;
    const started = performance.now();
    let firstGradedMs = Number.NaN;
    let total = 0;
    let graded = 0;
    const report = await runCheck({
      subject: { module: reliabilityFixture("formula-only.mjs") },
      domains: ["standard"],
      runs: 1_000_000,
      seed: 3,
      signal: controller.signal,
      progress: {
        start: (n) => (total = n),
        note: () => undefined,
        done: () => undefined,
        tick: () => {
          graded += 1;
          if (graded === 1) firstGradedMs = performance.now() - started;
          if (graded === 3000) {
            during = liveHeapMiB();
            controller.abort();
          }
        },
      },
    });
    expectValidReport(report);
    expect(total).toBe(1_000_000);
    expect(firstGradedMs, "the first case is graded before the others are generated").toBeLessThan(10_000);
    expect(report.verdict).toBe("INTERRUPTED");
    const [result] = report.results;
    expect(result).toMatchObject({ op: "klFormula", domain: "standard", verdict: "PASS" });
    expect(result!.remark).toMatch(/^interrupted: 30\d\d of 1000000 cases graded/);
    // a million cases and their pending answers held at once would take hundreds of MiB
    expect(during - before, `live heap ${before.toFixed(0)} MiB before the run, ${during.toFixed(0)} MiB after 3000 cases`).toBeLessThan(48);
  });
});
