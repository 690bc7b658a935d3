/**
 * Helpers for the end-to-end reliability tests: run `bonkl check` (in-process, through runCheck) against a faulty
 * subject, validate the report against spec/conformance/report.schema.json, and check that no process of the
 * subject is left behind (found by a marker word on its command line, so fixtures shared with other tests count too).
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import { expect } from "vitest";
import type { ConformanceReport, ReportFault } from "../conformance/report.ts";
import { runCheck, type CheckOptions } from "../conformance/run-check.ts";

/** Absolute path of a file in this folder's fixtures. */
export const reliabilityFixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
/** Absolute path of one of the runner's fixtures (src/subject/fixtures). */
export const subjectFixture = (name: string): string => fileURLToPath(new URL(`../subject/fixtures/${name}`, import.meta.url));
/** Absolute path of one of the conformance fixtures (src/conformance/fixtures). */
export const conformanceFixture = (name: string): string => fileURLToPath(new URL(`../conformance/fixtures/${name}`, import.meta.url));

const schema = JSON.parse(readFileSync(fileURLToPath(new URL("../../spec/conformance/report.schema.json", import.meta.url)), "utf8")) as object;
const validator = new Ajv({ allowUnionTypes: true }).compile(schema);

/** The report as it would be written with --json, checked against the committed schema. */
export function expectValidReport(report: unknown): void {
  const written = JSON.parse(JSON.stringify(report)) as unknown;
  expect(validator(written), JSON.stringify(validator.errors)).toBe(true);
}

/** Verdicts by "op in domain". */
export function verdicts(report: ConformanceReport): Record<string, string> {
  return Object.fromEntries(report.results.map((r) => [`${r.op} in ${r.domain}`, r.verdict]));
}

/** The faults of one kind. */
export const faultsOf = (report: ConformanceReport, kind: string): ReportFault[] => report.subjectLog.faults.filter((f) => f.kind === kind);

/** A fresh temporary folder. */
export const tempDir = (prefix = "bonkl-reliability-"): string => mkdtempSync(join(tmpdir(), prefix));

/** A word no other process on the machine has on its command line. */
export const uniqueMarker = (): string => `bonkl-marker-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** A single-quoted `--subject-cmd` word (fixture paths may contain spaces). */
export const quote = (word: string): string => `'${word.replaceAll("'", "'\\''")}'`;

/** Live (non-zombie) processes whose command line contains `marker`. */
export function processesWith(marker: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (!cmdline.includes(marker)) continue;
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z") found.push(Number(entry));
    } catch {
      // gone while we looked
    }
  }
  return found;
}

/** True when the process group led by `pid` has no member left. */
export function groupIsGone(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/** Waits until `condition` holds (polling), up to `ms`; returns whether it held. */
export async function eventually(condition: () => boolean, ms = 2000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}

/** No process with the marker, and no group led by any of `pids`, remains (they must be gone when the run ends). */
export async function expectNothingLeft(marker: string, pids: readonly number[] = []): Promise<void> {
  // Already gone when runCheck returns; the short wait only absorbs /proc's view catching up with a reaped child.
  expect(await eventually(() => processesWith(marker).length === 0, 500), `processes left: ${processesWith(marker).join(", ")}`).toBe(true);
  for (const pid of pids) expect(await eventually(() => groupIsGone(pid), 500), `process group ${pid} still has members`).toBe(true);
}

/** The pids a faulty-program.mjs run wrote to its state folder. */
export function pidsIn(stateDir: string): number[] {
  try {
    return readFileSync(join(stateDir, "pids"), "utf8").split("\n").filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

export interface FaultyRun {
  report: ConformanceReport;
  /** Pids of every start of the subject (faulty-program.mjs only). */
  pids: number[];
  wallMs: number;
}

/**
 * Runs `bonkl check` in-process on faulty-program.mjs with `fault` (extra words after it), domains standard and ties
 * by default, 3 runs, a 1000 ms timeout; validates the report and checks that nothing of the subject is left.
 */
export async function checkFaultyProgram(fault: string, options: { args?: string[]; check?: Partial<CheckOptions>; timeoutMs?: number } = {}): Promise<FaultyRun> {
  const state = tempDir();
  const marker = uniqueMarker();
  const words = [process.execPath, reliabilityFixture("faulty-program.mjs"), fault, ...(options.args ?? []), "--state", state, "--marker", marker];
  return checkCommandLine(words.map(quote).join(" "), marker, options, state);
}

/** The same for any command line; `marker` must appear in it. */
export async function checkCommandLine(
  command: string,
  marker: string,
  options: { check?: Partial<CheckOptions>; timeoutMs?: number } = {},
  stateDir?: string,
): Promise<FaultyRun> {
  const started = performance.now();
  const report = await runCheck({
    subject: { command },
    domains: ["standard", "ties"],
    runs: 3,
    seed: 7,
    shrinkTimeLimitMs: 5000,
    ...options.check,
    subjectOptions: { timeoutMs: options.timeoutMs ?? 1000, ...options.check?.subjectOptions },
  });
  const wallMs = performance.now() - started;
  expectValidReport(report);
  const pids = stateDir === undefined ? [] : pidsIn(stateDir);
  await expectNothingLeft(marker, pids);
  return { report, pids, wallMs };
}
