// One ModuleInstance driven directly with a recording sink: how a module's host process is started (isolated from
// bonkl's own stdio and node flags, with a bounded heap, stdin at /dev/null), how failures before the module loaded
// are named, what send() and kill() do when there is no host, and the hostile cases a worker thread could not
// survive: a module blocked in a system call or at load, one running out of memory, one returning a huge value, one
// flooding its console, one leaving a child process behind.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { isGoneSoon, isRunning } from "./fixtures/harness.ts";
import { recorder } from "./fixtures/recorder.ts";
import { ModuleInstance, type ModuleInstanceOptions } from "./module-instance.ts";
import { sessionMembers } from "./sessions/sessions.ts";

let dir = "";
const options = (name: string, more: Partial<ModuleInstanceOptions> = {}): ModuleInstanceOptions => ({
  moduleUrl: pathToFileURL(join(dir, name)).href,
  tsxUrl: null,
  captureBytes: 4096,
  maxHeapMb: 64,
  maxLineBytes: 1 << 20,
  ...more,
});

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bonkl-module-instance-"));
  writeFileSync(
    join(dir, "probe.mjs"),
    [
      'import { execFileSync, spawn } from "node:child_process";',
      'import { getHeapStatistics } from "node:v8";',
      'const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });',
      'export const talk = () => { console.log("module says hi on stdout"); console.error("module says hi on stderr"); return 1; };',
      "export const execArgv = () => process.execArgv;",
      "export const heapLimit = () => getHeapStatistics().heap_size_limit;",
      "export const quit = () => process.exit(3);",
      "export const childPid = () => child.pid;",
      'export const sleeps = () => { execFileSync("sleep", ["40"]); return 1; };',
      "export const hoards = () => { const kept = []; for (;;) kept.push(new Array(1e5).fill(1.5)); };",
      "export const sparse = () => new Array(1e8);",
      "export const dense = () => new Array(3e6).fill(0.5);",
      "export const longNumbers = () => new Array(200000).fill(0.12345678901234);",
      'export const longString = () => "x".repeat(2 << 20);',
      'export const longError = () => { throw new Error("y".repeat(2 << 20)); };',
      'export const big = () => "7".repeat(300000);',
      'export const floods = () => { const mib = "z".repeat((1 << 20) - 1); for (let i = 0; i < 128; i++) console.log(mib); return 1; };',
    ].join("\n"),
  );
  writeFileSync(join(dir, "reads-stdin.mjs"), 'import { readFileSync } from "node:fs";\nconst input = readFileSync(0, "utf8");\nexport const klFormula = () => input.length;\n');
  // Throws outside any call while its top-level await still runs: the host fails before the module has loaded.
  writeFileSync(
    join(dir, "dies-while-loading.mjs"),
    'setTimeout(() => { throw new Error("lost the licence server"); }, 0);\nawait new Promise((resolve) => setTimeout(resolve, 2000));\nexport const klFormula = () => 0;\n',
  );
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Starts an instance of `name`, waits until its module has loaded. */
async function started(name: string, more: Partial<ModuleInstanceOptions> = {}) {
  const instance = new ModuleInstance(options(name, more));
  const r = recorder();
  instance.start(r.sink);
  await r.until("ready");
  expect(r.without("progress")).toEqual([["ready", true]]);
  return { instance, r };
}

