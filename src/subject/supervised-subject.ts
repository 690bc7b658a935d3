/**
 * The Subject both kinds of subject share: it numbers requests, keeps at most `maxInFlight` of them in flight,
 * matches answers to requests by id (in any order), validates every answer, calls a subject hung when it shows no
 * progress for `timeoutMs` while requests are pending (plus `startGraceMs` before a fresh instance's first sign of
 * life: interpreter start-up, imports, module loading), and starts a fresh instance after a timeout or a death.
 *
 * Blame. When an instance dies (timeout, crash, exit, stdout closed, failure outside a call) with requests in flight,
 * one of them is to blame and gets the fault: the only one in flight, or else the oldest (the one a subject that
 * answers in order was working on). If the instance has answered out of order, the oldest is no more likely than any
 * other: none is blamed; each goes back to the queue as a suspect, to be sent again alone (nothing else in flight), so
 * that a later death names its request. The requests not to blame are sent again to the fresh instance, never failed.
 *
 * Quarantine. Once `maxDeathsPerOp` requests of one op have been blamed, the op is quarantined: its other requests
 * (queued, and later calls) are answered "stopped" without being sent, and the other ops go on (quarantine.ts).
 *
 * Stopping. A fresh instance is started after every death unless the start itself failed (program not found, module
 * not loading), or `maxRestarts` restarts have been used, or `maxFailedStartsInARow` instances in a row died without
 * writing a single response while none ever had (a subject that cannot start). Then the subject is stopped: the
 * request to blame gets the fault, the other requests in flight and every later call are answered "stopped", and the
 * log says why (`stoppedBecause`). Requests answered "stopped" are counted per op and reason (`stopped` in the log).
 */
import { InputError } from "../errors.ts";
import { SentIds } from "./sent-ids.ts";
import type { Request, Response, ValueResponse } from "../protocol/messages.ts";
import { FaultLog } from "./fault-log.ts";
import { Quarantine } from "./quarantine.ts";
import { StoppedTally } from "./stopped-tally.ts";
import type { Instance, InstanceSink } from "./instance.ts";
import { checkRequest, checkResponse, checkValueForOp, isUnsupported } from "./response-check.ts";
import type { Answer, FaultKind, Subject, SubjectLog } from "./subject.ts";

/** Every knob the supervisor needs, defaults already applied. */
export interface SupervisorSettings {
  timeoutMs: number;
  maxInFlight: number;
  maxRestarts: number;
  maxFailedStartsInARow: number;
  maxDeathsPerOp: number;
  closeGraceMs: number;
  startGraceMs: number;
  maxFaultsLogged: number;
}

/** A call waiting for its answer. */
interface Call {
  id: number;
  op: string;
  args: Record<string, unknown>;
  resolve: (answer: Answer) => void;
  /** A suspect: it was in flight when an instance that answers out of order died; it is sent alone. */
  alone: boolean;
  /** It was written to an instance at least once. */
  sent: boolean;
}

/** One instance's life. */
interface Run {
  number: number;
  instance: Instance;
  state: "starting" | "ready" | "dead";
  /** A send failed (its stdin is closed): no more requests go to it; its end settles what it holds. */
  inputClosed: boolean;
  /** Sent to this instance and not yet answered, in the order sent. */
  pending: Map<number, Call>;
  /** It answered a request while an older one was pending: the oldest pending request is not the one in hand. */
  outOfOrder: boolean;
  sent: number;
  answered: number;
  /** Response lines or messages of any kind, good or bad: proof the instance got going. */
  responded: number;
  /** It has shown a sign of life (a module loaded; a program wrote something): no more start-up grace. */
  started: boolean;
  /** The hang clock: the last sign of progress (any output, a settled request). */
  lastProgress: number;
  /**
   * When a request last settled (or the instance became busy, or bonkl forgave its own lateness). Output that
   * settles nothing keeps the hang clock going, but only for SETTLE_LIMIT timeouts from here (see armTimer).
   */
  clockStart: number;
  timer: NodeJS.Timeout | null;
  loadTimer: NodeJS.Timeout | null;
  /** Resolves once nothing of the instance remains (set when it is killed or cleaned up). */
  gone: Promise<void> | null;
}

