/**
 * `bonkl check` as a user runs it: the default run on the built-in float64 library (src/float), through the real
 * CLI process, timed from spawn to exit, with the time per domain taken from its JSON report (the sum of the
 * per-pair `durationMs`, the grading time of each op x domain pair). Target: the whole run under 15 s.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ConformanceReport } from "../conformance/report.ts";
import { bonklCommand, BONKL_COMMAND_TEXT } from "./bonkl-cli.ts";
import type { BenchResult } from "./result.ts";

const TARGET_SECONDS = 15;

export async function checkBench(log: (line: string) => void): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), "bonkl-bench-check-"));
  const reportPath = join(dir, "report.json");
  try {
    const { program, args } = bonklCommand(["check", "--json", reportPath]);
    const started = performance.now();
    const status = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(program, args, { stdio: ["ignore", "ignore", "pipe"] });
      let stderr = "";
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr = (stderr + chunk).slice(-2000)));
      child.on("error", reject);
      child.on("exit", (code) => (code === 0 || code === 1 ? resolve(code) : reject(new Error(`bonkl check exited with ${code}: ${stderr.trim()}`))));
    });
    const wall = (performance.now() - started) / 1000;
    const report = JSON.parse(readFileSync(reportPath, "utf8")) as ConformanceReport;
    const domains = new Map<string, { ms: number; cases: number; pairs: number }>();
    for (const r of report.results) {
      const d = domains.get(r.domain) ?? { ms: 0, cases: 0, pairs: 0 };
      d.ms += r.durationMs;
      d.cases += r.cases;
      d.pairs += 1;
      domains.set(r.domain, d);
    }
    const graded = [...domains.values()].reduce((sum, d) => sum + d.ms, 0);
    log(`  \`${BONKL_COMMAND_TEXT} check\` (default: built-in float64 library, seed ${report.seed}, ${report.runs} runs): verdict ${report.verdict} (exit ${status})`);
    log(`  ${"domain".padEnd(10)} ${"pairs".padStart(5)} ${"cases".padStart(6)} ${"grading s".padStart(9)}`);
    for (const [name, d] of domains) log(`  ${name.padEnd(10)} ${String(d.pairs).padStart(5)} ${String(d.cases).padStart(6)} ${(d.ms / 1000).toFixed(2).padStart(9)}`);
    log(
      `  grading ${(graded / 1000).toFixed(1)} s + planning, asking and subject start-up ${((report.durationMs - graded) / 1000).toFixed(1)} s = report ${(report.durationMs / 1000).toFixed(1)} s; ` +
        `process start-up and exit ${(wall - report.durationMs / 1000).toFixed(1)} s; whole run (spawn -> exit) ${wall.toFixed(1)} s`,
    );
    return { name: "bonkl check, default run on src/float (spawn -> exit)", value: wall, unit: "s", target: `< ${TARGET_SECONDS} s`, pass: wall < TARGET_SECONDS && report.verdict === "PASS" };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
