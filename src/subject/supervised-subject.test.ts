/**
 * The supervisor alone, with scripted instances (no process, no worker) and fake timers: the request window, answer
 * matching and validation, every way an instance can end, the restart policy, timeouts and closing. The program and
 * module tests (process-subject.test.ts, module-subject.test.ts) check the same rules end to end with real children.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { InputError } from "../errors.ts";
import type { Request } from "../protocol/messages.ts";
import type { Instance, InstanceSink } from "./instance.ts";
import type { Answer, ExitStatus, SubjectLog } from "./subject.ts";
import { SupervisedSubject, type SupervisorSettings } from "./supervised-subject.ts";

/** An instance the test drives: it records what the supervisor does and reports what the test tells it to. */
class ScriptedInstance implements Instance {
  pid: number | null = null;
  sink!: InstanceSink;
  readonly requests: Request[] = [];
  readonly kills: string[] = [];
  /** Every send() call, including the ones that failed. */
  sendAttempts = 0;
  inputEnded = false;
  sendProblem: string | undefined;
  stderrLine = "";
  status: ExitStatus | null = null;

  constructor(
    readonly number: number,
    readonly exitsWhenInputEnds: boolean,
    private readonly startError: Error | string | undefined,
  ) {}

  start(sink: InstanceSink): void {
    if (this.startError !== undefined) throw this.startError;
    this.sink = sink;
    this.pid = 100 + this.number;
  }
  send(request: Request): string | undefined {
    this.sendAttempts += 1;
    if (this.sendProblem !== undefined) return this.sendProblem;
    this.requests.push(request);
    return undefined;
  }
  endInput(): void {
    this.inputEnded = true;
  }
  kill(reason: string): Promise<void> {
    this.kills.push(reason);
    this.status ??= { code: null, signal: "SIGKILL", killedBy: reason };
    return Promise.resolve();
  }
  exitStatus(): ExitStatus | null {
    return this.status;
  }
  stderr() {
    return { head: `stderr of ${this.number}`, tail: "", totalBytes: 11 };
  }
  stdout() {
    return null;
  }
  lastStderrLine(): string {
    return this.stderrLine;
  }
  /** The instance answers request `id` with `value`. */
  answer(id: number, value: unknown): void {
    this.sink.message({ id, value }, JSON.stringify({ id, value }));
  }
  /** The instance exits by itself. */
  exit(code: number | null, signal: string | null = null): void {
    this.status = { code, signal, killedBy: null };
    this.sink.ended({ code, signal });
  }
}

const SETTINGS: SupervisorSettings = {
  timeoutMs: 1000,
  maxInFlight: 2,
  maxRestarts: 10,
  maxFailedStartsInARow: 3,
  maxDeathsPerOp: 3,
  closeGraceMs: 100,
  startGraceMs: 500,
  maxFaultsLogged: 100,
};

interface Harness {
  subject: SupervisedSubject;
  instances: ScriptedInstance[];
  /** The latest instance. */
  last(): ScriptedInstance;
}

function harness(settings: Partial<SupervisorSettings> = {}, options: { exitsWhenInputEnds?: boolean; startErrors?: (Error | string)[] } = {}): Harness {
  const instances: ScriptedInstance[] = [];
  const subject = new SupervisedSubject(
    "scripted subject",
    () => {
      const instance = new ScriptedInstance(instances.length + 1, options.exitsWhenInputEnds ?? true, options.startErrors?.[instances.length]);
      instances.push(instance);
      return instance;
    },
    { ...SETTINGS, ...settings },
  );
  return { subject, instances, last: () => instances[instances.length - 1] as ScriptedInstance };
}

/** Lets promises settle (and timers due by now fire). */
const flush = () => vi.advanceTimersByTimeAsync(0);

/** Records every answer as it arrives, so tests can look at what is settled so far. */
function collect(promises: Promise<Answer>[]): (Answer | undefined)[] {
  const answers: (Answer | undefined)[] = promises.map(() => undefined);
  promises.forEach((p, i) => void p.then((a) => (answers[i] = a)));
  return answers;
}

function fault(answer: Answer | undefined): { fault: string; detail: string } {
  expect(answer?.kind, JSON.stringify(answer)).toBe("fault");
  const f = answer as Extract<Answer, { kind: "fault" }>;
  return { fault: f.fault, detail: f.detail };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance", "Date"] });
});
afterEach(() => {
  vi.useRealTimers();
});

/**
 * Three calls, window of 2: requests 1 and 2 go to the first instance, whose stdin then breaks; answering 1 frees the
 * window, request 3 cannot be sent, request 2 is still held, and nothing is blamed yet.
 */
async function inputBreaksHoldingRequest2() {
  const h = harness();
  const answers = collect([h.subject.call("klFormula", { n: 1 }), h.subject.call("klFormula", { n: 2 }), h.subject.call("klFormula", { n: 3 })]);
  h.last().sink.ready(false);
  await flush();
  expect(h.last().requests.map((r) => r.id)).toEqual([1, 2]);
  h.last().sendProblem = "its stdin is closed (EPIPE)";
  h.last().answer(1, 0);
  await flush();
  expect(h.instances).toHaveLength(1);
  expect(h.subject.log().faults).toEqual([]);
  return { ...h, answers };
}

/** A second instance was started and request 3, and only it, goes to it and is answered. */
async function freshStartAnswers3(instances: ScriptedInstance[], last: () => ScriptedInstance): Promise<void> {
  expect(instances).toHaveLength(2);
  last().sink.ready(false);
  await flush();
  expect(last().requests.map((r) => r.id)).toEqual([3]);
  last().answer(3, 0);
  await flush();
}

