// Answers that would cost bonkl without bound, through `bonkl check` (the engine, in-process): a module returning
// `new Array(1e8)` (10.5 GB when a worker thread copied it), a module writing 256 MiB to its console (kept whole
// before: 2.2 GB per GiB), a program answering with a 60 MB line nested 30 million levels deep (21 s and 3.1 GB before
// it was rejected). Each is refused or skimmed at a cost bounded by the line limit, the request it hit is named, and
// the other ops are graded. Memory is bonkl's resident set, sampled through the run.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { formatReport } from "../conformance/format-report.ts";
import type { ConformanceReport } from "../conformance/report.ts";
import { runCheck } from "../conformance/run-check.ts";
import { checkFaultyProgram, expectValidReport, faultsOf, reliabilityFixture, tempDir, verdicts } from "./harness.ts";

const MIB = 1024 * 1024;

/** Runs `job` while sampling the resident set; returns its result and the peak growth over the start, in bytes. */
async function peakGrowth<T>(job: () => Promise<T>): Promise<{ result: T; growth: number; ms: number }> {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const started = performance.now();
  try {
    const result = await job();
    return { result, growth: Math.max(peak, process.memoryUsage().rss) - baseline, ms: performance.now() - started };
  } finally {
    clearInterval(sampler);
  }
}

async function checkModule(name: string): Promise<ConformanceReport> {
  const report = await runCheck({ subject: { module: reliabilityFixture(name) }, domains: ["standard", "ties"], runs: 3, seed: 7, shrinkTimeLimitMs: 2000, subjectOptions: { timeoutMs: 5000 } });
  expectValidReport(report);
  return report;
}

function expectOnlyFailing(report: ConformanceReport, failing: string[]): void {
  for (const [pair, verdict] of Object.entries(verdicts(report))) expect(verdict, `${pair}\n${formatReport(report)}`).toBe(failing.includes(pair) ? "FAIL" : "PASS");
}

let previousState: string | undefined;
beforeEach(() => {
  previousState = process.env.BONKL_RELIABILITY_STATE;
  process.env.BONKL_RELIABILITY_STATE = tempDir();
});
afterEach(() => {
  if (previousState === undefined) delete process.env.BONKL_RELIABILITY_STATE;
  else process.env.BONKL_RELIABILITY_STATE = previousState;
});

// One after the other: each measures this process's memory.
describe("answers that cost bonkl a bounded amount", () => {
  test("a module returning new Array(1e8): refused by its host before it is written (line-too-long), nothing copied", async () => {
    const { result: report, growth } = await peakGrowth(() => checkModule("module-huge-value.mjs"));
    expectOnlyFailing(report, ["bonPmf in standard", "bonPmf in ties"]);
    const faults = faultsOf(report, "line-too-long");
    expect(faults.length).toBeGreaterThan(0);
    expect(faults[0]!.detail).toBe("returned a value too large to send: its JSON has at least 100000001 bytes, over the limit of 67108864 bytes");
    expect(faults.every((f) => f.requests.length === 1 && f.requests[0]!.op === "bonPmf")).toBe(true);
    expect(growth).toBeLessThan(100 * MIB);
  });

  test("a module writing 256 MiB to its console: head and tail kept as it streams; bonkl's memory does not follow", async () => {
    const { result: report, growth } = await peakGrowth(() => checkModule("module-floods-console.mjs"));
    expectOnlyFailing(report, []);
    expect(report.subjectLog.faults).toEqual([]);
    expect(growth).toBeLessThan(100 * MIB);
  });

  test("a program answering with a 60 MB line nested 30 million levels deep: rejected by its shape before parsing", async () => {
    const { result, growth, ms } = await peakGrowth(() => checkFaultyProgram("deep-line", { timeoutMs: 10_000 }));
    const report = result.report;
    expectOnlyFailing(report, ["klBon in standard"]);
    const [fault] = faultsOf(report, "invalid-response");
    expect(fault!.detail).toBe("the line nests more than 64 levels deep: rejected before parsing");
    expect(fault!.requests).toEqual([expect.objectContaining({ op: "klBon", domain: "standard" })]);
    // The line itself is read (60 MB, under the 64 MiB line limit) and held once; parsing it took gigabytes.
    expect(growth).toBeLessThan(300 * MIB);
    expect(ms).toBeLessThan(15_000);
  });
});
