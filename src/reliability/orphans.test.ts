// No process of a subject outlives bonkl, even when bonkl is SIGKILLed mid-run (no exit hook runs then): the watchdog
// process (src/subject/sessions/watchdog.ts) sees bonkl's pipe close and kills the subject's whole session. The
// subjects make it hard: a program that ignores the end of its stdin and has a grandchild that moved to a process
// group of its own (out of reach of a group kill), and a module whose host started a child at load.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { sessionMembers } from "../subject/sessions/sessions.ts";
import { eventually, processesWith, quote, reliabilityFixture, subjectFixture, tempDir, uniqueMarker } from "./harness.ts";
import { BONKL_BIN } from "./run-bonkl.ts";

/** Starts `bonkl check ARGS` in a process group of its own (so that a failing test can still clean up). */
function startCheck(args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  return spawn(process.execPath, [BONKL_BIN, "check", ...args], { detached: true, stdio: ["ignore", "ignore", "pipe"], env });
}

/** SIGKILLs bonkl itself (not its group), and waits for it to be gone. */
async function killBonkl(bonkl: ChildProcess): Promise<void> {
  const exited = once(bonkl, "exit");
  process.kill(bonkl.pid as number, "SIGKILL");
  await exited;
}

const sessionOf = (pid: number): number => {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[3]);
};

describe("bonkl SIGKILLed mid-run", () => {
  test.concurrent("a program subject that ignores EOF, with a grandchild in a process group of its own: its whole session dies", async () => {
    const state = join(tempDir(), "tree.json");
    const marker = uniqueMarker();
    const command = [process.execPath, subjectFixture("session-tree.mjs"), state, "--ignore-eof", marker].map(quote).join(" ");
    const bonkl = startCheck(["--subject-cmd", command, "--domain", "standard", "--runs", "100", "--timeout", "60000"]);
    try {
      expect(await eventually(() => existsSync(state) && readFileSync(state, "utf8") !== "", 30_000)).toBe(true);
      const tree = JSON.parse(readFileSync(state, "utf8")) as { leader: number; sameGroup: number; ownGroup: number | null };
      expect(sessionMembers(tree.leader)).toEqual(expect.arrayContaining([tree.leader, tree.sameGroup]));
      if (tree.ownGroup === null) console.warn("orphans.test.ts: /bin/bash missing: no grandchild in a process group of its own");
      await killBonkl(bonkl);
      expect(await eventually(() => sessionMembers(tree.leader)?.length === 0, 5000), `left: ${sessionMembers(tree.leader)?.join(", ")}`).toBe(true);
      expect(processesWith(marker)).toEqual([]);
    } finally {
      try {
        process.kill(-(bonkl.pid as number), "SIGKILL");
      } catch {
        // already gone
      }
    }
  });

  test.concurrent("a module subject whose host started a child at load: the host's session dies", async () => {
    const marker = uniqueMarker();
    const env = { ...process.env, BONKL_RELIABILITY_MARKER: marker };
    const bonkl = startCheck(["--subject", reliabilityFixture("module-with-child.mjs"), "--domain", "standard", "--runs", "100", "--timeout", "60000"], env);
    try {
      expect(await eventually(() => processesWith(marker).length > 0, 30_000)).toBe(true);
      const [child] = processesWith(marker);
      const host = sessionOf(child as number);
      expect(host).not.toBe(sessionOf(process.pid));
      expect(sessionMembers(host)).toEqual(expect.arrayContaining([host, child]));
      await killBonkl(bonkl);
      expect(await eventually(() => sessionMembers(host)?.length === 0, 5000), `left: ${sessionMembers(host)?.join(", ")}`).toBe(true);
      expect(processesWith(marker)).toEqual([]);
    } finally {
      try {
        process.kill(-(bonkl.pid as number), "SIGKILL");
      } catch {
        // already gone
      }
    }
  });
});