describe("calls", () => {
  test("arguments that cannot be sent are rejected with an InputError and use up no id", async () => {
    const { subject, instances } = harness();
    await expect(subject.call(42 as unknown as string, {})).rejects.toThrow(InputError);
    await expect(subject.call(42 as unknown as string, {})).rejects.toMatchObject({ field: "op", reason: "must be a string" });
    await expect(subject.call("klBon", null as unknown as object)).rejects.toMatchObject({ field: "args", reason: "must be a plain object" });
    await expect(subject.call("klBon", [1, 2])).rejects.toMatchObject({ field: "args", reason: "must be a plain object" });
    await expect(subject.call("klBon", { n: Number.NaN })).rejects.toMatchObject({ field: "args", reason: "cannot be sent as JSON: args.n is NaN" });
    expect(instances).toHaveLength(0); // nothing started for bad calls
    const answer = subject.call("klFormula", { n: 2 });
    await flush();
    expect(instances).toHaveLength(1);
    instances[0]!.sink.ready(false);
    expect(instances[0]!.requests).toEqual([{ id: 1, op: "klFormula", args: { n: 2 } }]);
    instances[0]!.answer(1, 0.5);
    expect(await answer).toEqual({ kind: "value", id: 1, value: 0.5, raw: { id: 1, value: 0.5 } });
  });

  test("the subject gets a copy of the args taken at call time", async () => {
    const { subject, last } = harness();
    const args = { p: [0.5, 0.5], n: 2 };
    const answer = subject.call("klBon", args);
    args.p[0] = 99;
    args.n = 7;
    last().sink.ready(false);
    expect(last().requests[0]!.args).toEqual({ p: [0.5, 0.5], n: 2 });
    last().answer(1, 1);
    await answer;
  });

  test("at most maxInFlight requests are in flight; answers in any order free the window", async () => {
    const { subject, last } = harness({ maxInFlight: 2 });
    const answers = collect([1, 2, 3, 4].map((n) => subject.call("klFormula", { n })));
    expect(last().requests).toEqual([]); // not ready yet: nothing sent
    last().sink.ready(false);
    expect(last().requests.map((r) => r.id)).toEqual([1, 2]);
    last().answer(2, 0.25);
    expect(last().requests.map((r) => r.id)).toEqual([1, 2, 3]);
    last().answer(1, 0.5);
    last().answer(3, "0.125");
    expect(last().requests.map((r) => r.id)).toEqual([1, 2, 3, 4]);
    last().answer(4, 1);
    await flush();
    expect(answers.map((a) => (a?.kind === "value" ? a.value : a))).toEqual([0.5, 0.25, "0.125", 1]);
    expect(subject.log()).toMatchObject({ description: "scripted subject", requestsSent: 4, requestsAnswered: 4, requestsFaulted: 0, faults: [], stoppedBecause: null });
  });

  test("ready() of an instance that is already running is ignored", async () => {
    const { subject, last } = harness({ maxInFlight: 1 });
    const answers = collect([subject.call("klFormula", { n: 1 }), subject.call("klFormula", { n: 2 })]);
    last().sink.ready(false);
    last().sink.ready(true);
    expect(last().requests.map((r) => r.id)).toEqual([1]);
    last().answer(1, 0);
    last().answer(2, 0);
    await flush();
    expect(answers.map((a) => a?.kind)).toEqual(["value", "value"]);
  });

  test("an instance that cannot take a request: the request is not blamed but sent to a fresh instance", async () => {
    const { subject, last, instances } = harness();
    const answers = collect([subject.call("klFormula", { n: 1 })]);
    last().sendProblem = "its stdin is closed (EPIPE)";
    last().sink.ready(false);
    await flush();
    expect(instances).toHaveLength(2);
    expect(subject.log().faults).toEqual([{ kind: "closed", ids: [], detail: "its input cannot take requests: its stdin is closed (EPIPE)", instance: 1 }]);
    last().sink.ready(false);
    await flush();
    expect(last().requests.map((r) => r.id)).toEqual([1]);
    last().answer(1, 0);
    await flush();
    expect(answers.map((a) => a?.kind)).toEqual(["value"]);
    expect(subject.log()).toMatchObject({ requestsSent: 1, requestsFaulted: 0 });
  });

  test("an instance whose input breaks while it holds a request: nothing more is sent; its end blames what it held, the rest go to a fresh start", async () => {
    const { subject, last, instances, answers } = await inputBreaksHoldingRequest2();
    last().exit(0);
    await flush();
    expect(subject.log().faults).toEqual([{ kind: "exited", ids: [2], detail: "exited with status 0 before answering; this was the oldest pending request", instance: 1 }]);
    await freshStartAnswers3(instances, last);
    expect(answers.map((a) => a?.kind)).toEqual(["value", "fault", "value"]);
  });
});

describe("an instance whose input broke, still running", () => {
  test("once it has answered all it held, it is retired and the waiting call goes to a fresh start", async () => {
    const { subject, last, instances, answers } = await inputBreaksHoldingRequest2();
    last().answer(2, 0); // holds nothing now: nothing would ever time out, so it is retired
    await flush();
    expect(subject.log().faults).toEqual([{ kind: "closed", ids: [], detail: "its stdin is closed and it answered all it held", instance: 1 }]);
    await freshStartAnswers3(instances, last);
    expect(answers.map((a) => a?.kind)).toEqual(["value", "value", "value"]);
  });
});

describe("answers", () => {
  test("errors, unsupported, wrong shapes, invalid responses", async () => {
    const { subject, last } = harness({ maxInFlight: 8 });
    const answers = collect([
      subject.call("klBon", { n: 1 }),
      subject.call("klBon", { n: 2 }),
      subject.call("bonPmf", { n: 3 }),
      subject.call("klBon", { n: 4 }),
      subject.call("klBon", { n: 5 }),
      subject.call("capabilities", {}),
    ]);
    last().sink.ready(true);
    last().sink.message({ id: 1, error: "p must sum to 1" }, "e1");
    last().sink.message({ id: 2, error: "unsupported: r" }, "e2");
    last().answer(3, 0.5);
    last().sink.message({ id: 4, value: 1, error: "both" }, "e4");
    last().sink.message({ id: 5, value: "abc" }, "e5");
    last().answer(6, ["klBon"]);
    await flush();
    expect(answers[0]).toEqual({ kind: "error", id: 1, message: "p must sum to 1" });
    expect(answers[1]).toEqual({ kind: "unsupported", id: 2, message: "unsupported: r" });
    expect(fault(answers[2])).toEqual({ fault: "invalid-response", detail: "bonPmf answers an array of numbers or decimal strings; value is 0.5: wrong type (must be array)" });
    expect(fault(answers[3])).toEqual({ fault: "invalid-response", detail: "both value and error (a response has one of them)" });
    expect(fault(answers[4]).detail).toBe('value is "abc": not a number, a decimal string, or an array of them (or of op names)');
    expect(answers[5]).toMatchObject({ kind: "value", value: ["klBon"] });
    const log = subject.log();
    expect(log).toMatchObject({ requestsSent: 6, requestsAnswered: 3, requestsFaulted: 3 });
    expect(log.faults.map((f) => [f.kind, f.ids, f.excerpt])).toEqual([
      ["invalid-response", [3], '{"id":3,"value":0.5}'],
      ["invalid-response", [4], "e4"],
      ["invalid-response", [5], "e5"],
    ]);
    expect(log.instances[0]).toMatchObject({ instance: 1, pid: 101, requestsSent: 6, requestsAnswered: 3, exit: null, stdout: null });
    expect(log.instances[0]!.stderr.head).toBe("stderr of 1");
  });

  test("unknown and duplicate ids are logged; the first answer stands", async () => {
    const { subject, last } = harness();
    const answer = subject.call("klBon", { n: 1 });
    last().sink.ready(false);
    last().answer(1, 0.5);
    last().answer(1, 0.75);
    last().answer(77, 1);
    expect(await answer).toMatchObject({ kind: "value", value: 0.5 });
    expect(subject.log().faults).toEqual([
      { kind: "duplicate-id", ids: [1], detail: "a second answer for request 1 (the first one stands)", instance: 1, excerpt: '{"id":1,"value":0.75}' },
      { kind: "unknown-id", ids: [], detail: "an answer for id 77, which bonkl never sent", instance: 1, excerpt: '{"id":77,"value":1}' },
    ]);
    expect(subject.log()).toMatchObject({ requestsAnswered: 1, requestsFaulted: 0 });
  });

  test("bad lines fault their request when the id is readable and pending; otherwise they are only logged", async () => {
    const { subject, last } = harness({ maxInFlight: 4 });
    const answers = collect([subject.call("klBon", { n: 1 }), subject.call("klBon", { n: 2 })]);
    last().sink.ready(false);
    last().answer(1, 0.5);
    last().sink.badMessage("invalid-json", "not JSON", 2, "{oops");
    last().sink.badMessage("invalid-json", "not JSON", 1, "{late");
    last().sink.badMessage("line-too-long", "a line of 9 bytes", 9, "{big");
    last().sink.badMessage("invalid-json", "an empty line", undefined, "");
    last().sink.message([1, 2], "[1,2]");
    await flush();
    expect(fault(answers[1])).toEqual({ fault: "invalid-json", detail: "not JSON" });
    expect(subject.log().faults).toEqual([
      { kind: "invalid-json", ids: [2], detail: "not JSON", instance: 1, excerpt: "{oops" },
      { kind: "invalid-json", ids: [], detail: "not JSON (for request 1, already answered)", instance: 1, excerpt: "{late" },
      { kind: "line-too-long", ids: [], detail: "a line of 9 bytes (for id 9, which bonkl never sent)", instance: 1, excerpt: "{big" },
      { kind: "invalid-json", ids: [], detail: "an empty line", instance: 1, excerpt: "" },
      { kind: "invalid-response", ids: [], detail: "not a JSON object but an array of length 2", instance: 1, excerpt: "[1,2]" },
    ]);
  });

  test("notices are logged while the instance lives, and dropped after", async () => {
    const { subject, last } = harness();
    const answer = subject.call("klBon", { n: 1 });
    last().sink.ready(true);
    last().sink.notice("mutated-input", "the function changed its input: args.n", [1]);
    last().answer(1, 0.5);
    await answer;
    const first = last();
    first.exit(0);
    first.sink.notice("mutated-input", "too late", [1]);
    first.sink.progress();
    first.sink.message({ id: 1, value: 2 }, "late");
    first.sink.badMessage("invalid-json", "late", undefined, "late");
    expect(subject.log().faults.map((f) => [f.kind, f.ids, f.detail])).toEqual([
      ["mutated-input", [1], "the function changed its input: args.n"],
      ["exited", [], "exited with status 0 while idle"],
    ]);
  });
});

