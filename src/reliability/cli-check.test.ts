// `bonkl check` at the command line with faulty subjects: the exit status, the JSON report written (and
// schema-valid) when the subject crashes or cannot start, one clear line for usage errors, nothing of the subject
// left behind. The process itself (spawned) for a crash and for a usage error; the dispatcher in-process for the rest.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { ConformanceReport } from "../conformance/report.ts";
import { expectNothingLeft, expectValidReport, pidsIn, quote, reliabilityFixture, tempDir, uniqueMarker } from "./harness.ts";
import { cleanFailure, runBonkl } from "./run-bonkl.ts";
import { runMain } from "./run-cli-case.ts";

function readReport(file: string): ConformanceReport {
  expect(existsSync(file)).toBe(true);
  const report = JSON.parse(readFileSync(file, "utf8")) as ConformanceReport;
  expectValidReport(report);
  return report;
}

describe("bonkl check at the command line", () => {
  test("the process: a subject crashing mid-run gives exit 1, the faults and the JSON report; a usage error exit 2", async () => {
    const state = tempDir();
    const marker = uniqueMarker();
    const json = join(state, "report.json");
    const command = [process.execPath, reliabilityFixture("faulty-program.mjs"), "crash", "--state", state, "--marker", marker].map(quote).join(" ");
    const [run, usage] = await Promise.all([
      runBonkl(["check", "--subject-cmd", command, "--domain", "standard", "--runs", "3", "--seed", "7", "--timeout", "2000", "--json", json]),
      runBonkl(["check", "--json", state, "--domain", "standard", "--runs", "1"]), // a folder: refused before any run
    ]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/Subject faults \(crashed x1\):/);
    expect(run.stdout).toMatch(/request \d+: klBon in standard/);
    expect(run.stdout).toMatch(/^FAIL: 1 of 6 graded op x domain pairs failed/m);
    expect(run.stdout).toContain(`JSON report: ${json}`);
    expect(run.stderr).toBe(""); // no progress bar in a pipe, no error
    const report = readReport(json);
    expect(report).toMatchObject({ verdict: "FAIL", exitStatus: 1 });
    expect(report.subjectLog.faultCounts).toEqual({ crashed: 1 });
    await expectNothingLeft(marker, pidsIn(state));
    expect(cleanFailure(usage), usage.stderr).toBeNull();
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^bonkl: --json .* is a folder; give a file name\n$/);
    expect(usage.stdout).toBe("");
  });

  test("a program that does not exist: exit 1, a start-failed fault, every pair NOT RUN (never FAIL), the JSON report written", async () => {
    const json = join(tempDir(), "report.json");
    const run = await runMain(["check", "--subject-cmd", "/nonexistent/bonkl-subject --flag", "--domain", "standard", "--runs", "2", "--json", json]);
    expect(run.code, run.stderr).toBe(1);
    const report = readReport(json);
    expect(report.subjectLog.faultCounts["start-failed"]).toBe(1);
    expect(report.subjectLog.stoppedBecause).toMatch(/it could not start: cannot run "\/nonexistent\/bonkl-subject": spawn \/nonexistent\/bonkl-subject ENOENT/);
    expect(report.results.every((r) => r.verdict === "NOT RUN" && r.notRun === r.cases)).toBe(true);
    expect(report.verdict).toBe("INCOMPLETE");
    expect(run.stdout).toContain("[start-failed]");
  });

  test("usage errors: one line, exit 2, no run, no JSON", async () => {
    const dir = tempDir();
    const lines = [
      ["check", "--json", join(dir, "no/such/folder/r.json"), "--runs", "1"],
      ["check", "--runs", "-3"],
      ["check", "--timeout", "0"],
      ["check", "--subject", join(dir, "missing.mjs"), "--json", join(dir, "r.json")],
      ["check", "--subject-cmd", "python3 impl.py | tee log"],
      ["check", "--subject-cmd", "'unterminated"],
      ["check", "--domain", "standard", "--domain", "nope"],
    ];
    for (const argv of lines) {
      const run = await runMain(argv); // one at a time: each captures process.stdout
      expect(run.problem, run.stderr).toBeNull();
      expect(run.code, run.stderr).toBe(2);
      expect(run.stdout).toBe("");
    }
    expect(existsSync(join(dir, "r.json"))).toBe(false);
  });
});
