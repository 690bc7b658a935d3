// Program subjects against fake subjects (src/subject/fixtures/*.mjs). Every test checks that call() resolved (never
// rejected), close() resolved, the log names the fault and the requests affected, and no process is left behind.
import { realpathSync } from "node:fs";
import { tmpdir } from "node:os";
import { describe, expect, test } from "vitest";
import { InputError } from "../errors.ts";
import { expectFault, expectNoProcessLeft, fixtureCommand, idsOf, isGoneSoon } from "./fixtures/harness.ts";
import { openProcessSubject } from "./process-subject.ts";
import type { Answer, SubjectOptions } from "./subject.ts";
import { trackedSessions as trackedProcessGroups } from "./sessions/sessions.ts";

// Short hang timeouts; a fresh process gets 1.5 s more for its first output (node starts slowly on a loaded machine).
const FAST: SubjectOptions = { timeoutMs: 500, closeGraceMs: 300, startGraceMs: 1500 };
const open = (name: string, options: SubjectOptions = {}) => openProcessSubject(fixtureCommand(name), { ...FAST, ...options });
const valueOf = (answer: Answer): unknown => (answer.kind === "value" ? answer.value : answer);

describe("a correct subject", () => {
  test("answers values, errors and unsupported; the log is clean and the process gone", async () => {
    const subject = open("echo-subject.mjs");
    const [kl, pmf, formula, other, failed] = await Promise.all([
      subject.call("klBon", { p: [0.5, 0.5], n: 2 }),
      subject.call("bonPmf", { p: [0.2, 0.3, 0.5], n: 4 }),
      subject.call("klFormula", { n: 3 }),
      subject.call("someFutureOp", {}),
      subject.call("klBon", { p: [1], n: 1, fail: true }),
    ]);
    expect(kl).toEqual({ kind: "value", id: 1, value: 0.5, raw: { id: 1, value: 0.5, enclosure: ["0.4999", "0.5001"] } });
    expect(valueOf(pmf)).toEqual([0.25, 0.25, 0.25]);
    expect(valueOf(formula)).toBe("0.1308120340412760512");
    expect(other).toEqual({ kind: "unsupported", id: 4, message: "unsupported op: someFutureOp" });
    expect(failed).toEqual({ kind: "error", id: 5, message: "p must sum to 1" });
    const log = await subject.close();
    expect(log.faults).toEqual([]);
    expect(log).toMatchObject({ requestsSent: 5, requestsAnswered: 5, requestsFaulted: 0, stoppedBecause: null });
    expect(log.instances).toHaveLength(1);
    expect(log.instances[0]?.exit).toEqual({ code: 0, signal: null, killedBy: null });
    expectNoProcessLeft(log);
    expect(trackedProcessGroups()).toEqual([]);
  });

  test("keeps at most maxInFlight requests in flight and answers hundreds", async () => {
    const subject = open("echo-subject.mjs", { maxInFlight: 8 });
    const answers = await Promise.all(Array.from({ length: 300 }, (_, i) => subject.call("klBon", { p: [1], n: i + 1 })));
    expect(answers.every((a, i) => a.kind === "value" && a.id === i + 1)).toBe(true);
    const log = await subject.close();
    expect(log.requestsAnswered).toBe(300);
    expectNoProcessLeft(log);
  });

  test("out-of-order answers are matched by id", async () => {
    const subject = open("out-of-order.mjs");
    const answers = await Promise.all([1, 2, 3, 4, 5].map((n) => subject.call("bonPmf", { p: Array(n).fill(1 / n), n: 2 })));
    answers.forEach((answer, i) => {
      expect(answer.id).toBe(i + 1);
      expect(valueOf(answer)).toHaveLength(i + 1);
    });
    const log = await subject.close();
    expect(log.faults).toEqual([]);
    expectNoProcessLeft(log);
  });

  test("a slow but steady subject is not called hung", async () => {
    const subject = open("slow-steady.mjs", { timeoutMs: 500 });
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: 8 }, () => subject.call("klBon", { p: [1], n: 1, delayMs: 150 })));
    expect(performance.now() - started).toBeGreaterThan(1100); // far beyond the timeout in all
    expect(answers.map((a) => a.kind)).toEqual(Array(8).fill("value"));
    const log = await subject.close();
    expect(log.faults).toEqual([]);
    expectNoProcessLeft(log);
  });
});