describe("deaths and restarts", () => {
  test("a crash blames the oldest pending request; the others go to a fresh instance", async () => {
    const { subject, instances, last } = harness({ maxInFlight: 3 });
    const answers = collect([1, 2, 3].map((n) => subject.call("klFormula", { n })));
    last().sink.ready(false);
    last().stderrLine = "Segmentation fault";
    last().exit(null, "SIGSEGV");
    await flush();
    expect(fault(answers[0])).toEqual({
      fault: "crashed",
      detail: "was killed by signal SIGSEGV before answering (its stderr ends with: Segmentation fault); this was the oldest pending request (the 2 other pending request(s) were sent again to a fresh start)",
    });
    expect(instances).toHaveLength(2);
    expect(instances[0]!.kills).toEqual(["cleanup"]);
    last().sink.ready(false);
    expect(last().requests.map((r) => r.id)).toEqual([2, 3]);
    last().answer(2, 0);
    last().answer(3, 0);
    await flush();
    expect(answers.map((a) => a?.kind)).toEqual(["fault", "value", "value"]);
    const log = subject.log();
    expect(log.instances.map((i) => [i.instance, i.requestsSent, i.requestsAnswered])).toEqual([
      [1, 3, 0],
      [2, 2, 2],
    ]);
    expect(log.requestsSent).toBe(3);
    expect(log.stoppedBecause).toBeNull();
  });

  test("a lone pending request gets the fault without the resend note; a non-zero exit is a crash", async () => {
    const { subject, last } = harness();
    const answer = subject.call("klFormula", { n: 1 });
    last().sink.ready(false);
    last().exit(3);
    expect(fault(await answer)).toEqual({ fault: "crashed", detail: "exited with status 3 before answering; this was the oldest pending request" });
  });

  test("exit 0 with a request pending: exited", async () => {
    const { subject, last } = harness();
    const answer = subject.call("klFormula", { n: 1 });
    last().sink.ready(false);
    last().exit(0);
    expect(fault(await answer).fault).toBe("exited");
  });

  test("lost: the instance is killed for the reason given", async () => {
    const { subject, instances, last } = harness();
    const answer = subject.call("klFormula", { n: 1 });
    last().sink.ready(false);
    last().sink.lost("closed", "closed its stdout but kept running");
    expect(fault(await answer)).toEqual({ fault: "closed", detail: "closed its stdout but kept running; this was the oldest pending request" });
    expect(instances[0]!.kills).toEqual(["closed"]);
    last().sink.lost("closed", "again"); // a second report of a dead instance changes nothing
    expect(subject.log().faults).toHaveLength(1);
  });

  test("an instance that dies idle is replaced at the next call", async () => {
    const { subject, instances, last } = harness();
    const first = subject.call("klFormula", { n: 1 });
    last().sink.ready(false);
    last().answer(1, 0);
    await first;
    last().exit(0);
    expect(subject.log().faults).toEqual([{ kind: "exited", ids: [], detail: "exited with status 0 while idle", instance: 1 }]);
    const second = subject.call("klFormula", { n: 2 });
    expect(instances).toHaveLength(2);
    last().sink.ready(false);
    last().answer(2, 0);
    expect((await second).kind).toBe("value");
  });

  test("restarts stop at maxRestarts: every pending request gets the fault, later calls are stopped", async () => {
    const { subject, instances, last } = harness({ maxRestarts: 1, maxInFlight: 2 });
    const answers = collect([1, 2, 3].map((n) => subject.call("klFormula", { n })));
    last().sink.ready(false);
    last().answer(1, 0); // it responded, so this is not a failed start
    last().exit(1);
    await flush();
    expect(fault(answers[1]).fault).toBe("crashed");
    expect(instances).toHaveLength(2);
    last().sink.ready(false);
    expect(last().requests.map((r) => r.id)).toEqual([3]);
    last().sink.message({ id: 3, value: "x" }, "x"); // responded (badly)
    const later = collect([subject.call("klFormula", { n: 4 })]);
    last().sink.ready(false);
    last().exit(1);
    await flush();
    expect(fault(later[0])).toEqual({ fault: "crashed", detail: "exited with status 1 before answering" });
    expect(subject.log().stoppedBecause).toBe("it was restarted 1 times, the limit (last: crashed: exited with status 1 before answering)");
    const after = await subject.call("klFormula", { n: 5 });
    expect(fault(after)).toEqual({
      fault: "stopped",
      detail: "not sent: the subject was stopped because it was restarted 1 times, the limit (last: crashed: exited with status 1 before answering)",
    });
    expect(instances).toHaveLength(2);
  });

  test("maxRestarts 0: the first death stops the subject", async () => {
    const { subject, instances, last } = harness({ maxRestarts: 0 });
    const answers = collect([subject.call("klFormula", { n: 1 }), subject.call("klFormula", { n: 2 })]);
    last().sink.ready(false);
    last().answer(1, 0);
    last().exit(0);
    await flush();
    expect(fault(answers[1]).fault).toBe("exited");
    expect(subject.log().stoppedBecause).toMatch(/^it was restarted 0 times, the limit/);
    expect(instances).toHaveLength(1);
  });

  test("maxFailedStartsInARow instances dying without a word stop the subject", async () => {
    const { subject, instances, last } = harness({ maxFailedStartsInARow: 2, maxInFlight: 1 });
    const answers = collect([1, 2, 3].map((n) => subject.call("klFormula", { n })));
    last().sink.ready(false);
    last().exit(1);
    await flush();
    last().sink.ready(false);
    last().exit(1);
    await flush();
    expect(instances).toHaveLength(2);
    expect(answers.map((a) => a?.kind)).toEqual(["fault", "fault", "fault"]);
    expect(fault(answers[2])).toEqual({ fault: "stopped", detail: "not sent: the subject was stopped because 2 starts in a row died without answering anything (last: crashed: exited with status 1 before answering)" });
    expect(subject.log().stoppedBecause).toBe("2 starts in a row died without answering anything (last: crashed: exited with status 1 before answering)");
  });

  test("a start that responds resets the count of failed starts", async () => {
    const { subject, instances, last } = harness({ maxFailedStartsInARow: 2, maxInFlight: 1 });
    const answers = collect([1, 2, 3, 4].map((n) => subject.call("klFormula", { n })));
    last().sink.ready(false);
    last().exit(1); // failed start 1: request 1 faulted
    await flush();
    last().sink.ready(false);
    last().answer(2, 0); // this one answered
    last().exit(1); // request 3 faulted, but the instance had responded
    await flush();
    last().sink.ready(false);
    last().exit(1); // failed start 1 again, not 2: request 4 faulted, a fresh instance would be started
    await flush();
    expect(answers.map((a) => a?.kind)).toEqual(["fault", "value", "fault", "fault"]);
    expect(subject.log().stoppedBecause).toBeNull();
    expect(instances).toHaveLength(3);
  });

  test("a start that throws: start-failed for the calls waiting for it, never retried", async () => {
    const { subject, instances } = harness({}, { startErrors: [new Error("spawn nope ENOENT")] });
    const answers = collect([subject.call("klFormula", { n: 1 }), subject.call("klFormula", { n: 2 })]);
    await flush();
    expect(answers.map((a) => fault(a))).toEqual([
      { fault: "start-failed", detail: "spawn nope ENOENT" },
      { fault: "stopped", detail: "not sent: the subject was stopped because it could not start: spawn nope ENOENT" },
    ]);
    expect(subject.log().stoppedBecause).toBe("it could not start: spawn nope ENOENT");
    expect(fault(await subject.call("klFormula", { n: 3 })).fault).toBe("stopped");
    expect(instances).toHaveLength(1);
    expect(subject.log().faults).toContainEqual({ kind: "start-failed", ids: [1], detail: "spawn nope ENOENT", instance: 1 });
    expect(subject.log().faultCounts).toMatchObject({ stopped: 2 });
  });

  test("calls queued while an instance is starting share its start failure", async () => {
    const { subject, last } = harness();
    const answers = collect([subject.call("klFormula", { n: 1 }), subject.call("klFormula", { n: 2 })]);
    last().sink.lost("start-failed", "the module failed to load: boom");
    await flush();
    expect(answers.map((a) => fault(a))).toEqual([
      { fault: "start-failed", detail: "the module failed to load: boom" },
      { fault: "start-failed", detail: "the module failed to load: boom" },
    ]);
  });

  test("a start that throws a non-Error is quoted as text", async () => {
    const { subject } = harness({}, { startErrors: ["plain string"] });
    expect(fault(await subject.call("klFormula", { n: 1 })).detail).toBe("plain string");
  });

  test("lost before ready (a module that fails to load): start-failed, no restart", async () => {
    const { subject, instances, last } = harness();
    const answer = subject.call("klFormula", { n: 1 });
    last().sink.lost("start-failed", "the module failed to load: SyntaxError");
    expect(fault(await answer)).toEqual({ fault: "start-failed", detail: "the module failed to load: SyntaxError" });
    expect(subject.log().stoppedBecause).toBe("it could not start: the module failed to load: SyntaxError");
    expect(instances).toHaveLength(1);
  });
});

