/**
 * ProcessInstance at its edges (instances.test.ts has the common paths): a program that closes its stdin, input
 * after endInput(), a start that throws, repeated kills, a grandchild that keeps stdout open after the program
 * exited, an over-long line arriving in pieces, errors on the pipes, and timers left behind once it is over.
 */
import type { ChildProcess } from "node:child_process";
import { afterEach, describe, expect, test, vi } from "vitest";
import { isGoneSoon } from "./fixtures/harness.ts";
import { recorder } from "./fixtures/recorder.ts";
import { ProcessInstance } from "./process-instance.ts";

const request = (id: number) => ({ id, op: "klFormula", args: { n: 2 } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A node program running `script`. */
const node = (script: string, maxLineBytes = 1000) =>
  new ProcessInstance({ argv: [process.execPath, "-e", script], maxLineBytes, captureBytes: 64 });

/** The ChildProcess behind an instance, to simulate what a test cannot provoke for real (errors on its handles). */
const childOf = (instance: ProcessInstance): ChildProcess => (instance as unknown as { child: ChildProcess }).child;

/**
 * Watches the timers that process-instance.ts sets from now on; `pending()` counts those neither fired nor cleared.
 * (The process-wide count, process.getActiveResourcesInfo(), also sees vitest's own timers come and go.)
 */
function watchInstanceTimers() {
  const pending = new Set<unknown>();
  const realSet = globalThis.setTimeout;
  const realClear = globalThis.clearTimeout;
  vi.spyOn(globalThis, "setTimeout").mockImplementation(((callback: () => void, ms?: number) => {
    if (!new Error().stack?.includes("process-instance.ts")) return realSet(callback, ms);
    const timer = realSet(() => {
      pending.delete(timer);
      callback();
    }, ms);
    pending.add(timer);
    return timer;
  }) as typeof setTimeout);
  vi.spyOn(globalThis, "clearTimeout").mockImplementation((timer) => {
    pending.delete(timer);
    realClear(timer);
  });
  return { pending: () => pending.size };
}

const started: ProcessInstance[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(started.splice(0).map((i) => i.kill("test over")));
});
const run = (instance: ProcessInstance) => {
  const r = recorder();
  started.push(instance);
  instance.start(r.sink);
  return r;
};

describe("ProcessInstance: stdin", () => {
  test("a program that closed its stdin: the write fails with EPIPE, and later sends say so instead of crashing", async () => {
    const instance = node(`require("fs").closeSync(0); process.stdout.write('{"id":0,"value":1}\\n'); setInterval(() => {}, 1000);`);
    const r = run(instance);
    await r.until("message"); // its stdin is closed by now
    expect(instance.send(request(1))).toBeUndefined(); // the write is only attempted: it fails later
    let problem: string | undefined;
    for (let i = 0; i < 100 && problem === undefined; i++) {
      await sleep(10);
      problem = instance.send(request(2 + i));
    }
    expect(problem).toBe("its stdin is closed (EPIPE)");
    expect(r.without("progress").map((e) => e[0])).toEqual(["ready", "message"]); // not lost, not ended: it still runs
  });

  test("after endInput() nothing more is written: send says stdin is closed, even while the program runs on", async () => {
    const instance = node("setInterval(() => {}, 1000);");
    const r = run(instance);
    expect(instance.send(request(1))).toBeUndefined();
    instance.endInput();
    expect(instance.send(request(2))).toBe("its stdin is closed");
    await sleep(20); // a write after the end would fail asynchronously
    expect(instance.send(request(3))).toBe("its stdin is closed");
    expect(r.without("progress")).toEqual([["ready", false]]);
  });

  test("a start that throws (a NUL byte in argv): send refuses, endInput and kill do not throw, kill resolves", async () => {
    const instance = node("\0");
    const r = recorder();
    expect(() => instance.start(r.sink)).toThrow(/null bytes/);
    expect(instance.pid).toBeNull();
    expect(instance.send(request(1))).toBe("its stdin is closed");
    expect(() => instance.endInput()).not.toThrow();
    vi.useFakeTimers();
    try {
      let resolved = false;
      const gone = instance.kill("start-failed").then(() => {
        resolved = true;
      });
      await vi.advanceTimersByTimeAsync(2000); // kill() gives up waiting for an exit that cannot come
      expect(resolved).toBe(true);
      await gone;
    } finally {
      vi.useRealTimers();
    }
    expect(instance.exitStatus()).toBeNull();
    expect(r.events).toEqual([]);
    await instance.kill("again"); // over: resolves at once
  });
});

describe("ProcessInstance: kill and exit", () => {
  test("killed twice before it died: the first reason is the one reported", async () => {
    const instance = node(`process.stdout.write("\\n"); setInterval(() => {}, 1000);`);
    const r = run(instance);
    await r.until("progress");
    await Promise.all([instance.kill("timeout"), instance.kill("close")]);
    expect(instance.exitStatus()).toEqual({ code: null, signal: "SIGKILL", killedBy: "timeout" });
    expect(r.events.at(-1)).toEqual(["ended", { code: null, signal: "SIGKILL" }]);
  });

  /** A program that starts a grandchild sharing its stdout, reports the grandchild's pid as a message, and exits 0. */
  const leavesGrandchild = () =>
    node(
      `const g = require("child_process").spawn("sleep", ["30"], { stdio: ["ignore", "inherit", "ignore"] });` +
        `process.stdout.write(JSON.stringify({ id: 0, value: g.pid }) + "\\n", () => process.exit(0));`,
    );
  const grandchildOf = (r: ReturnType<typeof recorder>): number => {
    const message = r.events.find((e) => e[0] === "message");
    return (message?.[1] as { value: number }).value;
  };

  test("exited while a grandchild holds its stdout open: ended after a short drain, the grandchild killed", async () => {
    const instance = leavesGrandchild();
    const r = run(instance);
    await r.until("ended", 5000); // the grandchild would keep stdout open for 30 s
    expect(r.events.at(-1)).toEqual(["ended", { code: 0, signal: null }]);
    expect(instance.exitStatus()).toEqual({ code: 0, signal: null, killedBy: null });
    expect(await isGoneSoon(grandchildOf(r))).toBe(true);
  });

  test("killed after it exited by itself (while its stdout drains): the exit is not blamed on the kill", async () => {
    const instance = leavesGrandchild();
    const r = run(instance);
    for (let i = 0; i < 300 && instance.exitStatus() === null; i++) await sleep(5);
    expect(instance.exitStatus()).not.toBeNull();
    expect(r.count("ended")).toBe(0); // still draining: the grandchild holds stdout
    await instance.kill("close");
    expect(instance.exitStatus()).toEqual({ code: 0, signal: null, killedBy: null });
    expect(r.events.at(-1)).toEqual(["ended", { code: 0, signal: null }]);
    expect(await isGoneSoon(grandchildOf(r))).toBe(true);
  });
});

describe("ProcessInstance: stdout and stderr", () => {
  test("the rest of a line already over the limit is no progress, even when it arrives later", async () => {
    // 300 bytes (one atomic pipe write, so one chunk) over a limit of 100; the rest of the line only once asked.
    const instance = node(`process.stdout.write("x".repeat(300)); process.stdin.once("data", () => process.stdout.write("y".repeat(300) + "\\n", () => process.exit(0)));`, 100);
    const r = run(instance);
    await r.until("progress");
    expect(instance.send(request(1))).toBeUndefined();
    await r.until("ended");
    expect(r.count("progress")).toBe(1);
    expect(r.without("progress").slice(1)).toEqual([
      ["badMessage", "line-too-long", "a line of 600 bytes, over the limit of 100 bytes: skipped unread", undefined, expect.stringMatching(/^x{300}y/)],
      ["ended", { code: 0, signal: null }],
    ]);
  });

  test("a read error on its stdout or stderr pipe does not crash bonkl; the program is still killed and reported", async () => {
    for (const stream of ["stdout", "stderr"] as const) {
      const instance = node(`process.stdout.write("\\n"); setInterval(() => {}, 1000);`);
      const r = run(instance);
      await r.until("progress");
      childOf(instance)[stream]?.destroy(Object.assign(new Error("read EIO"), { code: "EIO" })); // as the OS might report it
      await sleep(20);
      await instance.kill("timeout");
      expect(instance.exitStatus()).toEqual({ code: null, signal: "SIGKILL", killedBy: "timeout" });
      expect(r.events.at(-1)).toEqual(["ended", { code: null, signal: "SIGKILL" }]);
    }
  });

  test("an error event on a running program (as from a failed kill) is not a failed start: it runs on", async () => {
    const instance = node(`process.stdin.once("data", () => process.stdout.write('{"id":1,"value":"0.5"}\\n', () => process.exit(0)));`);
    const r = run(instance);
    childOf(instance).emit("error", Object.assign(new Error("kill EPERM"), { code: "EPERM" }));
    expect(instance.send(request(1))).toBeUndefined();
    await r.until("ended");
    expect(r.without("progress")).toEqual([
      ["ready", false],
      ["message", { id: 1, value: "0.5" }, '{"id":1,"value":"0.5"}'],
      ["ended", { code: 0, signal: null }],
    ]);
  });
});

describe("ProcessInstance: nothing left behind", () => {
  test("once ended, no timer of the instance is left pending (bonkl can exit at once)", async () => {
    // Closes its stdout and exits right away: the exit and the end of stdout arrive in either order, and whichever
    // comes first starts a drain timer that the other must cancel.
    const instance = node(`require("fs").closeSync(1); process.exit(0);`);
    const timers = watchInstanceTimers();
    const r = run(instance);
    await r.until("ended");
    expect(timers.pending()).toBe(0);
  });

  test("a program that cannot be started leaves no timer pending", async () => {
    const instance = new ProcessInstance({ argv: ["bonkl-no-such-program-q9"], maxLineBytes: 100, captureBytes: 64 });
    const timers = watchInstanceTimers();
    const r = run(instance);
    await r.until("lost");
    await sleep(10); // its pipes close after the failure
    expect(timers.pending()).toBe(0);
  });
});
