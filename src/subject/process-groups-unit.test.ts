/**
 * The process-group registry in this process (process-groups.test.ts checks the same from a host that really dies):
 * listeners come and go with the tracked groups, and both the exit hook and a signal kill every tracked group.
 * Signals are delivered by calling the listeners, with a second listener present, so that nothing re-raises the
 * signal on the test process.
 */
import { spawn } from "node:child_process";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { isGoneSoon, isRunning } from "./fixtures/harness.ts";
import { killProcessGroup, trackedProcessGroups, trackProcessGroup, untrackProcessGroup } from "./process-groups.ts";

/** A detached `sleep` (its own process group), and a grandchild in that group. */
function sleeper(): { pid: number; grandchild: Promise<number> } {
  const child = spawn(process.execPath, ["-e", "const c = require('child_process').spawn('sleep', ['30'], { stdio: 'ignore' }); console.log(c.pid); setInterval(() => {}, 1000);"], {
    detached: true,
    stdio: ["ignore", "pipe", "ignore"],
  });
  const grandchild = new Promise<number>((resolve) => child.stdout.once("data", (d: Buffer) => resolve(Number(d.toString().trim()))));
  return { pid: child.pid as number, grandchild };
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
const counts = () => [process.listenerCount("exit"), ...SIGNALS.map((s) => process.listenerCount(s))];

/** Untracking the last group uninstalls the listeners: start every test from that state. */
function reset(): void {
  trackProcessGroup(999_990);
  untrackProcessGroup(999_990);
}
beforeEach(reset);

afterEach(() => {
  for (const pid of trackedProcessGroups()) {
    killProcessGroup(pid);
    untrackProcessGroup(pid);
  }
});

describe("process groups", () => {
  test("tracking installs one exit hook and one handler per signal, untracking the last group removes them", () => {
    const before = counts();
    trackProcessGroup(999_991);
    trackProcessGroup(999_992);
    expect(counts()).toEqual(before.map((c) => c + 1));
    expect(trackedProcessGroups()).toEqual([999_991, 999_992]);
    untrackProcessGroup(999_991);
    expect(counts()).toEqual(before.map((c) => c + 1));
    untrackProcessGroup(999_992);
    expect(counts()).toEqual(before);
    expect(trackedProcessGroups()).toEqual([]);
    untrackProcessGroup(999_993); // unknown: nothing to do
    expect(counts()).toEqual(before);
  });

  test("in a freshly loaded registry, the very first group tracked installs the hooks", async () => {
    // Every other test starts after reset(), which has already tracked a group once; a fresh module has not.
    vi.resetModules();
    const fresh = await import("./process-groups.ts");
    const before = counts();
    fresh.trackProcessGroup(999_994);
    try {
      expect(counts()).toEqual(before.map((c) => c + 1));
    } finally {
      fresh.untrackProcessGroup(999_994);
    }
    expect(counts()).toEqual(before);
  });

  test("killProcessGroup kills the whole group; a group already gone is fine", async () => {
    const { pid, grandchild } = sleeper();
    const g = await grandchild;
    expect(isRunning(g)).toBe(true);
    killProcessGroup(pid);
    expect(await isGoneSoon(pid)).toBe(true);
    expect(await isGoneSoon(g)).toBe(true);
    expect(() => killProcessGroup(pid)).not.toThrow();
  });

  test("killProcessGroup refuses anything but a positive integer pid: process.kill(-0) would kill our own group", () => {
    for (const pid of [0, -0, -5, 1.5, Number.NaN, null, undefined]) {
      expect(() => killProcessGroup(pid as number), String(pid)).toThrow(RangeError);
    }
    expect(() => killProcessGroup(0)).toThrow(/refusing to kill process group 0/);
  });

  test("the exit hook kills every tracked group", async () => {
    const before = process.listeners("exit");
    const { pid, grandchild } = sleeper();
    const g = await grandchild;
    trackProcessGroup(pid);
    const hook = process.listeners("exit").find((l) => !before.includes(l)) as () => void;
    expect(hook.name).toBe("killAll");
    hook();
    expect(await isGoneSoon(g)).toBe(true);
    expect(trackedProcessGroups()).toEqual([]);
  });

  test("a signal kills every tracked group, and leaves the signal to the other listeners", async () => {
    const other = (): void => undefined;
    process.on("SIGHUP", other);
    try {
      const before = process.listeners("SIGHUP");
      const a = sleeper();
      const b = sleeper();
      trackProcessGroup(a.pid);
      trackProcessGroup(b.pid);
      const [ga, gb] = await Promise.all([a.grandchild, b.grandchild]);
      const handler = process.listeners("SIGHUP").find((l) => !before.includes(l)) as (signal: NodeJS.Signals) => void;
      expect(handler.name).toBe("onSignal");
      handler("SIGHUP");
      expect(await isGoneSoon(ga)).toBe(true);
      expect(await isGoneSoon(gb)).toBe(true);
      expect(trackedProcessGroups()).toEqual([]);
      expect(process.listeners("SIGHUP")).toContain(handler); // not the only listener: stays installed
    } finally {
      process.removeListener("SIGHUP", other);
    }
  });
});