describe("timeouts", () => {
  test("never ready: start-failed after timeoutMs + startGraceMs", async () => {
    const { subject, instances } = harness({ timeoutMs: 1000, startGraceMs: 500 });
    const answers = collect([subject.call("klFormula", { n: 1 })]);
    await vi.advanceTimersByTimeAsync(1499);
    expect(answers[0]).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(fault(answers[0])).toEqual({ fault: "start-failed", detail: "not ready 1500 ms after starting" });
    expect(instances[0]!.kills).toEqual(["start-failed"]);
  });

  test("ready in time: no start failure later", async () => {
    const { subject, last } = harness({ timeoutMs: 1000, startGraceMs: 500 });
    const answers = collect([subject.call("klFormula", { n: 1 })]);
    await vi.advanceTimersByTimeAsync(1400);
    last().sink.ready(true);
    last().answer(1, 0);
    await vi.advanceTimersByTimeAsync(5000);
    expect(answers[0]?.kind).toBe("value");
    expect(subject.log().faults).toEqual([]);
  });

  test("no sign of life from a fresh program: timeoutMs + startGraceMs, then killed as hung", async () => {
    const { subject, instances, last } = harness({ timeoutMs: 1000, startGraceMs: 500 });
    const answers = collect([subject.call("klFormula", { n: 1 })]);
    last().sink.ready(false);
    await vi.advanceTimersByTimeAsync(1498);
    expect(answers[0]).toBeUndefined();
    await vi.advanceTimersByTimeAsync(2);
    expect(fault(answers[0])).toEqual({ fault: "timeout", detail: "no output at all since it started for 1500 ms: killed as hung; this was the oldest pending request" });
    expect(instances[0]!.kills).toEqual(["timeout"]);
  });

  test("once it has shown life, timeoutMs without progress; progress restarts the clock", async () => {
    const { subject, last } = harness({ timeoutMs: 1000, startGraceMs: 500 });
    const answers = collect([subject.call("klFormula", { n: 1 }), subject.call("klFormula", { n: 2 })]);
    last().sink.ready(true);
    await vi.advanceTimersByTimeAsync(900);
    last().sink.progress();
    await vi.advanceTimersByTimeAsync(900);
    last().answer(1, 0); // an answer is progress too
    await vi.advanceTimersByTimeAsync(998);
    expect(answers[1]).toBeUndefined();
    await vi.advanceTimersByTimeAsync(2);
    expect(fault(answers[1])).toEqual({ fault: "timeout", detail: "no answer and no output for 1000 ms: killed as hung; this was the oldest pending request" });
  });

  test("an idle instance is never timed out, and the clock starts when it gets busy", async () => {
    const { subject, last } = harness({ timeoutMs: 1000 });
    const first = subject.call("klFormula", { n: 1 });
    last().sink.ready(true);
    last().answer(1, 0);
    await first;
    await vi.advanceTimersByTimeAsync(10_000);
    const answers = collect([subject.call("klFormula", { n: 2 })]);
    await vi.advanceTimersByTimeAsync(999);
    expect(answers[0]).toBeUndefined();
    last().answer(2, 0);
    await flush();
    expect(answers[0]?.kind).toBe("value");
    expect(subject.log().faults).toEqual([]);
  });

  test("a bad line is progress too", async () => {
    const { subject, last } = harness({ timeoutMs: 1000 });
    const answers = collect([subject.call("klFormula", { n: 1 })]);
    last().sink.ready(true);
    await vi.advanceTimersByTimeAsync(900);
    last().sink.badMessage("invalid-json", "garbage", undefined, "garbage");
    await vi.advanceTimersByTimeAsync(900);
    expect(answers[0]).toBeUndefined();
    await vi.advanceTimersByTimeAsync(100);
    expect(fault(answers[0]).fault).toBe("timeout");
  });
});