const now = (): number => performance.now();
/**
 * Output is a sign of life, but a subject that keeps writing (junk lines, answers to ids never asked) without settling
 * a single pending request for this many timeouts is hung all the same; otherwise it could hold a run forever.
 */
const SETTLE_LIMIT = 10;
/** A hang timer that fires later than this after its due time means bonkl was busy, not the subject (see armTimer). */
const lateMs = (allowedMs: number): number => Math.max(50, allowedMs / 10);
const isDead = (run: Run): boolean => run.state === "dead";

export class SupervisedSubject implements Subject {
  private readonly queue: Call[] = [];
  private readonly runs: Run[] = [];
  private current: Run | null = null;
  private nextId = 1;
  private readonly sentIds = new SentIds();
  private restarts = 0;
  private failedInARow = 0;
  /** Some instance has written a response (of any kind): the subject can start. */
  private everResponded = false;
  private readonly quarantine: Quarantine;
  private readonly stoppedTally = new StoppedTally();
  private stoppedBecause: string | null = null;
  private closing = false;
  private closed: Promise<SubjectLog> | null = null;
  private readonly waiters = new Set<() => void>();
  private answeredCount = 0;
  private faultedCount = 0;
  private readonly faults: FaultLog;

  constructor(
    readonly description: string,
    private readonly newInstance: () => Instance,
    private readonly settings: SupervisorSettings,
  ) {
    this.faults = new FaultLog(settings.maxFaultsLogged);
    this.quarantine = new Quarantine(settings.maxDeathsPerOp);
  }

  call(op: string, args: object): Promise<Answer> {
    if (typeof op !== "string") return Promise.reject(new InputError("op", op, "must be a string"));
    if (typeof args !== "object" || args === null || Array.isArray(args)) {
      return Promise.reject(new InputError("args", args, "must be a plain object"));
    }
    const id = this.nextId;
    const problem = checkRequest({ id, op, args: args as Record<string, unknown> });
    if (problem !== undefined) return Promise.reject(new InputError("args", args, `cannot be sent as JSON: ${problem}`));
    this.nextId += 1;
    // A copy of what goes on the wire, taken now: the caller may reuse its objects, the subject gets fresh ones.
    const copy = JSON.parse(JSON.stringify(args)) as Record<string, unknown>;
    return new Promise<Answer>((resolve) => {
      const call: Call = { id, op, args: copy, resolve, alone: false, sent: false };
      const quarantined = this.quarantine.of(op);
      if (this.closing) this.fail([call], "stopped", "not sent: the subject was already closed", this.runs.length);
      else if (quarantined !== undefined) this.fail([call], "stopped", `not sent: ${quarantined.reason}`, this.runs.length);
      else {
        this.queue.push(call);
        this.pump();
      }
    });
  }

  close(): Promise<SubjectLog> {
    this.closed ??= this.shutDown();
    return this.closed;
  }

  log(): SubjectLog {
    return {
      description: this.description,
      requestsSent: this.sentIds.size,
      requestsAnswered: this.answeredCount,
      requestsFaulted: this.faultedCount,
      faults: this.faults.faults(),
      faultCounts: this.faults.faultCounts(),
      instances: this.runs.map((run) => ({
        instance: run.number,
        pid: run.instance.pid,
        requestsSent: run.sent,
        requestsAnswered: run.answered,
        exit: run.instance.exitStatus(),
        stderr: run.instance.stderr(),
        stdout: run.instance.stdout(),
      })),
      stoppedBecause: this.stoppedBecause,
      quarantined: this.quarantine.list(),
      stopped: this.stoppedTally.list(),
    };
  }

  // ---- sending ----

