// Reproducibility: every failure prints its seed and a replay command (bonkl check) or path (bonkl claims), and
// running what was printed reproduces it exactly: the same shrunk input, the same answer and worst error. (Through the
// CLI's dispatcher in-process: what a shell would run, without starting node four times.)
import { describe, expect, test } from "vitest";
import type { ConformanceReport } from "../conformance/report.ts";
import { splitCommand } from "../subject/split-command.ts";
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { checkFaultyProgram, conformanceFixture, tempDir } from "./harness.ts";
import { runMain } from "./run-cli-case.ts";

/** The words after `npx bonkl` of a printed replay line. */
function replayArgs(output: string, pattern: RegExp): string[] {
  const line = pattern.exec(output)?.[1];
  expect(line, output).toBeDefined();
  const words = splitCommand(line as string);
  expect(words.slice(0, 2)).toEqual(["npx", "bonkl"]);
  return words.slice(2);
}

/** What must be identical between a run and its replay. */
function failureOf(report: ConformanceReport) {
  return report.results
    .filter((r) => r.verdict === "FAIL")
    .map((r) => ({ op: r.op, domain: r.domain, familySeed: r.familySeed, failed: r.failed, worstError: r.worstError, worstCase: { ...r.worstCase, requestId: 0 }, counterexample: { ...r.counterexample, requestId: 0 } }));
}

describe("a failure replays exactly", () => {
  test("bonkl check: the printed replay command gives the same shrunk input and worst error", async () => {
    const dir = tempDir();
    const subject = relative(process.cwd(), conformanceFixture("formula-kl.mjs"));
    const first = await runMain(["check", "--subject", subject, "--domain", "standard", "--runs", "10", "--seed", "4242", "--json", join(dir, "first.json")]);
    expect(first.code, first.stderr).toBe(1);
    expect(first.stdout).toMatch(/shrunk: {3}\d+ steps \(fast-check seed -?\d+, path [\d:]+\)/);
    const args = replayArgs(first.stdout, /^Seed 4242\. Replay: (.*)$/m);
    expect(args).toEqual(["check", "--subject", subject, "--seed", "4242", "--runs", "10", "--domain", "standard"]);
    const again = await runMain([...args, "--json", join(dir, "again.json")]);
    expect(again.code).toBe(1);
    const [a, b] = ["first.json", "again.json"].map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as ConformanceReport);
    expect(failureOf(a!).length).toBe(1);
    expect(failureOf(b!)).toEqual(failureOf(a!));
    const shrunk = (out: string) => out.match(/^ {4}(input|answer|error|shrunk):.*$/gm);
    expect(shrunk(first.stdout)).toHaveLength(4);
    expect(shrunk(again.stdout)).toEqual(shrunk(first.stdout));
  });

  test("bonkl claims: the printed replay (seed and path) gives the same counterexample", async () => {
    const id = "cor2.gap-le-delta+ties-per-outcome"; // refuted on purpose: a known counterexample (spec/claims.md)
    const first = await runMain(["claims", "--id", id, "--runs", "100", "--workers", "0"]);
    expect(first.code, first.stderr).toBe(0); // a known refutation is not a failure of the run
    const args = replayArgs(first.stdout, /^ {2}replay: (.*)$/m);
    expect(args).toEqual(["claims", "--id", id, "--seed", expect.stringMatching(/^\d+$/), "--path", expect.stringMatching(/^[\d:]+$/)]);
    const again = await runMain([...args, "--workers", "0"]);
    const details = (out: string) => out.match(/^ {2}(case|the enclosures|replay).*$/gm);
    expect(details(again.stdout)).toEqual(details(first.stdout));
    expect(again.stdout).toMatch(/shrunk 0 time\(s\); seed \d+ \(base \d+\), path [\d:]+/);
  });

  test("a program subject's content failure (NaN) shrinks to the same input on every run", async () => {
    const [a, b] = [await checkFaultyProgram("nan"), await checkFaultyProgram("nan")];
    expect(failureOf(b.report)).toEqual(failureOf(a.report));
    expect(failureOf(a.report).map((f) => f.counterexample.args)).toEqual([
      { p: [0.5, 0.5], n: 1 },
      { p: [0.5, 0.5], n: 1, r: [0, 0] },
    ]);
  });
});
