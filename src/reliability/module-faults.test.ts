// Faulty JS module subjects through `bonkl check` (the engine, in-process): a module that throws, returns the wrong
// type, never settles its promise, loops forever synchronously, or scribbles over its input arrays. Each is the naive
// (correct) subject with klBon (or bonPmf) broken (src/reliability/fixtures/module-*.mjs), so the other ops and
// domains must still be graded, and the run must end within its timeouts with a schema-valid report.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { askAll, gradeJob, planCases, planJob, type JobContext } from "../conformance/check-job.ts";
import { domainNamed } from "../conformance/domains/index.ts";
import { formatReport } from "../conformance/format-report.ts";
import { sharedOracleCache } from "../conformance/oracle-cache.ts";
import type { ConformanceReport } from "../conformance/report.ts";
import { RequestRegistry } from "../conformance/report-entries.ts";
import { runCheck } from "../conformance/run-check.ts";
import { openModuleSubject } from "../subject/module-subject.ts";
import { expectValidReport, faultsOf, reliabilityFixture, tempDir, verdicts } from "./harness.ts";

const TIMEOUT_MS = 1000;

async function checkModule(name: string): Promise<{ report: ConformanceReport; wallMs: number }> {
  const started = performance.now();
  const report = await runCheck({
    subject: { module: reliabilityFixture(name) },
    domains: ["standard", "ties"],
    runs: 3,
    seed: 7,
    shrinkTimeLimitMs: 5000,
    subjectOptions: { timeoutMs: TIMEOUT_MS },
  });
  expectValidReport(report);
  return { report, wallMs: performance.now() - started };
}

function expectOnlyFailing(report: ConformanceReport, failing: string[]): void {
  const all = verdicts(report);
  expect(Object.keys(all)).toHaveLength(8);
  for (const [pair, verdict] of Object.entries(all)) expect(verdict, `${pair}\n${formatReport(report)}`).toBe(failing.includes(pair) ? "FAIL" : "PASS");
}

// "Once per run" faults keep their marker files here (the module host inherits the environment).
let previousState: string | undefined;
beforeEach(() => {
  previousState = process.env.BONKL_RELIABILITY_STATE;
  process.env.BONKL_RELIABILITY_STATE = tempDir();
});
afterEach(() => {
  if (previousState === undefined) delete process.env.BONKL_RELIABILITY_STATE;
  else process.env.BONKL_RELIABILITY_STATE = previousState;
});

describe("faulty module subjects through bonkl check", () => {
  test("throws: an error answer to a valid input fails the case; shrunk; no protocol fault", async () => {
    const { report } = await checkModule("module-throws.mjs");
    expectOnlyFailing(report, ["klBon in standard", "klBon in ties"]);
    const klBon = report.results.find((r) => r.op === "klBon" && r.domain === "standard")!;
    expect(klBon.counterexample?.args?.p).toHaveLength(3);
    expect(klBon.counterexample?.answer).toBe("math domain error in klBon (L = 3)");
    expect(report.subjectLog.faults).toEqual([]);
  });

  test("returns the wrong type: an invalid-response fault naming the request; shrunk", async () => {
    const { report } = await checkModule("module-wrong-type.mjs");
    expectOnlyFailing(report, ["klBon in standard", "klBon in ties"]);
    const [fault] = faultsOf(report, "invalid-response");
    expect(fault!.requests).toEqual([expect.objectContaining({ op: "klBon", domain: "standard" })]);
    expect(report.results.find((r) => r.op === "klBon" && r.domain === "standard")!.counterexample?.args?.p).toHaveLength(3);
  });

  test("never settles its promise: a timeout, a fresh host, the rest graded", async () => {
    const { report, wallMs } = await checkModule("module-never-resolves.mjs");
    expectOnlyFailing(report, ["klBon in standard"]);
    const [timeout] = faultsOf(report, "timeout");
    expect(timeout!.requests).toEqual([expect.objectContaining({ op: "klBon", domain: "standard" })]);
    expect(report.subjectLog.instances).toBe(2);
    expect(wallMs).toBeGreaterThanOrEqual(TIMEOUT_MS);
    expect(wallMs).toBeLessThan(20_000);
  });

  test("loops forever synchronously: the host is killed anyway, the rest graded", async () => {
    const { report, wallMs } = await checkModule("module-loops.mjs");
    expectOnlyFailing(report, ["klBon in standard"]);
    expect(faultsOf(report, "timeout")[0]!.requests).toEqual([expect.objectContaining({ op: "klBon", domain: "standard" })]);
    expect(report.subjectLog.instances).toBe(2);
    expect(wallMs).toBeLessThan(20_000);
  });

  test("mutates its input arrays: reported per request, the answers still graded, bonkl's inputs intact", async () => {
    const { report } = await checkModule("module-mutates.mjs");
    expectOnlyFailing(report, []);
    const faults = faultsOf(report, "mutated-input");
    expect(faults.length).toBe(12); // every bonPmf and klBon case of both domains
    expect(faults[0]!.detail).toMatch(/the function changed its input: args\.(p|n)/);
    expect(new Set(faults.map((f) => f.requests[0]!.op))).toEqual(new Set(["bonPmf", "klBon"]));
    // The cases the report shows are the cases generated, not what the subject left of them.
    for (const r of report.results.filter((x) => x.op === "bonPmf" || x.op === "klBon")) {
      const cases = await planCases(planJob(domainNamed(r.domain)!, r.op as "bonPmf", report.seed, report.runs));
      expect(r.worstCase?.args).toEqual(cases[r.worstCase!.index!]!.args);
    }
  });

  test("mutates its input arrays: the case inputs the engine keeps are unchanged after asking and grading", async () => {
    const subject = openModuleSubject(reliabilityFixture("module-mutates.mjs"), { timeoutMs: TIMEOUT_MS });
    const domain = domainNamed("ties")!;
    const plan = planJob(domain, "bonPmf", 7, 5);
    const ctx: JobContext = { subject, oracle: sharedOracleCache, registry: new RequestRegistry(), shrinkTimeLimitMs: 1000 };
    const asked = await askAll(ctx, plan);
    const kept = asked.map((a) => a.case);
    const pristine = structuredClone(kept);
    try {
      const result = await gradeJob(ctx, plan, asked);
      expect(result.verdict).toBe("PASS");
    } finally {
      const log = await subject.close();
      expect(log.faultCounts["mutated-input"]).toBe(5);
    }
    expect(kept).toEqual(pristine);
    expect(await planCases(planJob(domain, "bonPmf", 7, 5))).toEqual(pristine);
  });
});
