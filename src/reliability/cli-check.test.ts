// `bonkl check` at the command line with faulty subjects: the exit status, the JSON report written (and
// schema-valid) when the subject crashes or cannot start, one clear line for usage errors, nothing of the subject
// left behind. The process itself (spawned) for a crash and for a usage error; the dispatcher in-process for the rest.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { ConformanceReport } from "../conformance/report.ts";
import { expectNothingLeft, expectValidReport, pidsIn, quote, reliabilityFixture, tempDir, uniqueMarker } from "./harness.ts";
import { cleanFailure, runBonkl, withoutProgress } from "./run-bonkl.ts";
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
    expect(withoutProgress(run.stderr)).toBe(""); // no progress bar in a pipe (a line every 5 s at most), no error
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
    writeFileSync(join(dir, "package.json"), "{}");
    writeFileSync(join(dir, "impl.py"), "print('hi')\n");
    const lines = [
      ["check", "--subject", ""],
      ["check", "--subject", dir],
      ["check", "--subject", join(dir, "package.json")],
      ["check", "--subject", join(dir, "impl.py")],
      ["check", "--json", join(dir, "no/such/folder/r.json"), "--runs", "1"],
      ["check", "--runs", "-3"],
      ["check", "--timeout", "0"],
      ["check", "--subject", join(dir, "missing.mjs"), "--json", join(dir, "r.json")],
      ["check", "--subject-cmd", "python3 impl.py | tee log"],
      ["check", "--subject-cmd", "'unterminated"],
      ["check", "--domain", "standard", "--domain", "nope"],
    ];
    const messages: string[] = [];
    for (const argv of lines) {
      const run = await runMain(argv); // one at a time: each captures process.stdout
      expect(run.problem, run.stderr).toBeNull();
      expect(run.code, run.stderr).toBe(2);
      expect(run.stdout).toBe("");
      messages.push(run.stderr);
    }
    // A module path that is no module is refused before any run (it used to give "FAIL 6 of 6").
    expect(messages.slice(0, 4)).toEqual([
      'bonkl: --subject "": give the path of a JS/TS module file (.mjs .js .cjs .ts .mts .cts)\n',
      `bonkl: --subject ${JSON.stringify(dir)}: a folder, not a module file; give the module itself (.mjs .js .cjs .ts .mts .cts)\n`,
      `bonkl: --subject ${JSON.stringify(join(dir, "package.json"))}: a package.json, not a module; a program in any language runs with --subject-cmd "PROGRAM ARGS"\n`,
      `bonkl: --subject ${JSON.stringify(join(dir, "impl.py"))}: a Python file is not a module; run it as a program: --subject-cmd ${JSON.stringify(`python3 ${join(dir, "impl.py")}`)}\n`,
    ]);
    expect(existsSync(join(dir, "r.json"))).toBe(false);
  });
});