describe("subjects that die", () => {
  test("crash at start: faults crashed, quotes stderr, stops after 3 failed starts", async () => {
    const subject = open("crash-at-start.mjs");
    const answers = await Promise.all([1, 2, 3].map(() => subject.call("klFormula", { n: 2 })));
    for (const answer of answers) expectFault(answer, "crashed");
    expect(answers[0]?.kind === "fault" && answers[0].detail).toMatch(/exited with status 3 before answering.*No module named 'mpmath'/);
    const later = await subject.call("klFormula", { n: 2 });
    expectFault(later, "stopped");
    const log = await subject.close();
    expect(idsOf(log, "crashed")).toEqual([1, 2, 3]);
    expect(idsOf(log, "stopped")).toEqual([4]);
    expect(log.stoppedBecause).toMatch(/3 starts in a row died without answering anything/);
    expect(log.instances).toHaveLength(3);
    expect(log.instances[0]?.stderr.head).toContain("ModuleNotFoundError");
    expect(log.instances[0]?.exit).toEqual({ code: 3, signal: null, killedBy: null });
    expectNoProcessLeft(log);
  });

  test("crash mid-run: the request it died on is blamed, the others are answered by a fresh start", async () => {
    const subject = open("crash-mid-run.mjs");
    const answers = await Promise.all([false, true, false, false].map((crash) => subject.call("klBon", { p: [1], n: 1, crash })));
    expect(answers.map((a) => a.kind)).toEqual(["value", "fault", "value", "value"]);
    expectFault(answers[1] as Answer, "crashed");
    const log = await subject.close();
    expect(idsOf(log, "crashed")).toEqual([2]);
    expect(log.faults[0]?.detail).toMatch(/exited with status 1 before answering \(its stderr ends with: Node.js v20/);
    expect(log.instances[0]?.stderr.head).toContain("Error: math domain error on request 2");
    expect(log.instances).toHaveLength(2);
    expect(log.stoppedBecause).toBeNull();
    expectNoProcessLeft(log);
  });

  test("exit 0 with requests unanswered: fault exited", async () => {
    const subject = open("exit-early.mjs");
    const answers = await Promise.all([1, 2, 3, 4].map((n) => subject.call("klFormula", { n })));
    expect(answers.map((a) => a.kind)).toEqual(["value", "value", "fault", "value"]);
    expectFault(answers[2] as Answer, "exited");
    const log = await subject.close();
    expect(idsOf(log, "exited")).toEqual([3]);
    expect(log.instances[0]?.exit).toEqual({ code: 0, signal: null, killedBy: null });
    expectNoProcessLeft(log);
  });

  test("hang on one request: timeout names it, the subject is killed, the rest are answered after a restart", async () => {
    const subject = open("hang-one.mjs", { timeoutMs: 400 });
    const answers = await Promise.all([false, true, false, false].map((hang) => subject.call("klBon", { p: [1], n: 1, hang })));
    expect(answers.map((a) => a.kind)).toEqual(["value", "fault", "value", "value"]);
    expectFault(answers[1] as Answer, "timeout");
    const log = await subject.close();
    expect(idsOf(log, "timeout")).toEqual([2]);
    expect(log.faults[0]?.detail).toMatch(/no answer and no output for 400 ms.*oldest pending.*2 other pending request\(s\) were sent again/);
    expect(log.instances[0]?.exit).toEqual({ code: null, signal: "SIGKILL", killedBy: "timeout" });
    expect(log.instances[1]?.exit).toEqual({ code: 0, signal: null, killedBy: null });
    expectNoProcessLeft(log);
  });

  test("without restarts the hung request gets the timeout, the one behind it (not to blame) and later calls are stopped", async () => {
    const subject = open("hang-one.mjs", { timeoutMs: 300, startGraceMs: 0, maxRestarts: 0 });
    const answers = await Promise.all([true, false].map((hang) => subject.call("klBon", { p: [1], n: 1, hang })));
    expectFault(answers[0] as Answer, "timeout");
    expectFault(answers[1] as Answer, "stopped");
    expect(answers[1]?.kind === "fault" && answers[1].detail).toMatch(/^sent, but given up: .*; this request was not to blame$/);
    expectFault(await subject.call("klBon", { p: [1], n: 1 }), "stopped");
    const log = await subject.close();
    expect(idsOf(log, "timeout")).toEqual([1]);
    expect(log.stopped).toEqual([
      { op: "klBon", reason: expect.stringMatching(/^sent, but given up/), count: 1, sent: true },
      { op: "klBon", reason: expect.stringMatching(/^not sent: the subject was stopped because/), count: 1, sent: false },
    ]);
    expect(log.stoppedBecause).toMatch(/restarted 0 times, the limit/);
    expectNoProcessLeft(log);
  });

  test("a program that cannot be started: start-failed, not retried", async () => {
    const subject = openProcessSubject("bonkl-no-such-program-x7 --flag", FAST);
    expectFault(await subject.call("klFormula", { n: 2 }), "start-failed");
    expectFault(await subject.call("klFormula", { n: 2 }), "stopped");
    const log = await subject.close();
    expect(log.faults[0]?.detail).toMatch(/cannot run "bonkl-no-such-program-x7": spawn bonkl-no-such-program-x7 ENOENT/);
    expect(log.stoppedBecause).toMatch(/could not start/);
    expect(log.instances).toHaveLength(1);
  });

  test("closing its stdout while running: fault closed, killed", async () => {
    const subject = open("closes-stdout.mjs");
    expect((await subject.call("klFormula", { n: 2 })).kind).toBe("value");
    await new Promise((r) => setTimeout(r, 60));
    expectFault(await subject.call("klFormula", { n: 3 }), "closed");
    const log = await subject.close();
    expect(idsOf(log, "closed")).toEqual([2]);
    expect(log.instances[0]?.exit?.killedBy).toBe("closed");
    expectNoProcessLeft(log);
  });
});

describe("subjects that write wrong lines", () => {
  test("an answer for an id never asked is logged, the run goes on", async () => {
    const subject = open("unknown-id.mjs");
    const answers = await Promise.all([subject.call("klBon", { p: [1], n: 1 }), subject.call("klFormula", { n: 2 })]);
    expect(answers.map((a) => a.kind)).toEqual(["value", "value"]);
    const log = await subject.close();
    expect(log.faultCounts).toEqual({ "unknown-id": 2 });
    expect(log.faults[0]).toMatchObject({ kind: "unknown-id", ids: [], detail: expect.stringMatching(/id 424242, which bonkl never sent/) });
    expect(log.faults[0]?.excerpt).toBe('{"id":424242,"value":1}');
    expectNoProcessLeft(log);
  });

  test("a second answer for the same id: the first stands, the duplicate is logged with the id", async () => {
    const subject = open("duplicate-id.mjs");
    expect(valueOf(await subject.call("klBon", { p: [1], n: 1 }))).toBe(0.5);
    const log = await subject.close();
    expect(idsOf(log, "duplicate-id")).toEqual([1]);
    expectNoProcessLeft(log);
  });

  test("bad values and bad lines fault only their own request when the id can be read", async () => {
    const subject = open("bad-lines.mjs");
    const modes = ["nan", "inf", "-inf", "null", "garbled", "text", "wrong-shape", "both", "bad-decimal", "fine"];
    const answers = await Promise.all(modes.map((mode) => subject.call("klBon", { p: [1], n: 1, mode })));
    const kinds = Object.fromEntries(modes.map((mode, i) => [mode, answers[i]?.kind === "fault" ? answers[i].fault : answers[i]?.kind]));
    expect(kinds).toEqual({
      nan: "invalid-response",
      inf: "invalid-response",
      "-inf": "invalid-response",
      null: "invalid-response",
      garbled: "invalid-json",
      text: "value",
      "wrong-shape": "invalid-response",
      both: "invalid-response",
      "bad-decimal": "invalid-response",
      fine: "value",
    });
    const detail = (i: number): string => {
      const a = answers[i] as Answer;
      return a.kind === "fault" ? a.detail : "";
    };
    expect(detail(0)).toMatch(/NaN written as a bare token, which is not JSON/);
    expect(detail(2)).toMatch(/-Infinity/);
    expect(detail(3)).toMatch(/value is null/);
    expect(detail(6)).toMatch(/klBon answers one number or decimal string; value is an array of length 1/);
    expect(detail(7)).toMatch(/both value and error/);
    const log = await subject.close();
    expect(idsOf(log, "invalid-response")).toEqual([1, 2, 3, 4, 7, 8, 9]);
    expect(log.faults.find((f) => f.ids.includes(1))?.excerpt).toBe('{"id": 1, "value": NaN}');
    expect(idsOf(log, "invalid-json")).toEqual([5]);
    expect(log.faults).toContainEqual(expect.objectContaining({ kind: "invalid-json", ids: [], excerpt: "Loading model... done" }));
    expect(log.instances).toHaveLength(1); // none of this kills the subject
    expectNoProcessLeft(log);
  });

  test("a response without a readable id cannot be matched: logged, and its request times out", async () => {
    const subject = open("bad-lines.mjs", { timeoutMs: 300 });
    expectFault(await subject.call("klBon", { p: [1], n: 1, mode: "string-id" }), "timeout");
    expect((await subject.call("klBon", { p: [1], n: 1 })).kind).toBe("value");
    const log = await subject.close();
    expect(log.faults[0]).toMatchObject({ kind: "invalid-response", ids: [], detail: 'id is "1", not an integer' });
    expect(idsOf(log, "timeout")).toEqual([1]);
    expectNoProcessLeft(log);
  });

  test("a 100 MB line: fault line-too-long for its request, memory stays bounded, the run goes on", async () => {
    const subject = open("huge-line.mjs", { timeoutMs: 2000 });
    const baseline = process.memoryUsage().arrayBuffers;
    let peak = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().arrayBuffers - baseline);
    }, 5);
    const answers = await Promise.all([false, true, false].map((huge) => subject.call("bonPmf", { p: [1], n: 1, huge })));
    clearInterval(sampler);
    expect(answers.map((a) => a.kind)).toEqual(["value", "fault", "value"]);
    expectFault(answers[1] as Answer, "line-too-long");
    expect(answers[1]?.kind === "fault" && answers[1].detail).toMatch(/a line of 10485\d{4} bytes, over the limit of 67108864 bytes/);
    // The 64 MiB held before giving up, plus pipe chunks not yet collected; holding the whole line would need >= 200 MiB
    // (100 MB of chunks, then their concatenation).
    expect(peak).toBeLessThan(150 * 1024 * 1024);
    const log = await subject.close();
    expect(idsOf(log, "line-too-long")).toEqual([2]);
    expectNoProcessLeft(log);
  });

  test("a stderr flood neither blocks the subject nor fills memory: head and tail are kept", async () => {
    const subject = open("stderr-flood.mjs", { timeoutMs: 2000 });
    expect((await subject.call("klFormula", { n: 2 })).kind).toBe("value");
    const log = await subject.close();
    const stderr = log.instances[0]?.stderr;
    expect(stderr?.totalBytes).toBe(20 * 1024 * 1024 + "FIRST LINE OF STDERR\n".length + "LAST LINE OF STDERR\n".length);
    expect(stderr?.head.startsWith("FIRST LINE OF STDERR\nxxx")).toBe(true);
    expect(stderr?.head).toHaveLength(4096);
    expect(stderr?.tail.endsWith("xxx\nLAST LINE OF STDERR\n")).toBe(true);
    expect(stderr?.tail).toHaveLength(4096);
    expectNoProcessLeft(log);
  });
});