describe("closing", () => {
  test("waits for the requests in flight, closes the input, and stops calls made after", async () => {
    const { subject, last } = harness({ maxInFlight: 1 });
    const answers = collect([subject.call("klFormula", { n: 1 }), subject.call("klFormula", { n: 2 })]);
    last().sink.ready(false);
    let log: SubjectLog | undefined;
    const closing = subject.close();
    void closing.then((l) => (log = l));
    expect(subject.close()).toBe(closing);
    await flush();
    expect(fault(answers[1])).toEqual({ fault: "stopped", detail: "not sent: the subject was closed first" });
    expect(last().inputEnded).toBe(true);
    expect(log).toBeUndefined();
    last().answer(1, 0);
    await flush();
    expect(log).toBeUndefined(); // a program has closeGraceMs to exit by itself
    last().exit(0);
    await flush();
    expect(log).toBeDefined();
    expect(answers[0]?.kind).toBe("value");
    expect(log!.faults).toEqual([{ kind: "stopped", ids: [2], detail: "not sent: the subject was closed first", instance: 1 }]);
    expect(log!.instances[0]!.exit).toEqual({ code: 0, signal: null, killedBy: null });
    expect(last().kills).toEqual(["close"]); // buried without blame; kill() of an exited instance does nothing
    expect(fault(await subject.call("klFormula", { n: 3 }))).toEqual({ fault: "stopped", detail: "not sent: the subject was already closed" });
  });

  test("a program that ignores the end of its input is killed after closeGraceMs", async () => {
    const { subject, last } = harness({ closeGraceMs: 100 });
    const first = subject.call("klFormula", { n: 1 });
    last().sink.ready(false);
    last().answer(1, 0);
    await first;
    const closing = subject.close();
    await vi.advanceTimersByTimeAsync(99);
    expect(last().kills).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    const log = await closing;
    expect(last().kills).toEqual(["ignored-eof"]);
    expect(log.faults).toEqual([{ kind: "ignored-eof", ids: [], detail: "still running 100 ms after its stdin was closed: killed", instance: 1 }]);
  });

  test("a crash after the input closed is logged as a crash, and nothing is faulted", async () => {
    const { subject, last } = harness();
    const first = subject.call("klFormula", { n: 1 });
    last().sink.ready(false);
    last().answer(1, 0);
    await first;
    last().stderrLine = "Traceback";
    const closing = subject.close();
    await flush();
    last().exit(1);
    const log = await closing;
    expect(log.faults).toEqual([{ kind: "crashed", ids: [], detail: "exited with status 1 after its input was closed (its stderr ends with: Traceback)", instance: 1 }]);
    expect(log.requestsFaulted).toBe(0);
  });

  test("a worker (which does not exit by itself) is killed as soon as its calls are settled", async () => {
    const { subject, last } = harness({}, { exitsWhenInputEnds: false });
    const first = subject.call("klFormula", { n: 1 });
    last().sink.ready(true);
    last().answer(1, 0);
    await first;
    const log = await subject.close();
    expect(last().kills).toEqual(["close"]);
    expect(log.faults).toEqual([]);
    expect(log.instances[0]!.exit).toEqual({ code: null, signal: "SIGKILL", killedBy: "close" });
  });

  test("a request still pending at close keeps its timeout", async () => {
    const { subject, last } = harness({ timeoutMs: 1000, startGraceMs: 0 });
    const answers = collect([subject.call("klFormula", { n: 1 })]);
    last().sink.ready(true);
    const closing = subject.close();
    await vi.advanceTimersByTimeAsync(1000);
    const log = await closing;
    expect(fault(answers[0]).fault).toBe("timeout");
    expect(fault(answers[0]).detail).toBe("no answer and no output for 1000 ms: killed as hung");
    expect(log.faults.map((f) => f.kind)).toEqual(["timeout"]);
  });

  test("closing before any call starts nothing; closing a stopped subject kills nothing twice", async () => {
    const { subject, instances } = harness();
    const log = await subject.close();
    expect(instances).toHaveLength(0);
    expect(log).toEqual({
      description: "scripted subject",
      requestsSent: 0,
      requestsAnswered: 0,
      requestsFaulted: 0,
      faults: [],
      faultCounts: {},
      instances: [],
      stoppedBecause: null,
      quarantined: [],
      stopped: [],
    });
    const other = harness({ maxRestarts: 0 });
    const answer = other.subject.call("klFormula", { n: 1 });
    other.last().sink.ready(false);
    other.last().exit(1);
    await answer;
    await other.subject.close();
    expect(other.instances[0]!.kills).toEqual(["cleanup"]);
  });

  test("fault counts include faults beyond maxFaultsLogged", async () => {
    const { subject, last } = harness({ maxFaultsLogged: 1 });
    const answer = subject.call("klFormula", { n: 1 });
    last().sink.ready(false);
    for (let i = 0; i < 3; i++) last().answer(50 + i, 0);
    last().answer(1, 0);
    await answer;
    expect(subject.log().faults).toHaveLength(1);
    expect(subject.log().faultCounts).toEqual({ "unknown-id": 3 });
  });
});

/**
 * Makes performance.now() (the supervisor's clock) run ahead of the fake timers, the way it does when bonkl's own event
 * loop is blocked: time passes, but no timer fires until the loop is free again. Negative: a timer firing early.
 */
function stallableClock(): (ms: number) => void {
  const fakeNow = performance.now.bind(performance);
  let stalled = 0;
  vi.spyOn(performance, "now").mockImplementation(() => fakeNow() + stalled);
  return (ms) => {
    stalled += ms;
  };
}

