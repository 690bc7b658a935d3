// Faulty program subjects through `bonkl check` (the engine, in-process): for every fault the run finishes within
// its timeouts, the report names the fault and the requests it hit, the other ops and domains are still graded, the
// report validates against spec/conformance/report.schema.json, and no process of the subject is left (checked by
// the harness). The subject is a correct program (the naive subject, which passes standard and ties) with one fault
// injected into klBon (src/reliability/fixtures/faulty-program.mjs), or a fixture of the runner's own tests.
import { describe, expect, test } from "vitest";
import { formatReport } from "../conformance/format-report.ts";
import type { ConformanceReport } from "../conformance/report.ts";
import { checkCommandLine, checkFaultyProgram, faultsOf, quote, subjectFixture, uniqueMarker, verdicts } from "./harness.ts";

/** Every pair of standard and ties passes except those listed. */
function expectOnlyFailing(report: ConformanceReport, failing: string[]): void {
  const all = verdicts(report);
  expect(Object.keys(all)).toHaveLength(8);
  for (const [pair, verdict] of Object.entries(all)) expect(verdict, `${pair}\n${formatReport(report)}`).toBe(failing.includes(pair) ? "FAIL" : "PASS");
  expect(report.verdict).toBe(failing.length > 0 ? "FAIL" : "PASS");
  expect(report.exitStatus).toBe(failing.length > 0 ? 1 : 0);
}

/** The terminal report lists the fault kind and, under it, the request (op in domain). */
function expectPrinted(report: ConformanceReport, kind: string, request?: string): void {
  const text = formatReport(report);
  expect(text).toContain(`[${kind}]`);
  if (request !== undefined) expect(text).toMatch(new RegExp(`request \\d+: ${request}`));
}

const WALL_LIMIT_MS = 20_000;