describe("closing", () => {
  test("a subject that ignores its stdin closing is killed after the grace period", async () => {
    const subject = open("ignores-eof.mjs", { closeGraceMs: 200 });
    expect((await subject.call("klFormula", { n: 2 })).kind).toBe("value");
    const started = performance.now();
    const log = await subject.close();
    expect(performance.now() - started).toBeGreaterThanOrEqual(195);
    expect(log.faults).toEqual([expect.objectContaining({ kind: "ignored-eof", ids: [] })]);
    expect(log.instances[0]?.exit).toEqual({ code: null, signal: "SIGKILL", killedBy: "ignored-eof" });
    expectNoProcessLeft(log);
  });

  test("close() kills the whole process group, grandchildren included", async () => {
    const subject = open("with-grandchild.mjs");
    const answer = await subject.call("klFormula", { n: 2 });
    const grandchild = valueOf(answer) as number;
    expect(Number.isInteger(grandchild)).toBe(true);
    const log = await subject.close();
    expectNoProcessLeft(log);
    expect(await isGoneSoon(grandchild)).toBe(true);
  });

  test("calls after close() answer stopped; close() is idempotent; bad args reject with InputError", async () => {
    const subject = open("echo-subject.mjs", { maxInFlight: 1 });
    await expect(subject.call("klBon", { p: [Number.NaN] })).rejects.toThrow(InputError);
    await expect(subject.call("klBon", [] as unknown as object)).rejects.toThrow(InputError);
    const inFlight = subject.call("klBon", { p: [1], n: 1 });
    const queued = subject.call("klBon", { p: [1], n: 1 });
    const closing = subject.close();
    expect(subject.close()).toBe(closing);
    expect((await inFlight).kind).toBe("value"); // in flight: still answered
    expectFault(await queued, "stopped"); // not yet sent when close() came
    const log = await closing;
    expectFault(await subject.call("klBon", { p: [1], n: 1 }), "stopped");
    expect(log).toMatchObject({ requestsSent: 1, requestsAnswered: 1, requestsFaulted: 1 });
    expect(idsOf(log, "stopped")).toEqual([2]);
    expectNoProcessLeft(log);
  });
});

