// The subject command line never goes through a shell (spec/protocol.md, "Command lines"): shell operators are
// usage errors (nothing runs), and `$HOME`, backticks, `$(...)`, globs and `~` reach the program as written.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { UsageError } from "../errors.ts";
import { checkCommand } from "../cli/commands/check.ts";
import { runCheck } from "../conformance/run-check.ts";
import { expectValidReport, quote, reliabilityFixture, tempDir } from "./harness.ts";

describe("--subject-cmd is not a shell command", () => {
  test("shell operators are usage errors, and nothing runs", async () => {
    const dir = tempDir();
    const victim = join(dir, "x");
    writeFileSync(victim, "still here");
    for (const command of [`echo a; rm -rf ${victim}`, `echo a && rm -rf ${victim}`, `echo a | rm -rf ${victim}`, `echo a > ${victim}`, `rm -rf ${victim} &`, `cat < ${victim}`]) {
      const run = checkCommand.run(["--subject-cmd", command, "--domain", "standard", "--runs", "1"]);
      await expect(run, command).rejects.toThrow(UsageError);
      await expect(run, command).rejects.toThrow(/needs a shell, and none runs the subject/);
    }
    expect(readFileSync(victim, "utf8")).toBe("still here");
  });

  test("variables, backticks, $(...), globs and ~ reach the program literally", async () => {
    const dir = tempDir();
    const argvFile = join(dir, "argv.json");
    const words = ["$HOME", "`touch pwned`", "$(touch pwned)", "*.mjs", "~", "a b", "'quoted'", "${PATH}", "\\n", "#comment"];
    // Written for the splitter: single quotes protect everything but a single quote; `'quoted'` needs "...".
    const command = [
      quote(process.execPath),
      quote(reliabilityFixture("argv-recorder.mjs")),
      quote(argvFile),
      "'$HOME'",
      "'`touch pwned`'",
      "'$(touch pwned)'",
      "*.mjs",
      "~",
      '"a b"',
      `"'quoted'"`,
      "'${PATH}'",
      "'\\n'",
      "#comment",
    ].join(" ");
    const report = await runCheck({ subject: { command }, domains: ["standard"], runs: 2, subjectOptions: { timeoutMs: 5000 } });
    expectValidReport(report);
    expect(report.verdict).toBe("PASS");
    expect(JSON.parse(readFileSync(argvFile, "utf8"))).toEqual(words);
    expect(existsSync(join(process.cwd(), "pwned"))).toBe(false);
    expect(existsSync(join(dir, "pwned"))).toBe(false);
  });
});
