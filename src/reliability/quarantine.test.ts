// A subject whose klBon dies on every input with 3 or more outcomes (it exits, or it loops forever), through `bonkl
// check` (the engine, in-process). It used to fail nearly every op x domain pair: after each restart the crashing
// requests were sent first again, and three fresh starts dying in a row stopped the whole subject. Now each death is
// blamed on one klBon request, klBon is quarantined after 3 of them (its other requests are not sent), and every
// other op is graded (PASS). Program and module subjects; each run ends within its timeouts and leaves nothing behind.
import { describe, expect, test } from "vitest";
import { formatReport } from "../conformance/format-report.ts";
import type { ConformanceReport } from "../conformance/report.ts";
import { runCheck } from "../conformance/run-check.ts";
import { checkFaultyProgram, expectValidReport, faultsOf, reliabilityFixture, verdicts } from "./harness.ts";

const RUNS = 10;

/** Every pair but klBon's passes; klBon's fail (or are NOT RUN if none of their requests ran); klBon was blamed for exactly 3 deaths of `kind`, then quarantined. */
function expectKlBonQuarantined(report: ConformanceReport, kind: "crashed" | "timeout"): void {
  const text = formatReport(report);
  for (const [pair, verdict] of Object.entries(verdicts(report))) {
    if (!pair.startsWith("klBon ")) expect(verdict, `${pair}\n${text}`).toBe("PASS");
    else {
      // a pair with one of the 3 deaths FAILs; a pair whose requests were all held back by the quarantine is NOT RUN
      const r = report.results.find((x) => `${x.op} in ${x.domain}` === pair)!;
      expect(verdict, `${pair}\n${text}`).toBe(r.failed > 0 ? "FAIL" : "NOT RUN");
      expect(r.passed + r.failed + r.notRun, text).toBe(r.cases);
    }
  }
  expect(report.results.filter((r) => r.op === "klBon").reduce((sum, r) => sum + r.failed, 0), text).toBe(3);
  expect(report.subjectLog.stoppedBecause).toBeNull();
  const deaths = faultsOf(report, kind);
  expect(deaths.map((f) => f.requests.map((r) => r.op))).toEqual([["klBon"], ["klBon"], ["klBon"]]);
  for (const death of deaths) expect(death.requests[0]!.label).toMatch(/^L=([3-9]|\d\d+) /);
  expect(deaths[2]!.detail).toMatch(/klBon is now quarantined \(3 of its requests killed the subject\): its other requests are not sent$/);
  const stopped = faultsOf(report, "stopped");
  expect(stopped.length).toBeGreaterThan(0);
  for (const f of stopped) {
    expect(f.detail).toMatch(/^not sent: op klBon is quarantined: 3 of its requests each killed the subject \(requests \d+, \d+, \d+; the last: /);
    expect(new Set(f.requests.map((r) => r.op))).toEqual(new Set(["klBon"]));
  }
  expect(report.subjectLog.instances).toBe(4);
}

async function checkModule(name: string, timeoutMs: number): Promise<ConformanceReport> {
  const report = await runCheck({
    subject: { module: reliabilityFixture(name) },
    domains: ["standard", "ties"],
    runs: RUNS,
    seed: 7,
    shrinkTimeLimitMs: 2000,
    subjectOptions: { timeoutMs },
  });
  expectValidReport(report);
  return report;
}

describe.concurrent("an op that dies on some inputs every time is quarantined; the others are graded", () => {
  test("module subject, klBon exits", async () => {
    const started = performance.now();
    expectKlBonQuarantined(await checkModule("module-crashes-long.mjs", 1000), "crashed");
    expect(performance.now() - started).toBeLessThan(30_000);
  });

  test("module subject, klBon loops forever: 3 timeouts, not 10", async () => {
    const started = performance.now();
    expectKlBonQuarantined(await checkModule("module-hangs-long.mjs", 500), "timeout");
    expect(performance.now() - started).toBeLessThan(30_000);
  });

  test("program subject (64 requests in flight), klBon exits: the requests in flight with it are sent again, not failed", async () => {
    const { report, pids, wallMs } = await checkFaultyProgram("crash-long", { check: { runs: RUNS } });
    expectKlBonQuarantined(report, "crashed");
    for (const death of faultsOf(report, "crashed")) expect(death.detail).toMatch(/^exited with status 1 before answering \(its stderr ends with: ValueError: math domain error/);
    expect(pids).toHaveLength(4);
    expect(wallMs).toBeLessThan(30_000);
  });
});
