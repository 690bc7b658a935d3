// One WorkerInstance driven directly with a recording sink: how a module's worker thread is started (isolated from
// bonkl's own stdio and node flags, with a bounded heap), how failures before the module loaded are named, and what
// send() and kill() do when there is no worker (not started yet, or already gone by itself).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { InstanceSink } from "./instance.ts";
import { WorkerInstance, type WorkerInstanceOptions } from "./worker-instance.ts";

type Event =
  | { type: "ready"; started: boolean }
  | { type: "message"; body: unknown }
  | { type: "lost"; kind: string; detail: string }
  | { type: "ended"; code: number | null }
  | { type: "other"; what: string };

/** A sink that records what the instance reports, and lets a test wait for a report. */
class RecordingSink implements InstanceSink {
  readonly events: Event[] = [];
  private waiters: (() => void)[] = [];
  private push(event: Event): void {
    this.events.push(event);
    for (const wake of this.waiters.splice(0)) wake();
  }
  ready(started: boolean): void {
    this.push({ type: "ready", started });
  }
  progress(): void {}
  message(body: unknown): void {
    this.push({ type: "message", body });
  }
  badMessage(kind: string, detail: string): void {
    this.push({ type: "other", what: `badMessage ${kind}: ${detail}` });
  }
  notice(kind: string, detail: string): void {
    this.push({ type: "other", what: `notice ${kind}: ${detail}` });
  }
  lost(kind: string, detail: string): void {
    this.push({ type: "lost", kind, detail });
  }
  ended(status: { code: number | null }): void {
    this.push({ type: "ended", code: status.code });
  }
  /** Resolves with the first recorded event of that type (waiting up to 5 s for it). */
  async next<T extends Event["type"]>(type: T): Promise<Extract<Event, { type: T }>> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const found = this.events.find((e) => e.type === type);
      if (found !== undefined) return found as Extract<Event, { type: T }>;
      if (Date.now() > deadline) throw new Error(`no ${type} event; got ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }
}

let dir = "";
const moduleUrl = (name: string): string => pathToFileURL(join(dir, name)).href;
const options = (name: string, more: Partial<WorkerInstanceOptions> = {}): WorkerInstanceOptions => ({
  moduleUrl: moduleUrl(name),
  useTsx: false,
  captureBytes: 4096,
  maxHeapMb: 64,
  ...more,
});

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bonkl-worker-instance-"));
  writeFileSync(
    join(dir, "probe.mjs"),
    [
      'import { getHeapStatistics } from "node:v8";',
      'export const talk = () => { console.log("module says hi on stdout"); console.error("module says hi on stderr"); return 1; };',
      "export const execArgv = () => process.execArgv;",
      "export const heapLimit = () => getHeapStatistics().heap_size_limit;",
      "export const quit = () => process.exit(3);",
    ].join("\n"),
  );
  // Throws outside any call while its top-level await still runs: the worker fails before the module has loaded.
  writeFileSync(
    join(dir, "dies-while-loading.mjs"),
    'setTimeout(() => { throw new Error("lost the licence server"); }, 0);\nawait new Promise((resolve) => setTimeout(resolve, 2000));\nexport const klFormula = () => 0;\n',
  );
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Starts an instance of `name`, waits until its module has loaded. */
async function started(name: string, more: Partial<WorkerInstanceOptions> = {}): Promise<{ instance: WorkerInstance; sink: RecordingSink }> {
  const instance = new WorkerInstance(options(name, more));
  const sink = new RecordingSink();
  instance.start(sink);
  expect(await sink.next("ready")).toEqual({ type: "ready", started: true });
  return { instance, sink };
}

/** Sends one call and returns the message that answers it. */
async function call(instance: WorkerInstance, sink: RecordingSink, op: string): Promise<unknown> {
  const before = sink.events.length;
  expect(instance.send({ id: 1, op, args: {} })).toBeUndefined();
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    const answer = sink.events.slice(before).find((e) => e.type === "message");
    if (answer !== undefined) return (answer as { body: unknown }).body;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no answer to ${op}`);
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("the worker thread", () => {
  test("the module's console output is captured, and none of it reaches bonkl's own stdout or stderr", async () => {
    const written: string[] = [];
    const record = (chunk: unknown): boolean => {
      written.push(String(chunk));
      return true;
    };
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation(record);
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(record);
    try {
      const { instance, sink } = await started("probe.mjs");
      expect(await call(instance, sink, "talk")).toEqual({ id: 1, value: 1 });
      await until(() => instance.stdout()?.head !== "" && instance.stderr().head !== "", "the console output");
      expect(instance.stdout()).toEqual({ head: "module says hi on stdout\n", tail: "", totalBytes: 25 });
      expect(instance.stderr()).toEqual({ head: "module says hi on stderr\n", tail: "", totalBytes: 25 });
      expect(instance.lastStderrLine()).toBe("module says hi on stderr");
      await instance.kill("done");
      // Give a pipe to bonkl's stdio (there must be none) the time to deliver.
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
    expect(written.filter((w) => w.includes("module says hi"))).toEqual([]);
  });

  test("does not inherit bonkl's node flags", async () => {
    const { instance, sink } = await started("probe.mjs");
    expect(await call(instance, sink, "execArgv")).toEqual({ id: 1, value: [] });
    await instance.kill("done");
  });

  test("its heap is limited to maxHeapMb", async () => {
    const { instance, sink } = await started("probe.mjs", { maxHeapMb: 32 });
    const limit = ((await call(instance, sink, "heapLimit")) as { value: number }).value;
    // The old generation gets 32 MiB; the young generation and code space add a little, far from node's default.
    expect(limit).toBeGreaterThan(32 * 2 ** 20);
    expect(limit).toBeLessThan(128 * 2 ** 20);
    await instance.kill("done");
  });
});

describe("failures and a worker that is not there", () => {
  test("an uncaught error while the module loads is start-failed, naming the error", async () => {
    const instance = new WorkerInstance(options("dies-while-loading.mjs"));
    const sink = new RecordingSink();
    instance.start(sink);
    expect(await sink.next("lost")).toEqual({ type: "lost", kind: "start-failed", detail: "the module failed to load: lost the licence server" });
    await until(() => instance.exitStatus() !== null, "the worker's exit");
    expect(sink.events.some((e) => e.type === "ready" || e.type === "ended")).toBe(false);
    expect(sink.events.filter((e) => e.type === "lost").map((e) => (e as { kind: string }).kind)).toEqual(["start-failed", "start-failed"]);
  });

  test("before start: nothing to send to, and kill() has nothing to do", async () => {
    const instance = new WorkerInstance(options("probe.mjs"));
    expect(instance.send({ id: 1, op: "talk", args: {} })).toBe("the worker is gone");
    await expect(instance.kill("timeout")).resolves.toBeUndefined();
    expect(instance.exitStatus()).toBeNull();
    expect(instance.pid).toBeNull();
  });

  test("a worker that ended by itself was not killed: kill() afterwards changes nothing", async () => {
    const { instance, sink } = await started("probe.mjs");
    expect(instance.pid).toEqual(expect.any(Number));
    expect(instance.send({ id: 1, op: "quit", args: {} })).toBeUndefined();
    expect(await sink.next("ended")).toEqual({ type: "ended", code: 3 });
    expect(instance.exitStatus()).toEqual({ code: 3, signal: null, killedBy: null });
    await instance.kill("timeout");
    expect(instance.exitStatus()).toEqual({ code: 3, signal: null, killedBy: null });
    expect(instance.send({ id: 2, op: "talk", args: {} })).toBe("the worker is gone");
  });

  test("kill() of a running worker records why, once", async () => {
    const { instance } = await started("probe.mjs");
    await instance.kill("timeout");
    expect(instance.exitStatus()).toEqual({ code: 1, signal: null, killedBy: "timeout" });
    await instance.kill("closing");
    expect(instance.exitStatus()).toEqual({ code: 1, signal: null, killedBy: "timeout" });
  });
});
