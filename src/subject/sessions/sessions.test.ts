/**
 * Subject sessions in this process: killSession reaches every process of a session, also one that moved to a process
 * group of its own (which a group kill misses); the registry installs its exit hook while sessions are tracked and
 * starts one watchdog. (A bonkl that really dies, SIGKILL included: bonkl-dies.test.ts and
 * src/reliability/orphans.test.ts.)
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { fixture, isGoneSoon, isRunning } from "../fixtures/harness.ts";
import { killProcessGroup } from "../process-groups.ts";
import { killSession, sessionMembers, trackedSessions, trackSession, untrackSession } from "./sessions.ts";
import { releaseWatchdog, watchdogPid } from "./watchdog.ts";

interface Tree {
  leader: number;
  sameGroup: number;
  ownGroup: number | null;
}

/** Starts session-tree.mjs as the leader of a new session; resolves once its children run. */
async function sessionTree(): Promise<Tree> {
  const state = join(mkdtempSync(join(tmpdir(), "bonkl-sessions-")), "tree.json");
  spawn(process.execPath, [fixture("session-tree.mjs"), state], { detached: true, stdio: ["pipe", "ignore", "ignore"] });
  const deadline = Date.now() + 10_000;
  while (!existsSync(state) || readFileSync(state, "utf8") === "") {
    if (Date.now() > deadline) throw new Error("session-tree.mjs did not start");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return JSON.parse(readFileSync(state, "utf8")) as Tree;
}

const groupOf = (pid: number): number => {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
};

afterEach(() => {
  for (const sid of trackedSessions()) {
    killSession(sid);
    untrackSession(sid);
  }
});

describe("killing a session", () => {
  test("reaches every process of the session, also one that moved to a process group of its own", async () => {
    const tree = await sessionTree();
    const members = sessionMembers(tree.leader);
    expect(members).toEqual(expect.arrayContaining([tree.leader, tree.sameGroup]));
    if (tree.ownGroup === null) console.warn("sessions.test.ts: /bin/bash missing: the moved-group case is not checked");
    else {
      expect(members).toContain(tree.ownGroup);
      expect(groupOf(tree.ownGroup)).not.toBe(tree.leader);
      killProcessGroup(tree.leader); // the group kill: the leader and its group go, the moved child does not
      expect(await isGoneSoon(tree.sameGroup)).toBe(true);
      expect(isRunning(tree.ownGroup)).toBe(true);
    }
    killSession(tree.leader);
    for (const pid of [tree.leader, tree.sameGroup, tree.ownGroup]) if (pid !== null) expect(await isGoneSoon(pid), `pid ${pid}`).toBe(true);
    expect(sessionMembers(tree.leader)).toEqual([]);
    expect(() => killSession(tree.leader)).not.toThrow(); // already gone: fine
  });

  test("refuses anything but a positive integer: killing -0 would reach our own group", () => {
    for (const sid of [0, -0, -5, 1.5, Number.NaN, null, undefined]) expect(() => killSession(sid as number), String(sid)).toThrow(RangeError);
  });
});

describe("the registry", () => {
  test("tracking installs one exit hook and starts one watchdog; untracking the last session removes the hook", async () => {
    const before = process.listenerCount("exit");
    const a = await sessionTree();
    const b = await sessionTree();
    trackSession(a.leader);
    trackSession(b.leader);
    expect(process.listenerCount("exit")).toBe(before + 1);
    expect(trackedSessions()).toEqual([a.leader, b.leader]);
    const watchdog = watchdogPid();
    expect(watchdog !== null && isRunning(watchdog)).toBe(true);
    killSession(a.leader);
    untrackSession(a.leader);
    expect(process.listenerCount("exit")).toBe(before + 1);
    killSession(b.leader);
    untrackSession(b.leader);
    untrackSession(b.leader); // twice: nothing to do
    expect(process.listenerCount("exit")).toBe(before);
    expect(trackedSessions()).toEqual([]);
    const c = await sessionTree();
    trackSession(c.leader);
    expect(watchdogPid()).toBe(watchdog); // one watchdog for the whole process
  });

  test("a watchdog that was killed is started again, and told every session still tracked", async () => {
    const a = await sessionTree();
    trackSession(a.leader);
    const first = watchdogPid() as number;
    process.kill(first, "SIGKILL");
    expect(await isGoneSoon(first)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50)); // its exit event
    const b = await sessionTree();
    trackSession(b.leader);
    const second = watchdogPid() as number;
    expect(second).not.toBe(first);
    // As if bonkl died: the new watchdog kills both sessions, the one tracked before it started too.
    releaseWatchdog();
    expect(await isGoneSoon(a.sameGroup, 5000)).toBe(true);
    expect(await isGoneSoon(b.sameGroup, 5000)).toBe(true);
    expect(await isGoneSoon(second, 5000)).toBe(true);
  });

  test("the exit hook kills every tracked session", async () => {
    const before = process.listeners("exit");
    const tree = await sessionTree();
    trackSession(tree.leader);
    const hook = process.listeners("exit").find((l) => !before.includes(l)) as () => void;
    expect(hook.name).toBe("killTrackedSessions");
    hook();
    expect(await isGoneSoon(tree.sameGroup)).toBe(true);
    if (tree.ownGroup !== null) expect(await isGoneSoon(tree.ownGroup)).toBe(true);
  });
});
