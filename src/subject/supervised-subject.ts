/**
 * The Subject both kinds of subject share: it numbers requests, keeps at most `maxInFlight` of them in flight,
 * matches answers to requests by id (in any order), validates every answer, calls a subject hung when it shows no
 * progress for `timeoutMs` while requests are pending (plus `startGraceMs` before a fresh instance's first sign of
 * life: interpreter start-up, imports, module loading), and starts a fresh instance after a timeout or a death.
 *
 * Restart policy. When an instance dies (timeout, crash, exit, stdout closed, worker failure) and a restart is
 * allowed, the OLDEST pending request (the one a sequential subject was working on) gets the fault, and the other
 * pending requests are sent again to the fresh instance, so one hang or crash does not turn a whole pipelined window
 * into faults. When no restart is allowed, every pending request gets the fault. Restarts are allowed unless the
 * start itself failed (program not found, module not loading), or `maxRestarts` restarts have been used, or
 * `maxFailedStartsInARow` instances in a row died without writing a single response (a subject that crashes at
 * start). Once no restart is allowed, the subject is stopped: later calls answer fault "stopped" at once, and the
 * log says why (`stoppedBecause`).
 */
import { InputError } from "../errors.ts";
import type { Request, Response, ValueResponse } from "../protocol/messages.ts";
import { FaultLog } from "./fault-log.ts";
import type { Instance, InstanceSink } from "./instance.ts";
import { checkRequest, checkResponse, checkValueForOp, isUnsupported } from "./response-check.ts";
import type { Answer, FaultKind, Subject, SubjectLog } from "./subject.ts";

/** Every knob the supervisor needs, defaults already applied. */
export interface SupervisorSettings {
  timeoutMs: number;
  maxInFlight: number;
  maxRestarts: number;
  maxFailedStartsInARow: number;
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
  private readonly sentIds = new Set<number>();
  private restarts = 0;
  private failedInARow = 0;
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
      const call: Call = { id, op, args: copy, resolve };
      if (this.closing) this.fail([call], "stopped", "not sent: the subject was already closed", this.runs.length);
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
      const call = this.queue.shift() as Call;
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
        this.onMessage(run, body, excerpt);
      },
      badMessage: (kind, detail, id, excerpt) => {
        if (!alive()) return;
        run.lastProgress = now();
        run.started = true;
        run.responded += 1;
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

  /** The instance died or is killed: fault its pending requests (see the restart policy above), maybe stop. */
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
      } else if (this.failedInARow >= this.settings.maxFailedStartsInARow) {
        this.stoppedBecause = `${this.failedInARow} starts in a row died without answering anything (last: ${kind}: ${detail})`;
      }
    }
    const restarting = !this.closing && this.stoppedBecause === null;
    const [oldest, ...others] = pending;
    if (oldest === undefined) this.faults.record(kind, [], detail, run.number);
    else if (restarting) {
      const resent = others.length === 0 ? "" : ` (the ${others.length} other pending request(s) were sent again to a fresh start)`;
      this.fail([oldest], kind, `${detail}; this was the oldest pending request${resent}`, run.number);
      this.queue.unshift(...others);
    } else this.fail(pending, kind, detail, run.number);
    // Calls queued while it was starting were waiting for this very instance: the same fault hits them.
    if (!restarting && wasStarting) this.fail(this.queue.splice(0), kind, detail, run.number);
    this.notify();
    this.pump();
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