/** Sends one call and returns what answers it (a message, a bad message, or the loss of the host). */
async function call(instance: ModuleInstance, r: ReturnType<typeof recorder>, op: string, id = 1): Promise<unknown[]> {
  const before = r.events.length;
  expect(instance.send({ id, op, args: {} })).toBeUndefined();
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const answer = r.events.slice(before).find((e) => e[0] === "message" || e[0] === "badMessage" || e[0] === "lost");
    if (answer !== undefined) return answer;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no answer to ${op}`);
}

describe("the host process", () => {
  test("the module's console output is captured, and none of it reaches bonkl's own stdout or stderr", async () => {
    const written: string[] = [];
    const record = (chunk: unknown): boolean => {
      written.push(String(chunk));
      return true;
    };
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation(record);
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(record);
    try {
      const { instance, r } = await started("probe.mjs");
      expect(await call(instance, r, "talk")).toEqual(["message", { id: 1, value: 1 }, "1"]);
      await r.until("progress");
      const deadline = Date.now() + 5000;
      while ((instance.stdout()?.head === "" || instance.stderr().head === "") && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(instance.stdout()).toEqual({ head: "module says hi on stdout\n", tail: "", totalBytes: 25 });
      expect(instance.stderr()).toEqual({ head: "module says hi on stderr\n", tail: "", totalBytes: 25 });
      expect(instance.lastStderrLine()).toBe("module says hi on stderr");
      await instance.kill("done");
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
    expect(written.filter((w) => w.includes("module says hi"))).toEqual([]);
  });

  test("runs without bonkl's node flags, with only its heap limit", async () => {
    const { instance, r } = await started("probe.mjs");
    expect(await call(instance, r, "execArgv")).toEqual(["message", { id: 1, value: ["--max-old-space-size=64"] }, "an array of length 1"]);
    await instance.kill("done");
  });

  test("its heap is limited to maxHeapMb", async () => {
    const { instance, r } = await started("probe.mjs", { maxHeapMb: 32 });
    const limit = ((await call(instance, r, "heapLimit"))[1] as { value: number }).value;
    // The old generation gets 32 MiB; the young generation and code space add a little, far from node's default.
    expect(limit).toBeGreaterThan(32 * 2 ** 20);
    expect(limit).toBeLessThan(128 * 2 ** 20);
    await instance.kill("done");
  });

  test("its stdin is /dev/null: a module that reads fd 0 while loading (a program given as a module) gets no input and no hang", async () => {
    const { instance, r } = await started("reads-stdin.mjs");
    expect(await call(instance, r, "klFormula")).toEqual(["message", { id: 1, value: 0 }, "0"]);
    await instance.kill("done");
  });

  test("a child process the module started is killed with the host, though it never exits by itself", async () => {
    const { instance, r } = await started("probe.mjs");
    const child = ((await call(instance, r, "childPid"))[1] as { value: number }).value;
    expect(isRunning(child)).toBe(true);
    await instance.kill("close");
    expect(await isGoneSoon(child)).toBe(true);
  });
});

describe("modules a worker thread could not stop", () => {
  test("blocked in a system call (execFileSync sleep 40): killed at once, the sleep with it", async () => {
    const { instance, r } = await started("probe.mjs");
    instance.send({ id: 1, op: "sleeps", args: {} });
    const pid = instance.pid as number;
    const deadline = Date.now() + 5000;
    while ((sessionMembers(pid) ?? []).length < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect((sessionMembers(pid) ?? []).length).toBeGreaterThanOrEqual(3); // the host, its child, the sleep
    const killed = performance.now();
    await instance.kill("timeout");
    expect(performance.now() - killed).toBeLessThan(2000);
    expect(instance.exitStatus()).toEqual({ code: null, signal: "SIGKILL", killedBy: "timeout" });
    expect(sessionMembers(pid)).toEqual([]);
    expect(r.events.some((e) => e[0] === "message")).toBe(false);
  });

  test("blocked while loading (a read on a FIFO nobody writes): never ready, and killed at once", async () => {
    const fifo = join(dir, "nobody-writes");
    execFileSync("mkfifo", [fifo]);
    writeFileSync(join(dir, "reads-fifo.mjs"), `import { readFileSync } from "node:fs";\nreadFileSync(${JSON.stringify(fifo)});\nexport const klFormula = () => 0;\n`);
    const instance = new ModuleInstance(options("reads-fifo.mjs"));
    const r = recorder();
    instance.start(r.sink);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(r.without("progress")).toEqual([]);
    const pid = instance.pid as number;
    await instance.kill("start-failed");
    expect(await isGoneSoon(pid)).toBe(true);
    expect(r.without("progress")).toEqual([["lost", "start-failed", "the module's host was killed by signal SIGKILL before the module loaded"]]);
  });

  test("out of memory inside a call: the host dies and the loss names it, so the supervisor blames the call", async () => {
    const { instance, r } = await started("probe.mjs", { maxHeapMb: 48 });
    const lost = await call(instance, r, "hoards");
    expect(lost).toEqual([
      "lost",
      "crashed",
      'the module ran out of memory (its heap limit is 48 MiB; node: "JavaScript heap out of memory") and was killed by signal SIGABRT',
    ]);
    expect(instance.exitStatus()).toEqual({ code: null, signal: "SIGABRT", killedBy: null });
  });
});

describe("answers too large to send", () => {
  test("refused by the host before they are written, from a lower bound of their size or their real size", async () => {
    const { instance, r } = await started("probe.mjs");
    const answers: unknown[][] = [];
    for (const [i, op] of ["sparse", "dense", "longNumbers", "longString", "longError"].entries()) answers.push(await call(instance, r, op, i + 1));
    expect(answers).toEqual([
      ["badMessage", "line-too-long", "returned a value too large to send: its JSON has at least 100000001 bytes, over the limit of 1048576 bytes", 1, ""],
      ["badMessage", "line-too-long", "returned a value too large to send: its JSON has at least 3000001 bytes, over the limit of 1048576 bytes", 2, ""],
      ["badMessage", "line-too-long", expect.stringMatching(/^its answer is a line of 3\d{6} bytes, over the limit of 1048576 bytes$/), 3, ""],
      ["badMessage", "line-too-long", "returned a value too large to send: its JSON has at least 2097154 bytes, over the limit of 1048576 bytes", 4, ""],
      ["badMessage", "line-too-long", expect.stringMatching(/^its answer is a line of 2097\d{3} bytes, over the limit of 1048576 bytes$/), 5, ""],
    ]);
    await instance.kill("done");
  });
});

describe("a console flood", () => {
  test("128 MiB of console output: captured as it streams, head and tail kept, bonkl's memory does not follow", async () => {
    const { instance, r } = await started("probe.mjs", { captureBytes: 64 });
    const baseline = process.memoryUsage().arrayBuffers;
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().arrayBuffers - baseline)), 5);
    try {
      expect(await call(instance, r, "floods")).toEqual(["message", { id: 1, value: 1 }, "1"]);
    } finally {
      clearInterval(sampler);
    }
    const deadline = Date.now() + 5000;
    while ((instance.stdout()?.totalBytes ?? 0) < 128 << 20 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(instance.stdout()).toEqual({ head: "z".repeat(64), tail: `${"z".repeat(63)}\n`, totalBytes: 128 << 20 });
    // Pipe chunks (64 KiB each) come and go until the garbage collector takes them; holding the flood would take 128 MiB.
    expect(peak).toBeLessThan(48 << 20);
    await instance.kill("done");
  });
});

describe("answers written just before the module ends its process", () => {
  test("none is lost: the host writes each answer out before it runs the next call (several socket buffers' worth here)", async () => {
    const { instance, r } = await started("probe.mjs");
    for (let id = 1; id <= 6; id++) expect(instance.send({ id, op: "big", args: {} })).toBeUndefined();
    expect(instance.send({ id: 7, op: "quit", args: {} })).toBeUndefined();
    await r.until("ended");
    const answered = r.events.filter((e) => e[0] === "message").map((e) => (e[1] as { id: number; value: string }).id);
    expect(answered).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.events.at(-1)).toEqual(["ended", { code: 3, signal: null }]);
  });
});

describe("failures and a host that is not there", () => {
  test("an uncaught error while the module loads is start-failed, naming the error", async () => {
    const instance = new ModuleInstance(options("dies-while-loading.mjs"));
    const r = recorder();
    instance.start(r.sink);
    await r.until("lost");
    expect(r.without("progress")[0]).toEqual(["lost", "start-failed", "the module failed to load: lost the licence server"]);
    const deadline = Date.now() + 5000;
    while (instance.exitStatus() === null && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 300)); // the end is reported after a short drain
    expect(r.events.some((e) => e[0] === "ready" || e[0] === "ended")).toBe(false);
    expect(instance.exitStatus()).toEqual({ code: 1, signal: null, killedBy: null });
  });

  test("before start: nothing to send to, and kill() has nothing to do", async () => {
    const instance = new ModuleInstance(options("probe.mjs"));
    expect(instance.send({ id: 1, op: "talk", args: {} })).toBe("its channel (fd 3) is closed");
    await expect(instance.kill("timeout")).resolves.toBeUndefined();
    expect(instance.exitStatus()).toBeNull();
    expect(instance.pid).toBeNull();
  });

  test("a host that ended by itself was not killed: kill() afterwards changes nothing", async () => {
    const { instance, r } = await started("probe.mjs");
    expect(instance.pid).toEqual(expect.any(Number));
    expect(instance.send({ id: 1, op: "quit", args: {} })).toBeUndefined();
    await r.until("ended");
    expect(r.events.at(-1)).toEqual(["ended", { code: 3, signal: null }]);
    expect(instance.exitStatus()).toEqual({ code: 3, signal: null, killedBy: null });
    await instance.kill("timeout");
    expect(instance.exitStatus()).toEqual({ code: 3, signal: null, killedBy: null });
    expect(instance.send({ id: 2, op: "talk", args: {} })).toMatch(/^its channel \(fd 3\) is closed/);
  });

  test("kill() of a running host records why, once", async () => {
    const { instance } = await started("probe.mjs");
    await instance.kill("timeout");
    expect(instance.exitStatus()).toEqual({ code: null, signal: "SIGKILL", killedBy: "timeout" });
    await instance.kill("closing");
    expect(instance.exitStatus()).toEqual({ code: null, signal: "SIGKILL", killedBy: "timeout" });
  });
});
