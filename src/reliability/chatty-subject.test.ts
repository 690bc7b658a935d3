// A subject that writes without answering is hung all the same. Junk lines (no id, ids never asked) are a sign of
// life and postpone the verdict, but not beyond 10 timeouts without a single answer; the bytes of a line already over
// the length limit are no progress at all. (Found while writing this suite: such a subject reset the hang clock with
// every line, so `bonkl check` never ended.)
import { describe, expect, test } from "vitest";
import { checkFaultyProgram, faultsOf, verdicts } from "./harness.ts";

describe.concurrent("writing is not answering", () => {
  test("junk lines forever: a timeout after 10 timeouts without an answer, the run ends, the rest graded", async () => {
    const { report, wallMs } = await checkFaultyProgram("chatter", { check: { domains: ["standard"] }, timeoutMs: 300 });
    expect(verdicts(report)["klBon in standard"]).toBe("FAIL");
    expect(Object.values(verdicts(report)).filter((v) => v === "PASS")).toHaveLength(5);
    const [timeout] = faultsOf(report, "timeout");
    expect(timeout!.requests).toEqual([expect.objectContaining({ op: "klBon", domain: "standard" })]);
    expect(timeout!.detail).toMatch(/^output but no answer for \d+ ms \(10 times the timeout\): killed as hung/);
    expect(report.subjectLog.faultCounts["invalid-response"]).toBeGreaterThan(0); // the junk lines themselves
    expect(wallMs).toBeGreaterThanOrEqual(3000);
    expect(wallMs).toBeLessThan(15_000);
  }, 30_000);

  test("an endless line: a timeout once it is over the length limit, the run ends", async () => {
    const { report, wallMs } = await checkFaultyProgram("endless-line", {
      check: { domains: ["standard"], subjectOptions: { maxLineBytes: 1024 * 1024 } },
    });
    expect(verdicts(report)["klBon in standard"]).toBe("FAIL");
    expect(faultsOf(report, "timeout")[0]!.requests).toEqual([expect.objectContaining({ op: "klBon", domain: "standard" })]);
    expect(wallMs).toBeLessThan(15_000);
  }, 30_000);
});