  /** Moves queued calls to the current instance (starting one if needed) while the window has room. */
  private pump(): void {
    if (this.queue.length === 0) return;
    if (this.closing || this.stoppedBecause !== null) {
      const detail = this.closing
        ? "not sent: the subject was closed first"
        : `not sent: the subject was stopped because ${this.stoppedBecause}`;
      this.fail(this.queue.splice(0), "stopped", detail, this.runs.length);
      return;
    }
    const run = this.current ?? this.startRun();
    while (run.state === "ready" && !run.inputClosed && this.queue.length > 0 && run.pending.size < this.settings.maxInFlight) {
      const call = this.queue[0] as Call;
      const quarantined = this.quarantine.of(call.op);
      if (quarantined !== undefined) {
        this.queue.shift();
        this.fail([call], "stopped", `not sent: ${quarantined.reason}`, run.number);
        continue;
      }
      // A suspect goes alone: it waits until nothing is in flight, and nothing goes with it.
      if (run.pending.size > 0 && (call.alone || (run.pending.values().next().value as Call).alone)) break;
      this.queue.shift();
      if (run.pending.size === 0) run.lastProgress = run.clockStart = now(); // busy from now on: the clock starts
      const request: Request = { id: call.id, op: call.op, args: call.args };
      const problem = run.instance.send(request);
      if (problem !== undefined) {
        // The subject never saw this request: not its fault. It goes back to the front of the queue for the next
        // instance. Usually the instance has just died (exited on an earlier request) and its end, which settles the
        // requests it holds, has not been processed yet; holding none, it is retired at once.
        this.queue.unshift(call);
        run.inputClosed = true;
        if (run.pending.size === 0) this.retire(run, "closed", `its input cannot take requests: ${problem}`);
        break;
      }
      call.sent = true;
      run.pending.set(call.id, call);
      run.sent += 1;
      this.sentIds.add(call.id);
    }
    this.armTimer(run);
  }

  private startRun(): Run {
    if (this.runs.length > 0) this.restarts += 1;
    const run: Run = {
      number: this.runs.length + 1,
      instance: this.newInstance(),
      state: "starting",
      inputClosed: false,
      pending: new Map(),
      outOfOrder: false,
      sent: 0,
      answered: 0,
      responded: 0,
      started: false,
      lastProgress: now(),
      clockStart: now(),
      timer: null,
      loadTimer: null,
      gone: null,
    };
    this.runs.push(run);
    this.current = run;
    const loadMs = this.settings.timeoutMs + this.settings.startGraceMs;
    run.loadTimer = setTimeout(() => {
      if (run.state === "starting") this.retire(run, "start-failed", `not ready ${loadMs} ms after starting`);
    }, loadMs);
    try {
      run.instance.start(this.sinkFor(run));
    } catch (error) {
      this.retire(run, "start-failed", error instanceof Error ? error.message : String(error));
    }
    return run;
  }

  // ---- what instances report ----

  private sinkFor(run: Run): InstanceSink {
    const alive = (): boolean => run.state !== "dead";
    return {
      ready: (started) => {
        if (run.state !== "starting") return;
        run.state = "ready";
        run.started = started;
        if (run.loadTimer !== null) clearTimeout(run.loadTimer);
        run.loadTimer = null;
        run.lastProgress = run.clockStart = now();
        this.pump();
      },
      progress: () => {
        if (!alive()) return;
        run.lastProgress = now();
        run.started = true;
      },
      message: (body, excerpt) => {
        if (!alive()) return;
        run.lastProgress = now();
        run.started = true;
        run.responded += 1;
        this.everResponded = true;
        this.onMessage(run, body, excerpt);
      },
      badMessage: (kind, detail, id, excerpt) => {
        if (!alive()) return;
        run.lastProgress = now();
        run.started = true;
        run.responded += 1;
        this.everResponded = true;
        this.onBadMessage(run, kind, detail, id, excerpt);
      },
      notice: (kind, detail, ids) => {
        if (alive()) this.faults.record(kind, ids, detail, run.number);
      },
      lost: (kind, detail) => this.retire(run, kind, detail),
      ended: (status) => this.onEnded(run, status),
    };
  }