describe("more calls", () => {
  test("args that are not an object (a string, a number, undefined) are rejected as not a plain object", async () => {
    const { subject, instances } = harness();
    for (const args of ["n=1", 5, undefined, true]) {
      await expect(subject.call("klBon", args as unknown as object)).rejects.toMatchObject({ field: "args", reason: "must be a plain object" });
    }
    expect(instances).toHaveLength(0);
  });

  test("after a send fails, bonkl writes nothing more to that instance, even when its window frees up", async () => {
    const { subject, last, instances } = harness({ maxInFlight: 3 });
    const answers = collect([subject.call("klFormula", { n: 1 }), subject.call("klFormula", { n: 2 })]);
    last().sink.ready(false);
    expect(last().requests.map((r) => r.id)).toEqual([1, 2]);
    last().sendProblem = "its stdin is closed (EPIPE)";
    const third = collect([subject.call("klFormula", { n: 3 })]);
    expect(last().sendAttempts).toBe(3);
    last().answer(1, 0);
    await flush();
    expect(last().sendAttempts).toBe(3);
    last().exit(0);
    await flush();
    expect(instances).toHaveLength(2);
    last().sink.ready(false);
    expect(last().requests.map((r) => r.id)).toEqual([3]);
    last().answer(3, 0);
    await flush();
    expect([...answers, ...third].map((a) => a?.kind)).toEqual(["value", "fault", "value"]);
  });

  test("an end with a signal is a crash, whatever exit code comes with it", async () => {
    const { subject, last } = harness();
    const answer = subject.call("klFormula", { n: 1 });
    last().sink.ready(false);
    last().exit(0, "SIGTERM");
    expect(fault(await answer)).toEqual({ fault: "crashed", detail: "was killed by signal SIGTERM before answering; this was the oldest pending request" });
  });
});

describe("more timeouts", () => {
  test("sending another request is not progress: the hang clock of the busy instance keeps running", async () => {
    const { subject, last } = harness({ timeoutMs: 1000, maxInFlight: 2 });
    const answers = collect([subject.call("klFormula", { n: 1 })]);
    last().sink.ready(true);
    await vi.advanceTimersByTimeAsync(900);
    void subject.call("klFormula", { n: 2 });
    expect(last().requests.map((r) => r.id)).toEqual([1, 2]);
    await vi.advanceTimersByTimeAsync(99);
    expect(answers[0]).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(fault(answers[0])).toEqual({
      fault: "timeout",
      detail: "no answer and no output for 1000 ms: killed as hung; this was the oldest pending request (the 1 other pending request(s) were sent again to a fresh start)",
    });
  });

  test("a repeated ready() does not restart the hang clock nor end the start-up grace", async () => {
    const { subject, last } = harness({ timeoutMs: 1000, startGraceMs: 500 });
    const answers = collect([subject.call("klFormula", { n: 1 })]);
    last().sink.ready(false);
    await vi.advanceTimersByTimeAsync(900);
    last().sink.ready(false);
    await vi.advanceTimersByTimeAsync(599);
    expect(answers[0]).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(fault(answers[0]).detail).toBe("no output at all since it started for 1500 ms: killed as hung; this was the oldest pending request");
  });

  test("a program's first output ends its start-up grace: from then on timeoutMs without progress is a hang", async () => {
    const { subject, last } = harness({ timeoutMs: 1000, startGraceMs: 500 });
    const answers = collect([subject.call("klFormula", { n: 1 })]);
    last().sink.ready(false);
    await vi.advanceTimersByTimeAsync(100);
    last().sink.progress(); // a first byte, no answer
    await vi.advanceTimersByTimeAsync(1400); // more than timeoutMs since that byte
    expect(fault(answers[0]).detail).toBe("no answer and no output for 1000 ms: killed as hung; this was the oldest pending request");
  });

  test("output that never settles a request: killed as hung after SETTLE_LIMIT (10) timeouts of it", async () => {
    const { subject, last } = harness({ timeoutMs: 1000, maxInFlight: 1 });
    await vi.advanceTimersByTimeAsync(5000); // the clock does not start at 0
    const answers = collect([subject.call("klFormula", { n: 1 })]);
    last().sink.ready(true);
    for (let i = 0; i < 19; i++) {
      await vi.advanceTimersByTimeAsync(500);
      last().sink.progress(); // it keeps writing (say, a progress bar), never an answer
    }
    await vi.advanceTimersByTimeAsync(499);
    expect(answers[0]).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(fault(answers[0])).toEqual({
      fault: "timeout",
      detail: "output but no answer for 10000 ms (10 times the timeout): killed as hung; this was the oldest pending request",
    });
    expect(last().kills).toEqual(["timeout"]);
  });

  test("a hang timer that fires late (bonkl's event loop was blocked) does not blame the subject: its clock starts again", async () => {
    const stall = stallableClock();
    const { subject, last } = harness({ timeoutMs: 1000 });
    const answers = collect([subject.call("klFormula", { n: 1 })]);
    last().sink.ready(true);
    await vi.advanceTimersByTimeAsync(999);
    stall(2000); // bonkl computed for 2 s: the subject's answer may be waiting unread
    await vi.advanceTimersByTimeAsync(1);
    expect(answers[0]).toBeUndefined();
    expect(subject.log().faults).toEqual([]);
    await vi.advanceTimersByTimeAsync(999);
    expect(answers[0]).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1); // a full timeoutMs of silence after bonkl could listen again
    expect(fault(answers[0]).detail).toBe("no answer and no output for 1000 ms: killed as hung; this was the oldest pending request");
  });

  test.each([
    { timeoutMs: 1000, lateBy: 100, forgiven: false },
    { timeoutMs: 1000, lateBy: 101, forgiven: true },
    { timeoutMs: 200, lateBy: 50, forgiven: false },
    { timeoutMs: 200, lateBy: 51, forgiven: true },
  ])("a hang timer late by $lateBy ms (timeout $timeoutMs ms) is forgiven: $forgiven (only lateness over max(50 ms, timeout/10) is)", async ({ timeoutMs, lateBy, forgiven }) => {
    const stall = stallableClock();
    const { subject, last } = harness({ timeoutMs });
    const answers = collect([subject.call("klFormula", { n: 1 })]);
    last().sink.ready(true);
    await vi.advanceTimersByTimeAsync(timeoutMs - 1);
    stall(lateBy);
    await vi.advanceTimersByTimeAsync(1);
    if (forgiven) {
      expect(answers[0]).toBeUndefined();
      last().answer(1, 0.5); // what it wrote while bonkl was busy
      await flush();
      expect(answers[0]?.kind).toBe("value");
    } else {
      expect(fault(answers[0]).fault).toBe("timeout");
    }
  });

  test("a hang timer that fires a millisecond early (timer rounding) still ends a silent subject then", async () => {
    const stall = stallableClock();
    const { subject, last } = harness({ timeoutMs: 1000 });
    const answers = collect([subject.call("klFormula", { n: 1 })]);
    last().sink.ready(true);
    await vi.advanceTimersByTimeAsync(999);
    stall(-1); // the timer runs when the clock says 999 ms
    await vi.advanceTimersByTimeAsync(1);
    expect(fault(answers[0]).detail).toBe("no answer and no output for 1000 ms: killed as hung; this was the oldest pending request");
  });
});