// Concurrent: the runs wait mostly on their subjects (and on timeouts), and bonkl does not blame a subject for its own
// pauses (busy-host.test.ts).
describe.concurrent("faulty program subjects through bonkl check", () => {
  test("crashes at start: stopped after 3 starts, no case passed, the traceback shown", async () => {
    const marker = uniqueMarker();
    const { report, wallMs } = await checkCommandLine(`${quote(process.execPath)} ${quote(subjectFixture("crash-at-start.mjs"))} ${marker}`, marker);
    expect(report.capabilities).toBeNull();
    expect(report.notes.join("\n")).toMatch(/capabilities answered fault crashed/);
    // no case passed: the pairs hit by the 2 deaths blamed on bonPmf FAIL, the pairs none of whose cases ran are NOT RUN
    for (const r of report.results) expect([r.verdict, r.passed]).toEqual([r.failed > 0 ? "FAIL" : "NOT RUN", 0]);
    expect(report.results.reduce((sum, r) => sum + r.failed, 0)).toBe(2);
    expect(report.subjectLog.faultCounts.crashed).toBe(3);
    expect(report.subjectLog.stoppedBecause).toMatch(/3 starts in a row died without answering anything/);
    expect(report.subjectLog.instances).toBe(3);
    expect(report.subjectLog.stderrHead).toContain("ModuleNotFoundError");
    // Each death is blamed on one request: capabilities, then the oldest bonPmf request in flight, twice.
    const crashed = faultsOf(report, "crashed");
    expect(crashed.map((f) => f.requests.map((r) => r.op))).toEqual([["capabilities"], ["bonPmf"], ["bonPmf"]]);
    // The third death stops the subject: the other requests, in flight (not to blame) or never sent, are "stopped".
    const stopped = faultsOf(report, "stopped");
    for (const f of stopped) expect(f.detail).toMatch(/^(sent, but given up: the instance 3 died \(crashed\)|not sent: the subject was stopped because 3 starts)/);
    const cases = report.results.reduce((sum, r) => sum + r.cases, 0);
    expect(stopped.reduce((sum, f) => sum + f.requests.length + f.moreRequests, 0)).toBe(cases - 2);
    expect(formatReport(report)).toContain("the subject stopped: 3 starts in a row died");
    expect(wallMs).toBeLessThan(WALL_LIMIT_MS);
  });

  test("crashes mid-run: the request it died on fails, the others are sent again and graded", async () => {
    const { report, pids } = await checkFaultyProgram("crash");
    expectOnlyFailing(report, ["klBon in standard"]);
    const [crash] = faultsOf(report, "crashed");
    expect(crash!.detail).toMatch(/exited with status 1 before answering .*ValueError: math domain error/);
    expect(crash!.requests).toEqual([expect.objectContaining({ op: "klBon", domain: "standard" })]);
    expect(report.results.find((r) => r.op === "klBon" && r.domain === "standard")).toMatchObject({ failed: 1, passed: 2, counterexample: null });
    expect(report.subjectLog.stderrHead).toContain("Traceback"); // the first start's stderr
    expect(pids).toHaveLength(2); // restarted once
    expectPrinted(report, "crashed", "klBon in standard");
  });

  test("exits 0 early: an 'exited' fault on the request it left unanswered", async () => {
    const { report, pids } = await checkFaultyProgram("exit0");
    expectOnlyFailing(report, ["klBon in standard"]);
    expect(faultsOf(report, "exited")[0]!.requests).toEqual([expect.objectContaining({ op: "klBon", domain: "standard" })]);
    expect(pids).toHaveLength(2);
    expectPrinted(report, "exited", "klBon in standard");
  });

  test("hangs on one request: a timeout after --timeout, killed and restarted, the rest graded", async () => {
    const { report, pids, wallMs } = await checkFaultyProgram("hang");
    expectOnlyFailing(report, ["klBon in standard"]);
    const [timeout] = faultsOf(report, "timeout");
    expect(timeout!.detail).toMatch(/no answer and no output for 1000 ms: killed as hung/);
    expect(timeout!.requests).toEqual([expect.objectContaining({ op: "klBon", domain: "standard" })]);
    expect(pids).toHaveLength(2);
    expect(wallMs).toBeGreaterThanOrEqual(1000);
    expect(wallMs).toBeLessThan(WALL_LIMIT_MS);
    expectPrinted(report, "timeout", "klBon in standard");
  });

  test("answers slowly but correctly: never called hung", async () => {
    // 9 answers 250 ms apart: the run lasts more than twice the timeout, yet the subject always shows progress.
    const { report, wallMs } = await checkFaultyProgram("slow", { args: ["--delay", "250", "--ops", "klFormula"], check: { domains: ["standard"], runs: 8 }, timeoutMs: 1000 });
    expect(verdicts(report)).toEqual({ "klFormula in standard": "PASS" });
    expect(report.subjectLog.faults).toEqual([]);
    expect(report.subjectLog.instances).toBe(1);
    expect(wallMs).toBeGreaterThan(2 * 1000);
  });

  test("answers an id it was never asked: an unknown-id fault with the line, the answers still count", async () => {
    const { report } = await checkFaultyProgram("unknown-id");
    expectOnlyFailing(report, []);
    const faults = faultsOf(report, "unknown-id");
    expect(faults.length).toBe(report.subjectLog.faultCounts["unknown-id"]);
    expect(faults[0]!.detail).toBe("an answer for id 999999, which bonkl never sent");
    expect(faults[0]!.requests).toEqual([]);
    expect(faults[0]!.excerpt).toContain("999999");
    expectPrinted(report, "unknown-id");
  });

  test("answers an id twice: a duplicate-id fault naming the request, the first answer stands", async () => {
    const { report } = await checkFaultyProgram("duplicate");
    expectOnlyFailing(report, []);
    const faults = faultsOf(report, "duplicate-id");
    expect(faults.length).toBeGreaterThanOrEqual(6); // every klBon case of standard and ties
    expect(faults.every((f) => f.requests.length === 1 && f.requests[0]!.op === "klBon")).toBe(true);
    expect(faults.map((f) => f.requests[0]!.domain)).toEqual(expect.arrayContaining(["standard", "ties"]));
    expectPrinted(report, "duplicate-id", "klBon in (standard|ties)");
  });

  test("prints lines that are not JSON: the request whose id is readable fails, and is shrunk", async () => {
    const { report } = await checkFaultyProgram("non-json");
    expectOnlyFailing(report, ["klBon in standard", "klBon in ties"]);
    const faults = faultsOf(report, "invalid-json");
    expect(faults.some((f) => f.requests.length === 0 && f.excerpt === "Loading model... done")).toBe(true);
    expect(faults.some((f) => f.requests.length === 1 && f.requests[0]!.op === "klBon")).toBe(true);
    const klBon = report.results.find((r) => r.op === "klBon" && r.domain === "standard")!;
    expect(klBon.counterexample?.args?.p).toHaveLength(3); // the fault fires from 3 entries on: shrunk to 3
    expect(klBon.counterexample?.why).toMatch(/^fault invalid-json/);
    expectPrinted(report, "invalid-json", "klBon in standard");
  });

  test("prints NaN and Infinity as Python's json module does: those requests fail, shrunk to the smallest", async () => {
    const { report } = await checkFaultyProgram("nan");
    expectOnlyFailing(report, ["klBon in standard", "klBon in ties"]);
    const faults = faultsOf(report, "invalid-response");
    expect(faults[0]!.detail).toMatch(/NaN written as a bare token/);
    expect(faults[0]!.excerpt).toMatch(/"value": NaN/);
    const klBon = report.results.find((r) => r.op === "klBon" && r.domain === "standard")!;
    expect(klBon.counterexample?.args).toEqual({ p: [0.5, 0.5], n: 1 });
    expect(klBon.worstCase?.ratio).toBeNull();
    expect(formatReport(report)).toMatch(/klBon\s+standard\s+3\s+\S+\s+inf\s+FAIL/);
  });

  test("prints NaN for bonPmf entries (Infinity inside the array): bonPmf fails, the rest is graded", async () => {
    const { report } = await checkFaultyProgram("nan", { args: ["--op", "bonPmf"] });
    expectOnlyFailing(report, ["bonPmf in standard", "bonPmf in ties"]);
    expect(faultsOf(report, "invalid-response")[0]!.excerpt).toContain("Infinity");
  });

  test("prints a 100 MB line: skipped unstored, a line-too-long fault on that request", async () => {
    const { report, wallMs } = await checkFaultyProgram("huge-line");
    expectOnlyFailing(report, ["klBon in standard"]);
    const [fault] = faultsOf(report, "line-too-long");
    expect(fault!.requests).toEqual([expect.objectContaining({ op: "klBon", domain: "standard" })]);
    expect(fault!.detail).toMatch(/bytes/);
    expect(fault!.excerpt!.length).toBeLessThanOrEqual(200);
    expect(wallMs).toBeLessThan(WALL_LIMIT_MS);
  });

  test("floods stderr: no fault, the head and tail of stderr kept (bounded), everything graded", async () => {
    const { report } = await checkFaultyProgram("stderr-flood");
    expectOnlyFailing(report, []);
    expect(report.subjectLog.faults).toEqual([]);
    expect(report.subjectLog.stderrHead.startsWith("FIRST LINE OF STDERR")).toBe(true);
    expect(report.subjectLog.stderrTail).toMatch(/y{100}\n$/);
    expect(report.subjectLog.stderrHead.length + report.subjectLog.stderrTail.length).toBeLessThanOrEqual(2 * 4096);
  });

  test("ignores its stdin closing: killed after the grace period, an ignored-eof fault, results intact", async () => {
    const { report, wallMs } = await checkFaultyProgram("ignore-eof", { check: { subjectOptions: { closeGraceMs: 500 } } });
    expectOnlyFailing(report, []);
    expect(faultsOf(report, "ignored-eof")[0]!.detail).toMatch(/still running 500 ms after its stdin was closed: killed/);
    expect(wallMs).toBeGreaterThanOrEqual(500);
    expectPrinted(report, "ignored-eof");
  });
});