  private onMessage(run: Run, body: unknown, excerpt: string): void {
    const checked = checkResponse(body);
    if (!checked.ok) {
      this.onBadMessage(run, "invalid-response", checked.detail, checked.id, excerpt);
      return;
    }
    const response: Response = checked.response;
    const call = run.pending.get(response.id);
    if (call === undefined) {
      if (this.sentIds.has(response.id)) {
        const detail = `a second answer for request ${response.id} (the first one stands)`;
        this.faults.record("duplicate-id", [response.id], detail, run.number, excerpt);
      } else {
        this.faults.record("unknown-id", [], `an answer for id ${response.id}, which bonkl never sent`, run.number, excerpt);
      }
      return;
    }
    let answer: Answer;
    const error = (response as { error?: unknown }).error;
    if (typeof error === "string") {
      answer = isUnsupported(error) ? { kind: "unsupported", id: call.id, message: error } : { kind: "error", id: call.id, message: error };
    } else {
      const problem = checkValueForOp(call.op, response);
      answer =
        problem === undefined
          ? { kind: "value", id: call.id, value: (response as ValueResponse).value, raw: body }
          : { kind: "fault", id: call.id, fault: "invalid-response", detail: problem };
    }
    this.settle(run, call, answer, excerpt);
  }

  private onBadMessage(run: Run, kind: FaultKind, detail: string, id: number | undefined, excerpt: string): void {
    const call = id === undefined ? undefined : run.pending.get(id);
    if (call !== undefined) {
      this.settle(run, call, { kind: "fault", id: call.id, fault: kind, detail }, excerpt);
      return;
    }
    const about =
      id === undefined ? "" : this.sentIds.has(id) ? ` (for request ${id}, already answered)` : ` (for id ${id}, which bonkl never sent)`;
    this.faults.record(kind, [], `${detail}${about}`, run.number, excerpt);
  }

  private onEnded(run: Run, status: { code: number | null; signal: string | null }): void {
    if (run.state === "dead") return;
    const crashed = status.signal !== null || status.code !== 0;
    const how = status.signal !== null ? `was killed by signal ${status.signal}` : `exited with status ${status.code}`;
    const stderr = run.instance.lastStderrLine();
    const hint = stderr === "" ? "" : ` (its stderr ends with: ${stderr})`;
    if (this.closing && run.pending.size === 0) {
      this.bury(run, "close");
      if (crashed) this.faults.record("crashed", [], `${how} after its input was closed${hint}`, run.number);
      return;
    }
    const when = run.pending.size > 0 ? "before answering" : "while idle";
    this.retire(run, crashed ? "crashed" : "exited", `${how} ${when}${hint}`, "cleanup");
  }

  // ---- settling ----

  private settle(run: Run, call: Call, answer: Answer, excerpt?: string): void {
    if (run.pending.keys().next().value !== call.id) run.outOfOrder = true;
    run.pending.delete(call.id);
    run.lastProgress = run.clockStart = now();
    if (answer.kind === "fault") {
      this.faultedCount += 1;
      this.faults.record(answer.fault, [call.id], answer.detail, run.number, excerpt);
    } else {
      this.answeredCount += 1;
      run.answered += 1;
    }
    call.resolve(answer);
    this.armTimer(run);
    this.notify();
    if (run.inputClosed && run.pending.size === 0) this.retire(run, "closed", "its stdin is closed and it answered all it held");
    else this.pump();
  }

  /** Answers calls with a fault, recorded once for all of them. */
  private fail(calls: Call[], kind: FaultKind, detail: string, instance: number): void {
    if (calls.length === 0) return;
    this.faults.record(kind, calls.map((c) => c.id), detail, instance);
    for (const call of calls) {
      this.faultedCount += 1;
      if (kind === "stopped") this.stoppedTally.add(call.op, detail, call.sent);
      call.resolve({ kind: "fault", id: call.id, fault: kind, detail });
    }
  }

