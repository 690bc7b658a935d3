/**
 * The two kinds of instance on their own, with a sink that records what they report: a child process running a
 * one-line node script (ProcessInstance), and a host process loading a fixture module (ModuleInstance). What the
 * supervisor makes of these reports is supervised-subject.test.ts's business.
 */
import { describe, expect, test } from "vitest";
import { ProcessInstance } from "./process-instance.ts";
import { ModuleInstance, type ModuleInstanceOptions } from "./module-instance.ts";
import { fixture, isGoneSoon } from "./fixtures/harness.ts";
import { recorder } from "./fixtures/recorder.ts";
import { pathToFileURL } from "node:url";

/** A program that writes `output` (a JS expression for a Buffer or string) to stdout, then does `then`. */
const program = (output: string, then = "process.exit(0)", options: { maxLineBytes?: number } = {}) =>
  new ProcessInstance({
    argv: [process.execPath, "-e", `process.stdout.write(${output}, () => { ${then} });`],
    maxLineBytes: options.maxLineBytes ?? 1000,
    captureBytes: 64,
  });

describe("ProcessInstance", () => {
  test("ready at once; each stdout chunk is progress; lines are parsed; the exit comes last", async () => {
    const instance = program(`'{"id":1,"value":0.5}\\n{"id":2,"value":[1]}\\n'`);
    const r = recorder();
    instance.start(r.sink);
    expect(r.events[0]).toEqual(["ready", false]);
    expect(instance.pid).toBeGreaterThan(0);
    await r.until("ended");
    expect(r.without("progress")).toEqual([
      ["ready", false],
      ["message", { id: 1, value: 0.5 }, '{"id":1,"value":0.5}'],
      ["message", { id: 2, value: [1] }, '{"id":2,"value":[1]}'],
      ["ended", { code: 0, signal: null }],
    ]);
    expect(r.events.filter((e) => e[0] === "progress").length).toBeGreaterThan(0);
    expect(instance.exitStatus()).toEqual({ code: 0, signal: null, killedBy: null });
    expect(instance.stdout()).toBeNull();
    expect(instance.exitsWhenInputEnds).toBe(true);
    await instance.kill("close"); // already over: nothing to do
    expect(instance.exitStatus()?.killedBy).toBeNull();
  });

  test("lines that are not JSON: which request, and why", async () => {
    const lines = [
      '{"id": 3, "value": NaN}',
      '{"id": 4, "value": [1, -Infinity, Infinity]}',
      '{"id": 5, "value": NaN',
      "",
      "   ",
      '{"id": 6, "value": oops}',
      "plain text",
    ];
    const instance = program(JSON.stringify(`${lines.join("\n")}\n`));
    const r = recorder();
    instance.start(r.sink);
    await r.until("ended");
    const bad = r.events.filter((e) => e[0] === "badMessage");
    expect(bad.map((e) => [e[1], e[3], e[4]])).toEqual([
      ["invalid-response", 3, lines[0]],
      ["invalid-response", 4, lines[1]],
      ["invalid-json", 5, lines[2]],
      ["invalid-json", undefined, ""],
      ["invalid-json", undefined, "   "],
      ["invalid-json", 6, lines[5]],
      ["invalid-json", undefined, "plain text"],
    ]);
    expect(bad[0]![2]).toBe("NaN written as a bare token, which is not JSON (Python's json module does this for non-finite floats): not a finite number");
    expect(bad[1]![2]).toBe("-Infinity, Infinity written as a bare token, which is not JSON (Python's json module does this for non-finite floats): not a finite number");
    expect(bad[2]![2]).toMatch(/^not JSON \(.+\)$/);
    expect(bad[3]![2]).toBe("an empty line (every line must hold one JSON object)");
    expect(bad[4]![2]).toBe("an empty line (every line must hold one JSON object)"); // blanks only: empty too, not "not JSON"
    expect(bad[5]![2]).toMatch(/^not JSON \(.+\)$/);
  });

  test("a line that is not UTF-8: invalid-json, the id still read", async () => {
    const instance = program(`Buffer.from([...Buffer.from('{"id": 8, "value": "'), 0xff, 0xfe, ...Buffer.from('"}\\n')])`);
    const r = recorder();
    instance.start(r.sink);
    await r.until("ended");
    const bad = r.events.find((e) => e[0] === "badMessage");
    expect(bad?.slice(1, 4)).toEqual(["invalid-json", "the line is not valid UTF-8", 8]);
    expect(String(bad?.[4])).toMatch(/^\{"id": 8, "value": "/);
  });

  test("a line over maxLineBytes is skipped, its head kept, its id read; the last line may lack its newline", async () => {
    const instance = program(`'{"id": 9, "value": "' + 'x'.repeat(200) + '"}\\n{"id":10,"value":1}'`, "process.exit(0)", { maxLineBytes: 100 });
    const r = recorder();
    instance.start(r.sink);
    await r.until("ended");
    expect(r.without("progress").slice(1, 3)).toEqual([
      ["badMessage", "line-too-long", "a line of 222 bytes, over the limit of 100 bytes: skipped unread", 9, `{"id": 9, "value": "${"x".repeat(200)}"}`],
      ["message", { id: 10, value: 1 }, '{"id":10,"value":1}'],
    ]);
  });

  test("stderr is captured, and its last line quoted", async () => {
    const instance = new ProcessInstance({
      argv: [process.execPath, "-e", "process.stderr.write('first\\nsecond line\\n\\n', () => process.exit(3))"],
      maxLineBytes: 100,
      captureBytes: 64,
    });
    const r = recorder();
    instance.start(r.sink);
    await r.until("ended");
    expect(r.events.at(-1)).toEqual(["ended", { code: 3, signal: null }]);
    expect(instance.stderr()).toEqual({ head: "first\nsecond line\n\n", tail: "", totalBytes: 19 });
    expect(instance.lastStderrLine()).toBe("second line");
  });

  test("closing stdout but running on: lost closed, once, after a short drain", async () => {
    const instance = program("''", "require('fs').closeSync(1); setInterval(() => {}, 1000);");
    const r = recorder();
    instance.start(r.sink);
    await r.until("lost");
    expect(r.without("progress")).toEqual([
      ["ready", false],
      ["lost", "closed", "closed its stdout but kept running"],
    ]);
    const pid = instance.pid as number;
    await instance.kill("closed");
    expect(instance.exitStatus()).toEqual({ code: null, signal: "SIGKILL", killedBy: "closed" });
    expect(await isGoneSoon(pid)).toBe(true);
    expect(r.events.filter((e) => e[0] === "lost")).toHaveLength(1);
  });

  test("kill: the reason is kept, the group killed, ended reported", async () => {
    const instance = program("''", "setInterval(() => {}, 1000);");
    const r = recorder();
    instance.start(r.sink);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await instance.kill("timeout");
    await r.until("ended");
    expect(instance.exitStatus()).toEqual({ code: null, signal: "SIGKILL", killedBy: "timeout" });
    expect(r.events.at(-1)).toEqual(["ended", { code: null, signal: "SIGKILL" }]);
  });

  test("requests go to stdin as JSON lines; once stdin is gone, sending says why", async () => {
    const instance = new ProcessInstance({
      argv: [process.execPath, "-e", "process.stdin.on('data', (d) => process.stdout.write(d)); process.stdin.on('end', () => process.exit(0));"],
      maxLineBytes: 1000,
      captureBytes: 64,
    });
    const r = recorder();
    instance.start(r.sink);
    expect(instance.send({ id: 1, op: "klFormula", args: { n: 2 } })).toBeUndefined();
    await r.until("message");
    expect(r.events.find((e) => e[0] === "message")).toEqual(["message", { id: 1, op: "klFormula", args: { n: 2 } }, '{"id":1,"op":"klFormula","args":{"n":2}}']);
    instance.endInput();
    await r.until("ended");
    expect(instance.send({ id: 2, op: "klFormula", args: { n: 2 } })).toBe("its stdin is closed");
    instance.endInput(); // a second time: nothing happens
  });

  test("a program that cannot be started: lost start-failed, no pid, no exit", async () => {
    const instance = new ProcessInstance({ argv: ["bonkl-no-such-program-q9", "-x"], maxLineBytes: 100, captureBytes: 64 });
    const r = recorder();
    instance.start(r.sink);
    await r.until("lost");
    expect(r.events).toEqual([
      ["ready", false],
      ["lost", "start-failed", 'cannot run "bonkl-no-such-program-q9": spawn bonkl-no-such-program-q9 ENOENT'],
    ]);
    expect(instance.pid).toBeNull();
    expect(instance.exitStatus()).toBeNull();
    expect(instance.send({ id: 1, op: "x", args: {} })).toMatch(/^its stdin is closed/);
    await instance.kill("close");
  });

  test("an empty argv is refused", () => {
    expect(() => new ProcessInstance({ argv: [], maxLineBytes: 1, captureBytes: 1 }).start(recorder().sink)).toThrow(/^empty argv$/);
  });
});

describe("ModuleInstance", () => {
  const options = (moduleUrl: string): ModuleInstanceOptions => ({ moduleUrl, tsxUrl: null, captureBytes: 64, maxHeapMb: 256, maxLineBytes: 1 << 20 });
  const host = (name: string) => new ModuleInstance(options(pathToFileURL(fixture(name)).href));

  test("loads the module, answers calls, captures console output, ends when killed", async () => {
    const instance = host("good-module.mjs");
    const r = recorder();
    instance.start(r.sink);
    expect(instance.exitsWhenInputEnds).toBe(true);
    expect(instance.pid).toBeGreaterThan(0);
    await r.until("ready");
    expect(r.without("progress")).toEqual([["ready", true]]);
    expect(instance.send({ id: 1, op: "bonPmf", args: { p: [0.5, 0.5], n: 2 } })).toBeUndefined();
    expect(instance.send({ id: 2, op: "renyi2", args: { p: [1] } })).toBeUndefined();
    await r.until("message");
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Both calls were handed over at once: the host runs them one after the other, in the order sent.
    expect(r.without("progress")).toEqual([
      ["ready", true],
      ["message", { id: 1, value: [0.5, 0.5] }, "an array of length 2"],
      ["message", { id: 2, error: "a thrown string" }, '"a thrown string"'],
    ]);
    expect(r.count("progress")).toBeGreaterThanOrEqual(1);
    expect(instance.stdout()).toEqual({ head: "computing bonPmf\n", tail: "", totalBytes: 17 });
    expect(instance.stderr()).toEqual({ head: "", tail: "", totalBytes: 0 });
    expect(instance.lastStderrLine()).toBe("");
    expect(instance.exitStatus()).toBeNull();
    await instance.kill("close");
    await instance.kill("again");
    expect(instance.exitStatus()).toEqual({ code: null, signal: "SIGKILL", killedBy: "close" });
    expect(r.events.at(-1)).toEqual(["ended", { code: null, signal: "SIGKILL" }]);
    expect(instance.send({ id: 3, op: "ok", args: {} })).toMatch(/^its channel \(fd 3\) is closed/);
  });

  test("values that cannot be sent back, and changed inputs", async () => {
    const instance = host("bad-module.mjs");
    const r = recorder();
    instance.start(r.sink);
    await r.until("ready");
    instance.send({ id: 1, op: "klEstimate", args: {} });
    instance.send({ id: 2, op: "mutates", args: { p: [0.5, 0.5] } });
    await r.until("message");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(r.without("progress").slice(1)).toEqual([
      ["badMessage", "invalid-response", "returned a function, which cannot be sent back as JSON", 1, ""],
      ["notice", "mutated-input", "the function changed its input: args.p changed length from 2 to 3", [2]],
      ["message", { id: 2, value: 0.5 }, "0.5"],
    ]);
    await instance.kill("close");
  });

  test("a module that throws while loading: start-failed", async () => {
    const instance = host("throws-at-load.mjs");
    const r = recorder();
    instance.start(r.sink);
    await r.until("lost");
    expect(r.without("progress")[0]).toEqual(["lost", "start-failed", "the module failed to load: cannot find the precision library"]);
    await instance.kill("start-failed");
  });

  test("a host that fails outside a call after loading: worker-error, then its exit", async () => {
    const instance = host("bad-module.mjs");
    const r = recorder();
    instance.start(r.sink);
    await r.until("ready");
    instance.send({ id: 1, op: "asyncCrash", args: {} });
    await r.until("lost");
    await r.until("ended");
    expect(r.events.find((e) => e[0] === "lost")).toEqual(["lost", "worker-error", "the module failed outside a call: uncaught, outside any call"]);
    expect(r.events.at(-1)).toEqual(["ended", { code: 1, signal: null }]);
    expect(instance.exitStatus()).toEqual({ code: 1, signal: null, killedBy: null });
  });

  test("a host whose module file is missing", async () => {
    const instance = new ModuleInstance(options("file:///nonexistent/bonkl-missing.mjs"));
    const r = recorder();
    instance.start(r.sink);
    await r.until("lost");
    const [first] = r.without("progress");
    expect(first?.slice(0, 2)).toEqual(["lost", "start-failed"]);
    expect(String(first?.[2])).toMatch(/^the module failed to load: /);
    await instance.kill("start-failed");
  });

  test("a module exiting by itself before it loaded", async () => {
    const instance = new ModuleInstance(options(`data:text/javascript,${encodeURIComponent("process.exit(4)")}`));
    const r = recorder();
    instance.start(r.sink);
    await r.until("lost");
    expect(r.events).toContainEqual(["lost", "start-failed", "the module's host exited with status 4 before the module loaded"]);
    expect(instance.exitStatus()).toEqual({ code: 4, signal: null, killedBy: null });
  });
});
