/**
 * killProcessGroup on its own: it kills the whole group led by a pid, and refuses anything that is not a subject's
 * pid. (The sessions every subject runs in, and their registry, are tested in sessions/sessions.test.ts.)
 */
import { spawn } from "node:child_process";
import { describe, expect, test } from "vitest";
import { isGoneSoon, isRunning } from "./fixtures/harness.ts";
import { killProcessGroup } from "./process-groups.ts";

/** A detached `sleep` (its own process group), and a grandchild in that group. */
function sleeper(): { pid: number; grandchild: Promise<number> } {
  const child = spawn(process.execPath, ["-e", "const c = require('child_process').spawn('sleep', ['30'], { stdio: 'ignore' }); console.log(c.pid); setInterval(() => {}, 1000);"], {
    detached: true,
    stdio: ["ignore", "pipe", "ignore"],
  });
  const grandchild = new Promise<number>((resolve) => child.stdout.once("data", (d: Buffer) => resolve(Number(d.toString().trim()))));
  return { pid: child.pid as number, grandchild };
}

describe("process groups", () => {
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
});