  // ---- timeouts, deaths and restarts ----

  private armTimer(run: Run): void {
    if (run.state === "dead" || run.pending.size === 0) {
      if (run.timer !== null) clearTimeout(run.timer);
      run.timer = null;
      return;
    }
    if (run.timer !== null) return; // it re-checks the progress clock when it fires
    const allowed = (): number => this.settings.timeoutMs + (run.started ? 0 : this.settings.startGraceMs);
    const delay = Math.max(1, run.lastProgress + allowed() - now());
    const due = now() + delay;
    run.timer = setTimeout(() => {
      const firedAt = now();
      // Judge only after one more poll for I/O (setImmediate runs after it): timers run before I/O is polled, so an
      // answer already waiting in the pipe, unread because bonkl's event loop was busy, is seen before any verdict.
      setImmediate(() => {
        run.timer = null;
        if (run.state === "dead" || run.pending.size === 0) return;
        if (firedAt - due > lateMs(allowed())) {
          // The timer fired late: bonkl itself could not listen (its event loop was blocked, e.g. by a long oracle
          // computation, or the machine did not run it), so the subject's silence proves nothing: the clock starts
          // again from now.
          run.lastProgress = run.clockStart = now();
          this.armTimer(run);
          return;
        }
        const waited = now() - run.lastProgress;
        const unsettled = now() - run.clockStart;
        if (waited >= allowed() - 1) {
          const what = run.started ? "no answer and no output" : "no output at all since it started";
          this.retire(run, "timeout", `${what} for ${allowed()} ms: killed as hung`);
        } else if (unsettled >= SETTLE_LIMIT * allowed()) {
          this.retire(run, "timeout", `output but no answer for ${Math.round(unsettled)} ms (${SETTLE_LIMIT} times the timeout): killed as hung`);
        } else this.armTimer(run);
      });
    }, delay);
  }

  /** Marks a run dead and gets rid of its instance, without blaming anyone. */
  private bury(run: Run, killReason: string): void {
    run.state = "dead";
    if (run.timer !== null) clearTimeout(run.timer);
    if (run.loadTimer !== null) clearTimeout(run.loadTimer);
    run.timer = null;
    run.loadTimer = null;
    if (this.current === run) this.current = null;
    run.gone ??= run.instance.kill(killReason);
    this.notify();
  }

