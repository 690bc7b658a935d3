// Lost reports (issue 16): output paths bonkl cannot write are usage errors (exit 2) before any work, and a report
// that cannot be written whole (a full disk) leaves the earlier file as it was. The full disk is real: bonkl runs
// under a file-size limit (`ulimit -f`, with SIGXFSZ ignored so a write past it fails with EFBIG, as ENOSPC would).
import { chmodSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { tempDir } from "./harness.ts";
import { runBonkl, type BonklRun } from "./run-bonkl.ts";
import { runMain } from "./run-cli-case.ts";

/** `bonkl ARGS` under a file-size limit of `blocks` 512-byte blocks; its process group is killed after 60 s. */
function runWithFileLimit(blocks: number, args: string[]): Promise<BonklRun> {
  return runBonkl(args, { launcher: { command: "sh", args: ["-c", `trap '' XFSZ; ulimit -f ${blocks}; exec "$0" "$@"`] } });
}

describe("reports are never lost", () => {
  test("check --json on a full disk: exit 1, one line naming the file, the earlier report unchanged, no temporary file", async () => {
    const dir = tempDir();
    const file = join(dir, "report.json");
    writeFileSync(file, '{"earlier": "report"}\n');
    const run = await runWithFileLimit(16, ["check", "--domain", "standard", "--runs", "3", "--json", file]); // 8 KiB: the report is larger
    expect(run.timedOut).toBe(false);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/^PASS: every checked op passed/m); // the table is out before the report is written
    expect(run.stderr).toMatch(/^bonkl: cannot write ".*report\.json": EFBIG: file too large, write; the earlier file is unchanged\n$/);
    expect(readFileSync(file, "utf8")).toBe('{"earlier": "report"}\n');
    expect(readdirSync(dir)).toEqual(["report.json"]);
  });

  test("output paths that cannot be written are usage errors before any work (check, claims, figures)", async () => {
    const dir = tempDir();
    const readOnly = join(dir, "read-only.json");
    writeFileSync(readOnly, "{}");
    chmodSync(readOnly, 0o444);
    symlinkSync(join(dir, "missing", "r.json"), join(dir, "dangling.json"));
    writeFileSync(join(dir, "plain"), "");
    const locked = join(dir, "locked");
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    const figures = join(dir, "figures");
    mkdirSync(figures);
    writeFileSync(join(figures, "figure-1.csv"), "old");
    chmodSync(join(figures, "figure-1.csv"), 0o444);
    const lines: [string[], RegExp][] = [
      [["check", "--json", readOnly], /--json ".*read-only\.json" exists and cannot be replaced/],
      [["check", "--json", join(dir, "dangling.json")], /--json ".*dangling\.json" is a dangling symbolic link/],
      [["check", "--json", join(dir, "plain", "r.json")], /is not a folder/],
      [["check", "--json", join(locked, "r.json")], /cannot write in ".*locked"/],
      [["claims", "--json", readOnly], /exists and cannot be replaced/],
      [["claims", "--update", join(dir, "dangling.json")], /is a dangling symbolic link/],
      [["figures", "--out", join(dir, "plain")], /--out ".*plain" is not a folder/],
      [["figures", "--out", locked], /cannot write in ".*locked"/],
      [["figures", "--out", figures, "--panel", "figure-1"], /figure-1\.csv" exists and cannot be replaced/],
    ];
    for (const [argv, message] of lines) {
      const run = await runMain(argv); // in-process, one at a time
      expect(run.problem, run.stderr).toBeNull();
      expect(run.code, argv.join(" ")).toBe(2);
      expect(run.stderr, argv.join(" ")).toMatch(message);
      expect(run.stdout, argv.join(" ")).toBe("");
      expect(run.ms, "refused before any work").toBeLessThan(5000);
    }
    expect(readFileSync(readOnly, "utf8")).toBe("{}");
  });
});