describe("more closing", () => {
  test("close waits for every request in flight, not just the first to settle", async () => {
    const { subject, last } = harness({ maxInFlight: 2, closeGraceMs: 100, timeoutMs: 1000 });
    const answers = collect([subject.call("klFormula", { n: 1 }), subject.call("klFormula", { n: 2 })]);
    last().sink.ready(true);
    let log: SubjectLog | undefined;
    void subject.close().then((l) => (log = l));
    last().answer(1, 0);
    await vi.advanceTimersByTimeAsync(500); // longer than closeGraceMs
    expect(last().kills).toEqual([]);
    last().answer(2, 0);
    last().exit(0);
    await flush();
    expect(answers.map((a) => a?.kind)).toEqual(["value", "value"]);
    expect(log?.faults).toEqual([]);
  });

  test("an instance that ends during close without answering: its pending requests get the fault", async () => {
    const { subject, last } = harness();
    const answers = collect([subject.call("klFormula", { n: 1 })]);
    last().sink.ready(false);
    const closing = subject.close();
    await flush();
    last().exit(0);
    const log = await closing;
    expect(fault(answers[0])).toEqual({ fault: "exited", detail: "exited with status 0 before answering" });
    expect(log.requestsFaulted).toBe(1);
  });

  test("a death during close is not a stop: stoppedBecause stays null", async () => {
    const { subject, last } = harness({ timeoutMs: 1000, maxRestarts: 0, maxFailedStartsInARow: 1 });
    const answers = collect([subject.call("klFormula", { n: 1 })]);
    last().sink.ready(true);
    const closing = subject.close();
    await vi.advanceTimersByTimeAsync(1000);
    const log = await closing;
    expect(fault(answers[0]).fault).toBe("timeout");
    expect(log.stoppedBecause).toBeNull();
  });

  test("an instance that fails to start while the subject closes: the failure is logged once", async () => {
    const { subject, last } = harness({ closeGraceMs: 100 });
    const answers = collect([subject.call("klFormula", { n: 1 })]);
    const closing = subject.close();
    await flush();
    last().sink.lost("start-failed", "the module failed to load: boom");
    const log = await closing;
    expect(fault(answers[0]).fault).toBe("stopped");
    expect(log.faults).toEqual([
      { kind: "stopped", ids: [1], detail: "not sent: the subject was closed first", instance: 1 },
      { kind: "start-failed", ids: [], detail: "the module failed to load: boom", instance: 1 },
    ]);
    expect(log.faultCounts).toEqual({ stopped: 1, "start-failed": 1 });
  });

  test("after close, no timer of the subject is left to keep the process alive (requests answered, exit in the grace)", async () => {
    const { subject, last } = harness({ maxInFlight: 2, closeGraceMs: 100 });
    const answers = collect([subject.call("klFormula", { n: 1 }), subject.call("klFormula", { n: 2 })]);
    last().sink.ready(false);
    last().answer(1, 0);
    last().answer(2, 0);
    const closing = subject.close();
    await flush();
    last().exit(0);
    await closing;
    expect(answers.map((a) => a?.kind)).toEqual(["value", "value"]);
    expect(vi.getTimerCount()).toBe(0);
  });

  test("after close, no timer is left from instances that died busy or while starting", async () => {
    const busy = harness({ maxRestarts: 0 });
    const first = busy.subject.call("klFormula", { n: 1 });
    busy.last().sink.ready(false);
    busy.last().exit(1);
    expect(fault(await first).fault).toBe("crashed");
    await busy.subject.close();
    expect(vi.getTimerCount()).toBe(0);

    const starting = harness();
    const second = starting.subject.call("klFormula", { n: 1 });
    starting.last().sink.lost("start-failed", "the module failed to load: boom");
    expect(fault(await second).fault).toBe("start-failed");
    await starting.subject.close();
    expect(vi.getTimerCount()).toBe(0);
  });
});

/**
 * Plays a subject that answers requests in the order sent, except that it dies (exit 1) on every request `dies`
 * picks, until every call is settled; each fresh instance gets ready at once.
 */
async function serveInOrder(h: Harness, answers: (Answer | undefined)[], dies: (request: Request) => boolean): Promise<void> {
  const answered = new Set<number>();
  for (let round = 0; round < 1000 && answers.some((a) => a === undefined); round++) {
    const instance = h.last();
    if (instance.status === null && instance.sink !== undefined) {
      instance.sink.ready(false);
      const next = instance.requests.find((r) => !answered.has(r.id));
      if (next !== undefined) {
        if (dies(next)) instance.exit(1);
        else {
          answered.add(next.id);
          instance.answer(next.id, 0);
        }
      }
    }
    await flush();
  }
}

