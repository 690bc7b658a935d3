// Progress when stderr is not a terminal (issue 16: minutes of work printed nothing in a pipe or a CI log): every
// long command prints plain progress lines on a non-terminal stderr. In-process through the CLI's dispatcher (stderr
// captured, not a terminal), with BONKL_PROGRESS_MS=1 instead of the default 5 s between lines so that short runs
// show them; stdout stays clean. A pipe is such a stderr (process.stderr.isTTY is not true).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { PROGRESS_LINE } from "../cli/progress.ts";
import { tempDir } from "./harness.ts";
import { runMain } from "./run-cli-case.ts";

describe("progress lines on a stderr that is not a terminal", () => {
  test("check, claims, kl, estimate and figures each print `bonkl <command>: progress ...` lines", async () => {
    const dir = tempDir();
    const prompts = join(dir, "prompts.jsonl");
    writeFileSync(prompts, Array.from({ length: 200 }, (_, i) => JSON.stringify({ n: 2 + (i % 50), logp: -(i + 1) / 7 })).join("\n"));
    const uniform = Array.from({ length: 200 }, () => "1/200").join(",");
    const lines: [string, string[]][] = [
      ["check", ["check", "--runs", "10", "--domain", "standard"]],
      ["claims", ["claims", "--id", "thm2.gap-le-renyi2", "--runs", "10", "--workers", "0"]],
      ["kl", ["kl", "--p", uniform, "--n", "1,10"]],
      ["estimate", ["estimate", prompts]],
      ["figures", ["figures", "--panel", "figure-1", "--out", join(dir, "figures"), "--jobs", "1"]],
    ];
    for (const [command, argv] of lines) {
      const run = await runMain(argv, { BONKL_PROGRESS_MS: "1" }); // one at a time: each captures stdout and stderr
      expect(run.code, `${command}: ${run.stderr}`).toBe(0);
      const progress = run.stderr.split("\n").filter((l) => l.startsWith(`bonkl ${command}: progress `));
      expect(progress.length, `${command} stderr: ${run.stderr.slice(0, 500)}`).toBeGreaterThan(0);
      for (const line of progress) expect(line).toMatch(PROGRESS_LINE);
      expect(run.stdout).not.toMatch(/progress \d+%/);
    }
  });

  test("a malformed BONKL_PROGRESS_MS is a usage error", async () => {
    const run = await runMain(["kl", "--p", "0.5,0.5", "--n", "2"], { BONKL_PROGRESS_MS: "soon" });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('bonkl: BONKL_PROGRESS_MS must be an integer from 1 to 3600000, got "soon"\n');
  });
});
