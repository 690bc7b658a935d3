// Progress when stderr is not a terminal (issue 16: minutes of work printed nothing in a pipe or a CI log): every
// long command prints plain progress lines on a piped stderr. BONKL_PROGRESS_MS=100 instead of the default 5 s
// between lines, so that short runs show them; stdout stays clean.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { PROGRESS_LINE } from "../cli/progress.ts";
import { tempDir } from "./harness.ts";
import { runBonkl } from "./run-bonkl.ts";

describe("progress lines on a piped stderr", () => {
  test("check, claims, kl, estimate and figures each print `bonkl <command>: progress ...` lines", async () => {
    const dir = tempDir();
    const prompts = join(dir, "prompts.jsonl");
    writeFileSync(prompts, Array.from({ length: 400 }, (_, i) => JSON.stringify({ n: 2 + (i % 50), logp: -(i + 1) / 7 })).join("\n"));
    const uniform = Array.from({ length: 400 }, () => "1/400").join(",");
    const env = { ...process.env, BONKL_PROGRESS_MS: "100" };
    const lines: [string, string[]][] = [
      ["check", ["check", "--runs", "40", "--domain", "standard"]],
      ["claims", ["claims", "--id", "thm2.gap-le-renyi2", "--runs", "30", "--workers", "0"]],
      ["kl", ["kl", "--p", uniform, "--n", "1,10,100,1000"]],
      ["estimate", ["estimate", prompts]],
      ["figures", ["figures", "--panel", "figure-1", "--out", join(dir, "figures"), "--jobs", "1"]],
    ];
    const runs = await Promise.all(lines.map(([, argv]) => runBonkl(argv, { env })));
    for (const [i, [command]] of lines.entries()) {
      const run = runs[i]!;
      expect(run.code, `${command}: ${run.stderr}`).toBe(0);
      const progress = run.stderr.split("\n").filter((l) => l.startsWith(`bonkl ${command}: progress `));
      expect(progress.length, `${command} stderr: ${run.stderr}`).toBeGreaterThan(0);
      for (const line of progress) expect(line).toMatch(PROGRESS_LINE);
      expect(run.stdout).not.toMatch(/progress \d+%/);
    }
  });

  test("a malformed BONKL_PROGRESS_MS is a usage error", async () => {
    const run = await runBonkl(["kl", "--p", "0.5,0.5", "--n", "2"], { env: { ...process.env, BONKL_PROGRESS_MS: "soon" } });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('bonkl: BONKL_PROGRESS_MS must be an integer from 1 to 3600000, got "soon"\n');
  });
});