describe("how the program is run", () => {
  // Answers every request with an error message holding what it sees of its environment (`probe`, a JS expression).
  const reporter = (probe: string): string[] => [
    process.execPath,
    "-e",
    `require("readline").createInterface({ input: process.stdin }).on("line", (l) => process.stdout.write(JSON.stringify({ id: JSON.parse(l).id, error: String(${probe}) }) + "\\n"));`,
  ];
  const messageOf = (answer: Answer): unknown => (answer.kind === "error" ? answer.message : answer);

  test("the log describes a command string as written, quotes included", async () => {
    const command = fixtureCommand("echo-subject.mjs");
    const subject = openProcessSubject(command, FAST);
    expect(subject.log().description).toBe(`command ${JSON.stringify(command)}`);
    expect(openProcessSubject(["prog", "a b"], FAST).log().description).toBe('command "prog a b"');
    await subject.close();
  });

  test("cwd: the program runs in the given directory", async () => {
    const dir = realpathSync(tmpdir());
    expect(dir).not.toBe(process.cwd());
    const subject = openProcessSubject(reporter("process.cwd()"), { ...FAST, cwd: dir });
    expect(messageOf(await subject.call("klFormula", { n: 2 }))).toBe(dir);
    expectNoProcessLeft(await subject.close());
  });

  test("env: the program gets exactly the given environment", async () => {
    const probe = "[process.env.BONKL_PROBE, process.env.HOME]";
    const subject = openProcessSubject(reporter(probe), { ...FAST, env: { BONKL_PROBE: "from-options" } });
    expect(messageOf(await subject.call("klFormula", { n: 2 }))).toBe("from-options,");
    expectNoProcessLeft(await subject.close());
  });
});
