// If bonkl itself dies (uncaught exception, SIGTERM, Ctrl-C, SIGKILL) while a program subject runs, the subject's whole
// session dies with it: the exit hook kills it on an exception, the watchdog process (sessions/watchdog.ts) when bonkl
// dies of a signal. Runs a stand-in host under tsx (about a second per case).
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { describe, expect, test } from "vitest";
import { fixture, isGoneSoon } from "../fixtures/harness.ts";

async function runHost(mode: "throw" | "SIGTERM" | "SIGINT" | "SIGKILL") {
  const host = spawn(process.execPath, ["--import", "tsx", fixture("dying-host.ts"), mode], { stdio: ["ignore", "pipe", "pipe"] });
  const [line] = (await once(createInterface({ input: host.stdout }), "line")) as [string];
  const pids = JSON.parse(line) as { subject: number; grandchild: number };
  const exited = once(host, "exit") as Promise<[number | null, string | null]>;
  if (mode !== "throw") host.kill(mode);
  const [code, signal] = await exited;
  return { pids, code, signal };
}

describe("no subject outlives bonkl", () => {
  test.each(["throw", "SIGTERM", "SIGINT", "SIGKILL"] as const)("bonkl ends by %s: the subject and its child are killed", async (mode) => {
    const { pids, code, signal } = await runHost(mode);
    if (mode === "throw") expect(code).toBe(1);
    else expect(signal).toBe(mode); // the signal takes its default course: bonkl installs no handler
    expect(Number.isInteger(pids.subject) && Number.isInteger(pids.grandchild)).toBe(true);
    expect(await isGoneSoon(pids.subject)).toBe(true);
    expect(await isGoneSoon(pids.grandchild)).toBe(true);
  }, 20_000);
});