  /** The instance died or is killed: blame one of its pending requests (see Blame above), restart or stop. */
  private retire(run: Run, kind: FaultKind, detail: string, killReason: string = kind): void {
    if (run.state === "dead") return;
    const wasStarting = run.state === "starting";
    const pending = [...run.pending.values()];
    run.pending.clear();
    this.bury(run, killReason);
    this.failedInARow = run.responded === 0 ? this.failedInARow + 1 : 0;
    if (!this.closing && this.stoppedBecause === null) {
      if (kind === "start-failed") this.stoppedBecause = `it could not start: ${detail}`;
      else if (this.restarts >= this.settings.maxRestarts) {
        this.stoppedBecause = `it was restarted ${this.restarts} times, the limit (last: ${kind}: ${detail})`;
      } else if (this.failedInARow >= this.settings.maxFailedStartsInARow && !this.everResponded) {
        this.stoppedBecause = `${this.failedInARow} starts in a row died without answering anything (last: ${kind}: ${detail})`;
      }
    }
    const restarting = !this.closing && this.stoppedBecause === null;
    // Answered out of order with several in flight: the oldest is no more to blame than the others.
    const blamed = run.outOfOrder && pending.length > 1 ? undefined : pending[0];
    const innocent = blamed === undefined ? pending : pending.slice(1);
    if (blamed !== undefined) {
      const quarantined = this.quarantine.blame(blamed.op, blamed.id, `${kind}: ${detail}`);
      let why = detail;
      // Stopping with others pending: say so, or the blamed request would look like the only one pending.
      if (restarting || innocent.length > 0) {
        const others = innocent.length === 0 ? "" : ` (the ${innocent.length} other pending request(s) were ${restarting ? "sent again to a fresh start" : "given up"})`;
        const which = run.instance.runsOneAtATime === true ? "this was the request running (a module host runs its requests one at a time)" : "this was the oldest pending request";
        why = `${detail}; ${which}${others}`;
      }
      if (quarantined !== undefined) why += `; ${blamed.op} is now quarantined (${quarantined.ids.length} of its requests killed the subject): its other requests are not sent`;
      this.fail([blamed], kind, why, run.number);
      if (quarantined !== undefined) this.stopQuarantined(quarantined.op, run.number);
    } else if (pending.length === 0) this.faults.record(kind, [], detail, run.number);
    else {
      const next = restarting ? "each is sent again, alone" : "they are stopped";
      const why = `${detail}; it answered out of order, so none of the ${pending.length} requests in flight is blamed: ${next}`;
      this.faults.record(kind, [], why, run.number);
    }
    if (restarting) {
      for (const call of innocent) if (blamed === undefined) call.alone = true;
      this.queue.unshift(...innocent);
    } else {
      const because = this.stoppedBecause === null ? "the subject was being closed" : `the subject was stopped because ${this.stoppedBecause}`;
      this.fail(innocent, "stopped", `sent, but given up: the instance ${run.number} died (${kind}) and ${because}; this request was not to blame`, run.number);
    }
    // Calls queued while it was starting were waiting for this very instance: the same fault hits them.
    if (!restarting && wasStarting) this.fail(this.queue.splice(0), kind, detail, run.number);
    this.notify();
    this.pump();
  }

  /** Answers every queued call of a quarantined op with "stopped" (later calls are stopped as they come). */
  private stopQuarantined(op: string, instance: number): void {
    const reason = this.quarantine.of(op)?.reason ?? `op ${op} is quarantined`;
    const stopped = this.queue.filter((call) => call.op === op);
    if (stopped.length === 0) return;
    const kept = this.queue.filter((call) => call.op !== op);
    this.queue.splice(0, this.queue.length, ...kept);
    this.fail(stopped, "stopped", `not sent: ${reason}`, instance);
  }

  // ---- closing ----

  private async shutDown(): Promise<SubjectLog> {
    this.closing = true;
    this.pump(); // answers every unsent call with "stopped"
    const run = this.current;
    if (run !== null && run.state !== "dead") {
      run.instance.endInput();
      await this.until(() => isDead(run) || run.pending.size === 0);
      if (!isDead(run) && run.instance.exitsWhenInputEnds) {
        const exited = await this.until(() => isDead(run), this.settings.closeGraceMs);
        if (!exited) {
          const detail = `still running ${this.settings.closeGraceMs} ms after its stdin was closed: killed`;
          this.faults.record("ignored-eof", [], detail, run.number);
          this.bury(run, "ignored-eof");
        }
      }
      if (!isDead(run)) this.bury(run, "close");
    }
    await Promise.all(this.runs.map((r) => r.gone ?? r.instance.kill("close")));
    return this.log();
  }

  /** Resolves true once `condition` holds (checked after every settle or death), or false after `ms`. */
  private until(condition: () => boolean, ms?: number): Promise<boolean> {
    if (condition()) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const check = (): void => {
        if (!condition()) return;
        this.waiters.delete(check);
        if (timer !== undefined) clearTimeout(timer);
        resolve(true);
      };
      this.waiters.add(check);
      if (ms !== undefined) {
        timer = setTimeout(() => {
          this.waiters.delete(check);
          resolve(condition());
        }, ms);
      }
    });
  }

  private notify(): void {
    for (const check of [...this.waiters]) check();
  }
}
