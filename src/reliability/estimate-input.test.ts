// `bonkl estimate` on hostile input (issue 16): a file of 20 million blank lines runs in a 48 MiB heap (the real
// process; it used to be read and split whole: heap OOM, signal 6, at 140 MB); a value the oracle cannot pin down
// leaves out that prompt with a warning and keeps the rest (it blanked the whole KLhat_1 column, exit 0, no
// warning); a tiny positive estimate is printed as the double nearest it (it was printed as -5.56e-309). The last
// two in-process through the CLI's dispatcher.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { tempDir } from "./harness.ts";
import { runBonkl, withoutProgress, type BonklRun } from "./run-bonkl.ts";
import { runMain } from "./run-cli-case.ts";

/** `node --max-old-space-size=MB bonkl ARGS`; its process group is killed after 60 s. */
function runWithHeap(megabytes: number, args: string[]): Promise<BonklRun> {
  return runBonkl(args, { nodeArgs: [`--max-old-space-size=${megabytes}`] });
}

describe("bonkl estimate on hostile input", () => {
  test("20 million blank lines between two prompts: streamed in a 48 MiB heap", async () => {
    const file = join(tempDir(), "blank.jsonl");
    writeFileSync(file, Buffer.concat([Buffer.from('{"n": 16, "logp": -1.5}\n'), Buffer.alloc(20_000_000, 0x0a), Buffer.from('{"n": 4, "logp": -3}\n')]));
    const run = await runWithHeap(48, ["estimate", file, "--json"]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ count: 2, read: 2, leftOut: { count: 0 } });
    expect(withoutProgress(run.stderr)).toBe("");
  });

  test("a prompt the oracle cannot pin down: that line is named and left out, the rest kept, a warning, exit 0", async () => {
    const file = join(tempDir(), "prompts.jsonl");
    writeFileSync(file, '{"n": 16, "logp": -1.5}\n{"n": 16, "logp": "-1e10000"}\n{"n": 4, "logp": -3}\n');
    const run = await runMain(["estimate", file]);
    expect(run.code, run.stderr).toBe(0);
    expect(withoutProgress(run.stderr)).toMatch(/^bonkl estimate: warning: 1 prompt left out of the means \(.*prompts\.jsonl line 2: KLhat_1 could not be narrowed below .* at the oracle's precision cap \(8192 bits\)\)\n$/);
    expect(run.stdout).toMatch(/^2 prompts from .*prompts\.jsonl \(1 more left out: see below\)$/m);
    expect(run.stdout).toMatch(/^KLhat_1\(eps_n\), Eq\. \(26\)\s+1\.39678\s+\[/m); // the mean of the two kept prompts, not n/a
    expect(run.stdout).toMatch(/^Left out of every mean \(1 prompt of 3\): .*prompts\.jsonl line 2: KLhat_1 could not be narrowed/m);
  });

  test("logp = -5e-324: both estimators print as 4.94066e-324 (the double nearest the exact value), never negative", async () => {
    const run = await runMain(["estimate", "--n", "16", "--logp", "-5e-324"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^KLhat\(eps_n\), Eq\. \(28\)\s+4\.94066e-324\s/m);
    expect(run.stdout).toMatch(/^KLhat_1\(eps_n\), Eq\. \(26\)\s+4\.94066e-324\s/m);
    expect(run.stdout).not.toMatch(/-\d\.\d+e-3\d\d/);
  });
});
