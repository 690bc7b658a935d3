import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { UsageError } from "../../errors.ts";
import { estimateCommand } from "./estimate.ts";
import { figuresCommand } from "./figures.ts";
import { klCommand } from "./kl.ts";
import { serveCommand } from "./serve.ts";
import { answerLine } from "../../serve/answer-line.ts";

async function stdoutOf(run: () => Promise<number>): Promise<{ code: number; out: string }> {
  let out = "";
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    return { code: await run(), out };
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe("kl, estimate and figures commands", () => {
  it("list their flags with an example in --help", () => {
    for (const [command, flags] of [
      [klCommand, ["--p", "--r", "--n", "--digits", "--json"]],
      [estimateCommand, ["--n", "--logp", "--format", "--digits", "--json"]],
      [figuresCommand, ["--out", "--panel", "--jobs", "--list"]],
    ] as const) {
      for (const flag of flags) expect(command.help).toContain(flag);
      expect(command.help).toMatch(/Examples?:\n {2}npx bonkl /);
    }
  });

  it("kl --json certifies KL for Example 1 at n = 2", async () => {
    const { code, out } = await stdoutOf(() => klCommand.run(["--p", "1/2,1/2", "--n", "2", "--json"]));
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.results[0].klBon.value).toBe("0.130812035941"); // log 2 - h(1/4)
    expect(report.results[0].klBon.reference).toBe("Eq. (3)");
  });

  it("kl prints a table with values and enclosures", async () => {
    const { out } = await stdoutOf(() => klCommand.run(["--p", "0.2,0.3,0.5", "--r", "1,2,3", "--n", "16"]));
    expect(out).toMatch(/KL\(pi_n \|\| p\)\s+Eq\. \(3\)\s+0\.692970490982\s+\[0\.69297049098188\d*, 0\.69297049098188\d*\]/);
    expect(out).toContain("Thm 2, Eq. (17)");
  });

  it("estimate --json gives the means with a 95% interval", async () => {
    const { out } = await stdoutOf(() => estimateCommand.run(["--n", "16", "--logp", "-12.3,-8.1", "--json"]));
    const report = JSON.parse(out);
    expect(report.count).toBe(2);
    expect(report.klEstimate.ci95[0]).toBeLessThan(report.klEstimate.mean);
    expect(report.klFormula.mean).toBeCloseTo(Math.log(16) - 15 / 16, 14);
  });

  it("serve takes --digits up to 300, where the accuracy asked of the oracle is still a positive double", async () => {
    for (const bad of ["0", "301", "1000", "2.5"]) await expect(serveCommand.run(["--digits", bad])).rejects.toThrow(/--digits must be an integer from 1 to 300/);
    const response = JSON.parse(answerLine('{"id": 1, "op": "klFormula", "args": {"n": 2}}', { digits: 300 }) as string) as { value: string };
    // log 2 - 1/2 to 300 significant digits (mpmath, mp.dps = 330); the 300th is a 0, which the value may leave off
    const TRUE_DIGITS =
      "193147180559945309417232121458176568075500134360255254120680009493393621969694715605863326996418687542001481020570685733685520235758130557032670751635075961930727570828371435190307038623891673471123350115364497955239120475172681574932065155524734139525882950453007095326366642654104239157814952043740";
    expect(response.value).toMatch(/e-1$/);
    const digits = response.value.replace(/e-1$/, "").replace(".", "");
    expect(digits.length).toBeGreaterThanOrEqual(299);
    expect(TRUE_DIGITS.startsWith(digits)).toBe(true);
  });

  it("rejects bad usage with UsageError", async () => {
    await expect(klCommand.run(["--p", "0.5,0.5"])).rejects.toThrow(UsageError);
    await expect(estimateCommand.run(["--bogus"])).rejects.toThrow(UsageError);
    await expect(figuresCommand.run(["--panel", "figure-9"])).rejects.toThrow(/unknown panel/);
    await expect(figuresCommand.run(["--jobs", "0"])).rejects.toThrow(UsageError);
  });

  it("runs from the command line: output on stdout, errors as one line with exit status 2 for usage", async () => {
    const bonkl = new URL("../bonkl.mjs", import.meta.url).pathname;
    const run = promisify(execFile);
    const [ok, bad] = await Promise.all([
      run(process.execPath, [bonkl, "estimate", "--n", "16", "--logp", "-12.3,-8.1"]),
      run(process.execPath, [bonkl, "kl", "--p", "0.5,0.5"]).then(
        () => ({ code: 0, stderr: "" }),
        (error: { code: number; stderr: string }) => error,
      ),
    ]);
    expect(ok.stdout).toContain("2 prompts from the command line");
    expect(ok.stderr).toBe(""); // no progress bar in a pipe
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  });
});
