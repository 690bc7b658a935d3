// A closed stdout (issue 16): `bonkl kl ... | true`, `bonkl claims --list | head -1` and `bonkl check | head -1`
// printed an unhandled EPIPE stack trace and exited 1 (so check reported failure for a passing run). A reader that
// goes away now ends the output quietly: no stack trace, the command's own exit status. Any other write error
// (`> /dev/full`) loses output: one line on stderr, exit 1.
import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { BONKL_BIN } from "./run-bonkl.ts";

interface Exit {
  code: number | null;
  signal: string | null;
  stderr: string;
}

/** Runs bonkl; its stdout is read until `keepBytes` bytes came (0: closed at once), then closed, like `| head -c`. */
function runWithClosingReader(args: string[], keepBytes: number): Promise<Exit> {
  const child = spawn(process.execPath, [BONKL_BIN, ...args], { detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  let seen = 0;
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  if (keepBytes === 0) child.stdout.destroy();
  else
    child.stdout.on("data", (chunk: Buffer) => {
      seen += chunk.length;
      if (seen >= keepBytes) child.stdout.destroy();
    });
  const timer = setTimeout(() => process.kill(-(child.pid as number), "SIGKILL"), 60_000);
  return new Promise((resolve) =>
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr });
    }),
  );
}

describe("a closed stdout", () => {
  test("kl | true, claims --list | head -1, check | head -1: quiet, each command's own exit status", async () => {
    const [kl, list, check] = await Promise.all([
      runWithClosingReader(["kl", "--p", "0.5,0.5", "--n", "2"], 0),
      runWithClosingReader(["claims", "--list"], 1),
      runWithClosingReader(["check", "--domain", "tiny", "--runs", "2"], 1),
    ]);
    for (const run of [kl, list, check]) {
      expect(run.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
      expect(run.signal).toBeNull();
    }
    expect(kl).toMatchObject({ code: 0, stderr: "" });
    expect(list).toMatchObject({ code: 0, stderr: "" });
    expect(check.code, "a passing run still exits 0").toBe(0);
  });

  test("a full device: one line on stderr, exit 1", async () => {
    const full = openSync("/dev/full", "w");
    const child = spawn(process.execPath, [BONKL_BIN, "kl", "--p", "0.5,0.5", "--n", "2"], { stdio: ["ignore", full, "pipe"] });
    closeSync(full);
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(1);
    expect(stderr).toBe("bonkl: cannot write to stdout: ENOSPC: no space left on device, write\n");
  });
});
