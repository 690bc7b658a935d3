// Hostile command lines and input files for `bonkl kl`, `estimate`, `check` and `claims` (src/reliability/
// hostile-cli.ts): every case ends with exit status 0, 1 or 2, and a failure is a typed error reported as one line on
// stderr without a stack trace. In-process through the CLI's dispatcher for the many (200 cases; BONKL_DEEP=1: 5000),
// through the real command line for a few (exit status of the process, stdin, devices).
import fc from "fast-check";
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { readInputText } from "../io/input-file.ts";
import { InputError } from "../errors.ts";
import { cliCase } from "./hostile-cli.ts";
import { tempDir } from "./harness.ts";
import { runCliCase, runMain } from "./run-cli-case.ts";
import { cleanFailure, runBonkl } from "./run-bonkl.ts";

const deep = process.env.BONKL_DEEP === "1";
const cases = Number(process.env.BONKL_CLI_FUZZ_CASES ?? (deep ? 5000 : 200));
const seed = Number(process.env.BONKL_FUZZ_SEED ?? 20240604);

describe("CLI fuzz", () => {
  test(`${cases} hostile command lines in-process: exit 0, 1 or 2; errors typed, one line, no stack trace`, async () => {
    const problems: string[] = [];
    const codes: Record<string, number> = {};
    let slowest = 0;
    for (const [i, c] of fc.sample(cliCase, { seed, numRuns: cases }).entries()) {
      const outcome = await runCliCase(c);
      codes[`${c.command} ${outcome.code}`] = (codes[`${c.command} ${outcome.code}`] ?? 0) + 1;
      slowest = Math.max(slowest, outcome.ms);
      if (outcome.problem !== null) problems.push(`#${i} ${outcome.problem}: bonkl ${c.command} ${JSON.stringify(c.argv).slice(0, 300)} env ${JSON.stringify(c.env)}\n  ${outcome.stderr.slice(0, 300)}`);
    }
    console.info(`CLI fuzz: ${cases} cases, seed ${seed}, slowest ${Math.round(slowest)} ms, exit statuses ${JSON.stringify(codes)}`);
    expect(problems).toEqual([]);
    expect(Object.keys(codes).some((k) => k.endsWith(" 0")), "some cases should run through").toBe(true);
  }, 120_000 + cases * 50);

  test("an endless input (a device, a pipe) is refused at the size limit instead of filling the memory", () => {
    expect(() => readInputText("/dev/zero", 1 << 20)).toThrow(InputError);
    expect(() => readInputText("/dev/zero", 1 << 20)).toThrow(/is larger than 1 MiB, the most bonkl reads/);
    expect(readInputText("/dev/null")).toBe("");
  });

  test("the real command line: garbage files, stdin and flags end in one clean line and exit 1 or 2", async () => {
    const dir = tempDir();
    const binary = join(dir, "garbage.json");
    writeFileSync(binary, Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x0a, 0xc3, 0x28, 0x0a, 0x0a]));
    const runs = await Promise.all([
      runBonkl(["kl", binary, "--n", "2"]),
      runBonkl(["estimate", "-"], { stdin: Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x00, 0xff, 0x0a, 0x7b, 0x0a]) }),
    ]);
    for (const run of runs) expect(cleanFailure(run), `${run.stderr}\n${run.stdout}`).toBeNull();
    expect(runs.map((r) => r.code)).toEqual([1, 1]);
  });

  test("claims --json naming a folder is refused before the run (it used to fail with an internal error after it)", async () => {
    const run = await runMain(["claims", "--id", "thm2.gap-le-renyi2", "--runs", "1", "--json", tempDir()]);
    expect(run.problem).toBeNull();
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^bonkl: --json .* is a folder; give a file name\n$/);
  });
});
