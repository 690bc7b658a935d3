// Ctrl-C: SIGINT to bonkl's process group (as a terminal sends it) stops the subject, prints the table of what was
// graded so far with the faults seen, writes --json if asked, and exits with status 130; a second Ctrl-C ends bonkl at
// once. Through the real CLI for a program subject, a module stuck in a synchronous loop and one blocked in a system
// call; through runCheck with an AbortSignal for the exact cut-off; withInterrupt itself with signals emitted here.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test, vi } from "vitest";
import { withInterrupt } from "../cli/commands/check.ts";
import type { ConformanceReport } from "../conformance/report.ts";
import { runCheck } from "../conformance/run-check.ts";
import { killSession, sessionMembers, trackSession, untrackSession } from "../subject/sessions/sessions.ts";
import { eventually, expectNothingLeft, expectValidReport, pidsIn, quote, reliabilityFixture, tempDir, uniqueMarker } from "./harness.ts";

const BONKL = new URL("../cli/bonkl.mjs", import.meta.url).pathname;

interface Interrupted {
  code: number | null;
  stdout: string;
  stderr: string;
  /** From SIGINT to bonkl's exit. */
  exitMs: number;
  json: ConformanceReport;
}

/**
 * Starts `bonkl check ARGS --json FILE` as the leader of its own process group, SIGINTs the group once `ready()` (a
 * second time `againAfterMs` later, if given).
 */
async function interruptCheck(args: string[], ready: () => boolean, env: NodeJS.ProcessEnv = process.env, againAfterMs?: number): Promise<Interrupted> {
  const json = join(tempDir(), "report.json");
  const child = spawn(process.execPath, [BONKL, "check", ...args, "--json", json], { detached: true, stdio: ["ignore", "pipe", "pipe"], env });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, "exit") as Promise<[number | null, string | null]>;
  try {
    expect(await eventually(ready, 30_000), `never ready; stderr: ${stderr}`).toBe(true);
  } catch (error) {
    process.kill(-child.pid!, "SIGKILL");
    throw error;
  }
  const sent = performance.now();
  process.kill(-child.pid!, "SIGINT");
  if (againAfterMs !== undefined) setTimeout(() => process.kill(-child.pid!, "SIGINT"), againAfterMs);
  const [code, signal] = await exited;
  const exitMs = performance.now() - sent;
  if (againAfterMs !== undefined) return { code: code ?? (signal === "SIGINT" ? 130 : null), stdout, stderr, exitMs, json: null as unknown as ConformanceReport };
  expect(existsSync(json), `no JSON report; stdout: ${stdout}; stderr: ${stderr}`).toBe(true);
  const report = JSON.parse(readFileSync(json, "utf8")) as ConformanceReport;
  expectValidReport(report);
  return { code, stdout, stderr, exitMs, json: report };
}