describe("blame and quarantine", () => {
  const calls = (h: Harness, ops: [string, object][]) => collect(ops.map(([op, args]) => h.subject.call(op, args)));
  const crashesOnLongP = (r: Request): boolean => r.op === "klBon" && ((r.args as { p: unknown[] }).p?.length ?? 0) >= 3;

  test("an op whose requests keep killing the subject is quarantined after maxDeathsPerOp deaths; the other ops are all answered", async () => {
    const h = harness({ maxInFlight: 1, maxRestarts: 10 });
    // Like the engine: every case of every op asked up front, klBon's before the others'; klBon crashes for L >= 3.
    const klBon = Array.from({ length: 8 }, (_, i): [string, object] => ["klBon", { p: Array(i % 2 === 0 ? 3 : 2).fill(0.5), n: 2 }]);
    const others = Array.from({ length: 6 }, (_, i): [string, object] => [i % 2 === 0 ? "klFormula" : "renyi2", { n: 2, p: [1] }]);
    const answers = calls(h, [...klBon, ...others]);
    await serveInOrder(h, answers, crashesOnLongP);
    const kinds = answers.map((a) => (a?.kind === "fault" ? a.fault : a?.kind));
    // klBon 1, 3, 5 crash (blamed, one each); 2, 4 are answered; 6, 7, 8 are not sent once klBon is quarantined.
    expect(kinds).toEqual(["crashed", "value", "crashed", "value", "crashed", "stopped", "stopped", "stopped", ...Array(6).fill("value")]);
    expect(fault(answers[4]).detail).toBe(
      "exited with status 1 before answering; this was the oldest pending request; klBon is now quarantined (3 of its requests killed the subject): its other requests are not sent",
    );
    expect(fault(answers[5]).detail).toBe("not sent: op klBon is quarantined: 3 of its requests each killed the subject (requests 1, 3, 5; the last: crashed: exited with status 1 before answering)");
    const log = h.subject.log();
    expect(log.stoppedBecause).toBeNull();
    expect(log.quarantined).toEqual([{ op: "klBon", ids: [1, 3, 5], reason: fault(answers[5]).detail.replace(/^not sent: /, "") }]);
    expect(log.stopped).toEqual([{ op: "klBon", reason: fault(answers[5]).detail, count: 3, sent: false }]);
    expect(h.instances).toHaveLength(4);
    // A later call of the quarantined op is stopped at once, without reaching the subject.
    const sentBefore = log.requestsSent;
    expectFaultKind(await h.subject.call("klBon", { p: [0.5, 0.5], n: 2 }), "stopped");
    expect(h.subject.log().requestsSent).toBe(sentBefore);
  });

  test("fresh starts dying unanswered on one op do not stop a subject that has answered before: the op is quarantined", async () => {
    const h = harness({ maxInFlight: 1, maxFailedStartsInARow: 3, maxDeathsPerOp: 4 });
    const klBon = Array.from({ length: 5 }, (): [string, object] => ["klBon", { p: [0.2, 0.3, 0.5], n: 2 }]);
    const answers = calls(h, [["klFormula", { n: 1 }], ...klBon, ["renyi2", { p: [1] }]]);
    await serveInOrder(h, answers, crashesOnLongP);
    // Instance 1 answers klFormula, then dies on klBon; instances 2, 3 and 4 die on klBon before answering anything.
    expect(answers.map((a) => (a?.kind === "fault" ? a.fault : a?.kind))).toEqual(["value", "crashed", "crashed", "crashed", "crashed", "stopped", "value"]);
    expect(h.subject.log().stoppedBecause).toBeNull();
    expect(h.subject.log().quarantined.map((q) => [q.op, q.ids])).toEqual([["klBon", [2, 3, 4, 5]]]);
    expect(h.instances).toHaveLength(5);
  });

  test("deaths at start before the subject ever answered still stop it after maxFailedStartsInARow", async () => {
    const h = harness({ maxInFlight: 1, maxFailedStartsInARow: 3, maxDeathsPerOp: 10 });
    const answers = calls(h, [["klBon", { p: [1, 1, 1] }], ["klFormula", { n: 1 }], ["renyi2", { p: [1] }], ["klFormula", { n: 2 }]]);
    await serveInOrder(h, answers, () => true);
    expect(answers.map((a) => (a?.kind === "fault" ? a.fault : a?.kind))).toEqual(["crashed", "crashed", "crashed", "stopped"]);
    expect(h.subject.log().stoppedBecause).toBe("3 starts in a row died without answering anything (last: crashed: exited with status 1 before answering)");
  });

  test("when the subject is stopped, the requests in flight that are not to blame are stopped, not failed", async () => {
    const h = harness({ maxInFlight: 3, maxRestarts: 0 });
    const answers = calls(h, [["klFormula", { n: 1 }], ["klFormula", { n: 2 }], ["klFormula", { n: 3 }]]);
    h.last().sink.ready(false);
    h.last().exit(1);
    await flush();
    expect(fault(answers[0])).toEqual({ fault: "crashed", detail: "exited with status 1 before answering; this was the oldest pending request (the 2 other pending request(s) were given up)" }); // not alone: the others are named
    const innocent = "sent, but given up: the instance 1 died (crashed) and the subject was stopped because it was restarted 0 times, the limit (last: crashed: exited with status 1 before answering); this request was not to blame";
    expect(answers.slice(1).map((a) => fault(a))).toEqual([
      { fault: "stopped", detail: innocent },
      { fault: "stopped", detail: innocent },
    ]);
    expect(h.subject.log().stopped).toEqual([{ op: "klFormula", reason: innocent, count: 2, sent: true }]);
  });

  test("a subject that answers out of order: a death with several in flight blames none; each is sent again alone, and the next death names its request", async () => {
    const h = harness({ maxInFlight: 4 });
    const answers = calls(h, [1, 2, 3, 4].map((n): [string, object] => ["klFormula", { n }]));
    h.last().sink.ready(false);
    expect(h.last().requests.map((r) => r.id)).toEqual([1, 2, 3, 4]);
    h.last().answer(2, 0); // out of order: 1 is still pending
    await flush();
    h.last().exit(1);
    await flush();
    expect(answers.map((a) => a?.kind)).toEqual([undefined, "value", undefined, undefined]);
    expect(h.subject.log().faults).toEqual([
      { kind: "crashed", ids: [], detail: "exited with status 1 before answering; it answered out of order, so none of the 3 requests in flight is blamed: each is sent again, alone", instance: 1 },
    ]);
    // The suspects go one at a time: 1 alone, answered; then 3 alone, which kills the instance: 3 is to blame.
    h.last().sink.ready(false);
    expect(h.last().requests.map((r) => r.id)).toEqual([1]);
    h.last().answer(1, 0);
    await flush();
    expect(h.last().requests.map((r) => r.id)).toEqual([1, 3]);
    h.last().exit(1);
    await flush();
    expect(fault(answers[2])).toEqual({ fault: "crashed", detail: "exited with status 1 before answering; this was the oldest pending request" });
    h.last().sink.ready(false);
    expect(h.last().requests.map((r) => r.id)).toEqual([4]);
    h.last().answer(4, 0);
    await flush();
    expect(answers.map((a) => a?.kind)).toEqual(["value", "value", "fault", "value"]);
  });

  test("requests not yet sent wait behind a suspect, then go together again", async () => {
    const h = harness({ maxInFlight: 4 });
    const answers = calls(h, [1, 2, 3].map((n): [string, object] => ["klFormula", { n }]));
    h.last().sink.ready(false);
    h.last().answer(2, 0);
    h.last().exit(1); // suspects: 1 and 3
    await flush();
    const later = calls(h, [4, 5].map((n): [string, object] => ["klFormula", { n }]));
    h.last().sink.ready(false);
    expect(h.last().requests.map((r) => r.id)).toEqual([1]);
    h.last().answer(1, 0);
    await flush();
    expect(h.last().requests.map((r) => r.id)).toEqual([1, 3]);
    h.last().answer(3, 0);
    await flush();
    expect(h.last().requests.map((r) => r.id)).toEqual([1, 3, 4, 5]);
    h.last().answer(4, 0);
    h.last().answer(5, 0);
    await flush();
    expect([...answers, ...later].map((a) => a?.kind)).toEqual(["value", "value", "value", "value", "value"]);
  });
});

function expectFaultKind(answer: Answer, kind: string): void {
  expect(fault(answer).fault).toBe(kind);
}

describe("blame when the subject stops", () => {
  test("a subject that answered out of order and is then stopped: none of its requests in flight is blamed, all are stopped", async () => {
    const h = harness({ maxInFlight: 3, maxRestarts: 0 });
    const answers = collect([1, 2, 3].map((n) => h.subject.call("klFormula", { n })));
    h.last().sink.ready(false);
    h.last().answer(2, 0);
    h.last().exit(1);
    await flush();
    expect(answers.map((a) => (a?.kind === "fault" ? a.fault : a?.kind))).toEqual(["stopped", "value", "stopped"]);
    expect(h.subject.log().faults[0]).toEqual({
      kind: "crashed",
      ids: [],
      detail: "exited with status 1 before answering; it answered out of order, so none of the 2 requests in flight is blamed: they are stopped",
      instance: 1,
    });
  });
});
