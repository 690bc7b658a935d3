// Module subjects that a worker thread could not stop, through `bonkl check` (the engine, in-process): a call blocked
// in a system call (`sleep 40` run synchronously), a load blocked on a FIFO nobody writes, a load reading fd 0, a call
// that runs out of memory, a module that leaves a child process running. Each run ends within its timeouts with a schema-valid report,
// the fault names the request (or the start) it hit, the other ops are graded, and no process of the subject is left.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { formatReport } from "../conformance/format-report.ts";
import type { ConformanceReport } from "../conformance/report.ts";
import { runCheck, type CheckOptions } from "../conformance/run-check.ts";
import { sessionMembers } from "../subject/sessions/sessions.ts";
import { eventually, expectNothingLeft, expectValidReport, faultsOf, reliabilityFixture, tempDir, uniqueMarker, verdicts } from "./harness.ts";

let state = "";
const saved: Record<string, string | undefined> = {};
const setEnv = (name: string, value: string): void => {
  if (!(name in saved)) saved[name] = process.env[name];
  process.env[name] = value;
};
beforeEach(() => {
  state = tempDir();
  setEnv("BONKL_RELIABILITY_STATE", state); // "once per run" markers; the host inherits the environment
});
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
    delete saved[name];
  }
});

async function checkModule(name: string, more: Partial<CheckOptions> = {}): Promise<{ report: ConformanceReport; wallMs: number }> {
  const started = performance.now();
  const report = await runCheck({
    subject: { module: reliabilityFixture(name) },
    domains: ["standard", "ties"],
    runs: 3,
    seed: 7,
    shrinkTimeLimitMs: 2000,
    ...more,
    subjectOptions: { timeoutMs: 1000, ...more.subjectOptions },
  });
  expectValidReport(report);
  return { report, wallMs: performance.now() - started };
}

function expectOnlyFailing(report: ConformanceReport, failing: string[]): void {
  for (const [pair, verdict] of Object.entries(verdicts(report))) expect(verdict, `${pair}\n${formatReport(report)}`).toBe(failing.includes(pair) ? "FAIL" : "PASS");
}

describe("module subjects blocked where no JavaScript runs", () => {
  test("a call blocked in a system call (execFileSync sleep 40): a timeout after --timeout, the host and the sleep killed, the rest graded", async () => {
    const { report, wallMs } = await checkModule("module-sleeps.mjs");
    expectOnlyFailing(report, ["klBon in standard"]);
    const [timeout] = faultsOf(report, "timeout");
    expect(timeout!.requests).toEqual([expect.objectContaining({ op: "klBon", domain: "standard" })]);
    expect(report.subjectLog.instances).toBe(2);
    expect(wallMs).toBeLessThan(20_000); // not 40 s: the sleep is killed with the host's session
    const sessions = readFileSync(join(state, "sessions"), "utf8").split("\n").filter(Boolean).map(Number);
    expect(sessions).toHaveLength(2);
    for (const sid of sessions) expect(await eventually(() => (sessionMembers(sid) ?? []).length === 0, 1000), `session ${sid}`).toBe(true);
  });

  test("a load blocked on a FIFO nobody writes: start-failed after --timeout plus the start grace, the run ends", async () => {
    const fifo = join(state, "nobody-writes");
    execFileSync("mkfifo", [fifo]);
    setEnv("BONKL_RELIABILITY_FIFO", fifo);
    const { report, wallMs } = await checkModule("module-reads-fifo.mjs", { subjectOptions: { timeoutMs: 500, startGraceMs: 500 } });
    expect(report.subjectLog.faults[0]).toMatchObject({ kind: "start-failed", detail: "not ready 1000 ms after starting" });
    expect(report.subjectLog.stoppedBecause).toBe("it could not start: not ready 1000 ms after starting");
    expect(report.results.every((r) => r.passed === 0)).toBe(true);
    expect(wallMs).toBeLessThan(10_000);
  });
});

describe("a module reading fd 0 while it loads (a program passed as a module)", () => {
  test("its stdin is /dev/null: it reads nothing, loads, and is graded", async () => {
    const { report, wallMs } = await checkModule("module-reads-stdin.mjs");
    expectOnlyFailing(report, []);
    expect(report.subjectLog.faults).toEqual([]);
    expect(wallMs).toBeLessThan(20_000);
  });
});

describe("a module running out of memory inside a call", () => {
  test("a crashed fault on that very call, saying so; a fresh host grades the rest", async () => {
    const { report } = await checkModule("module-out-of-memory.mjs", { subjectOptions: { maxHeapMb: 64 } });
    expectOnlyFailing(report, ["klBon in standard"]);
    const [crash] = faultsOf(report, "crashed");
    expect(crash!.requests).toEqual([expect.objectContaining({ op: "klBon", domain: "standard" })]);
    expect(crash!.detail).toMatch(/^the module ran out of memory \(its heap limit is 64 MiB; node: "JavaScript heap out of memory"\) and was killed by signal SIGABRT; this was the request running \(a module host runs its requests one at a time\)/);
    expect(faultsOf(report, "worker-error")).toEqual([]);
  });
});

describe("a module leaving a child process running", () => {
  test("the child is killed with the host's session when the run ends", async () => {
    const marker = uniqueMarker();
    setEnv("BONKL_RELIABILITY_MARKER", marker);
    const { report } = await checkModule("module-with-child.mjs");
    expectOnlyFailing(report, []);
    await expectNothingLeft(marker);
  });
});