describe("Ctrl-C during bonkl check", () => {
  // The two command-line runs wait mostly on their child processes: run them side by side.
  test.concurrent("program subject: stopped at once, partial table and JSON, exit 130", async () => {
    const state = tempDir();
    const marker = uniqueMarker();
    const command = [process.execPath, reliabilityFixture("faulty-program.mjs"), "slow", "--delay", "100", "--state", state, "--marker", marker].map(quote).join(" ");
    const answered = (): number => (existsSync(join(state, "answered")) ? readFileSync(join(state, "answered"), "utf8").split("\n").length - 1 : 0);
    // Interrupted once the subject has answered capabilities and the 10 bonPmf cases: bonkl, grading behind it, has
    // graded some or all of them (how many depends on the machine), and nothing after.
    const run = await interruptCheck(["--subject-cmd", command, "--domain", "standard", "--runs", "10", "--timeout", "5000"], () => answered() >= 11);
    expect(run.code).toBe(130);
    expect(run.stderr).toContain("bonkl check: interrupted");
    const first = run.json.results[0]!;
    expect(first.cases).toBeGreaterThan(0);
    if (first.cases < 10) expect(first.remark).toBe(`interrupted: ${first.cases} of 10 cases graded`);
    expect(run.stdout).toMatch(new RegExp(`bonPmf\\s+standard\\s+${first.cases}\\s`));
    expect(run.stdout).toMatch(/^INTERRUPTED: partial report/m);
    expect(run.stdout).toContain("Note: interrupted (Ctrl-C): the subject was stopped");
    expect(run.stdout).toMatch(/Seed 20240604\. Replay: npx bonkl check/);
    expect(run.json).toMatchObject({ verdict: "INTERRUPTED", exitStatus: 130 });
    expect(run.json.results[0]).toMatchObject({ op: "bonPmf", domain: "standard", verdict: "PASS" });
    expect(run.json.results.length).toBeLessThan(6);
    expect(run.json.subjectLog.faults).toEqual([]); // bonkl's own kill is not the subject's fault
    expect(answered()).toBeLessThan(60); // it did not run to the end
    expect(run.exitMs).toBeLessThan(5000);
    await expectNothingLeft(marker, pidsIn(state));
  });

  test.concurrent("module subject stuck in a synchronous loop: bonkl still reports and exits promptly", async () => {
    const state = tempDir();
    const env = { ...process.env, BONKL_RELIABILITY_STATE: state };
    // The module loops forever on its first klBon call; the hang timeout (60 s) is far away.
    const run = await interruptCheck(["--subject", reliabilityFixture("module-loops.mjs"), "--domain", "standard", "--runs", "4", "--timeout", "60000"], () => existsSync(join(state, "once-loops")), env);
    expect(run.code).toBe(130);
    expect(run.json.verdict).toBe("INTERRUPTED");
    expect(run.json.notes.join("\n")).toMatch(/not graded: .*klBon in standard/);
    expect(run.stdout).toMatch(/^INTERRUPTED: partial report/m);
    expect(run.exitMs).toBeLessThan(10_000);
  });

  test.concurrent("module subject blocked in a system call (sleep 40): the first Ctrl-C kills its host at once, reports, exits 130", async () => {
    const state = tempDir();
    const env = { ...process.env, BONKL_RELIABILITY_STATE: state };
    const run = await interruptCheck(["--subject", reliabilityFixture("module-sleeps.mjs"), "--domain", "standard", "--runs", "4", "--timeout", "60000"], () => existsSync(join(state, "once-sleeps")), env);
    expect(run.code).toBe(130);
    expect(run.json.verdict).toBe("INTERRUPTED");
    expect(run.stdout).toMatch(/^INTERRUPTED: partial report/m);
    expect(run.exitMs).toBeLessThan(5000);
    const sessions = readFileSync(join(state, "sessions"), "utf8").split("\n").filter(Boolean).map(Number);
    for (const sid of sessions) expect(await eventually(() => sessionMembers(sid)?.length === 0, 2000), `session ${sid}`).toBe(true);
  });

  test.concurrent("two Ctrl-C in a row: bonkl ends at once, and nothing of the subject is left", async () => {
    const state = tempDir();
    const env = { ...process.env, BONKL_RELIABILITY_STATE: state };
    const run = await interruptCheck(["--subject", reliabilityFixture("module-sleeps.mjs"), "--domain", "standard", "--runs", "4", "--timeout", "60000"], () => existsSync(join(state, "once-sleeps")), env, 30);
    expect(run.code).toBe(130); // status 130, or killed by the SIGINT itself (which a shell reports as 130)
    expect(run.exitMs).toBeLessThan(3000);
    expect(run.stderr).toContain("bonkl check: interrupted");
    const sessions = readFileSync(join(state, "sessions"), "utf8").split("\n").filter(Boolean).map(Number);
    for (const sid of sessions) expect(await eventually(() => sessionMembers(sid)?.length === 0, 2000), `session ${sid}`).toBe(true);
  });

  test("withInterrupt: the first Ctrl-C aborts and kills the subject's sessions, then SIGINT gets its default action back; a second one handled in the same turn exits 130", async () => {
    const before = process.listeners("SIGINT");
    const controller = new AbortController();
    let finish = (): void => undefined;
    const running = withInterrupt(controller, () => new Promise<string>((resolve) => (finish = () => resolve("done"))));
    const handler = process.listeners("SIGINT").find((l) => !before.includes(l)) as (signal: NodeJS.Signals) => void;
    const sleeper = spawn("sleep", ["30"], { detached: true, stdio: "ignore" });
    trackSession(sleeper.pid!);
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    const write = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      handler("SIGINT");
      expect(controller.signal.aborted).toBe(true);
      expect(await eventually(() => sessionMembers(sleeper.pid!)?.length === 0, 2000)).toBe(true);
      expect(exit).not.toHaveBeenCalled();
      handler("SIGINT"); // a second one before the event loop turned
      expect(exit).toHaveBeenCalledWith(130);
      await new Promise((resolve) => setImmediate(resolve));
      expect(process.listeners("SIGINT")).toEqual(before); // a third would take the default action: bonkl ends
      finish();
      expect(await running).toBe("done");
    } finally {
      exit.mockRestore();
      write.mockRestore();
      killSession(sleeper.pid!);
      untrackSession(sleeper.pid!);
    }
  });

  test("runCheck with an AbortSignal: grading stops after the case in hand, the report says what was graded", async () => {
    const controller = new AbortController();
    const state = tempDir();
    const marker = uniqueMarker();
    const command = [process.execPath, reliabilityFixture("faulty-program.mjs"), "slow", "--delay", "20", "--state", state, "--marker", marker].map(quote).join(" ");
    let graded = 0;
    const report = await runCheck({
      subject: { command },
      domains: ["standard"],
      runs: 10,
      seed: 7,
      subjectOptions: { timeoutMs: 5000 },
      signal: controller.signal,
      progress: { start() {}, note() {}, done() {}, tick: () => (++graded === 13 ? controller.abort() : undefined) },
    });
    expectValidReport(report);
    expect(report).toMatchObject({ verdict: "INTERRUPTED", exitStatus: 130 });
    expect(report.results.map((r) => [r.op, r.cases, r.verdict])).toEqual([
      ["bonPmf", 10, "PASS"],
      ["klBon", 3, "PASS"],
    ]);
    expect(report.results[1]!.remark).toBe("interrupted: 3 of 10 cases graded");
    expect(report.notes.at(-1)).toMatch(/not graded: klFormula in standard, klEstimate in standard, klEstimateUpper in standard, renyi2 in standard/);
    await expectNothingLeft(marker, pidsIn(state));
  });
});
