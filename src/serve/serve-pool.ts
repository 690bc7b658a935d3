/**
 * The worker threads `bonkl serve` computes on. Each request runs on a worker of its own, so:
 * - a small request never waits behind a huge one: requests whose args hold more than LARGE_REQUEST_VALUES values
 *   may occupy all workers but one, so one stays free for the others (with a single worker, everything shares it);
 * - a request past its `deadlineMs` is answered with an error at once: if it is still queued it is dropped, if it
 *   is computing, its worker is terminated (the oracle computes synchronously) and a fresh one replaces it;
 * - a worker that dies (out of memory, a crash) fails only the request it was computing.
 * Jobs start in the order submitted, but for large ones held back; answers come in the order they finish.
 */
import { Worker } from "node:worker_threads";
import type { AnswerBody } from "./oracle-answer.ts";
import type { ComputeReply, ComputeRequest } from "./serve-messages.ts";

/** A request with more values than this in its args is "large" (see the module comment). */
export const LARGE_REQUEST_VALUES = 10_000;
/** Heap limit of each worker, in MiB: a runaway request ends its worker, not the server. */
const WORKER_HEAP_MB = 2048;

const WORKER_ENTRY = new URL("./serve-worker-entry.mjs", import.meta.url);

export interface PoolJob {
  readonly op: string;
  readonly args: unknown;
  readonly digits: number;
  /** Values in args (request-line.ts measureArgs). */
  readonly values: number;
  readonly deadlineMs: number | null;
}

interface Pending {
  readonly seq: number;
  readonly job: PoolJob;
  readonly resolve: (body: AnswerBody) => void;
  timer: NodeJS.Timeout | null;
  slot: Slot | null;
  done: boolean;
}

interface Slot {
  worker: Worker | null;
  running: Pending | null;
}

export class ComputePool {
  private readonly slots: Slot[];
  private queue: Pending[] = [];
  private nextSeq = 1;
  private closed = false;
  /** Workers started in all (replacements included), for tests. */
  started = 0;

  constructor(readonly size: number) {
    if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`a pool needs at least one worker, got ${size}`);
    this.slots = Array.from({ length: size }, () => ({ worker: null, running: null }));
  }

  /** Starts every worker now, so that the first requests (and their deadlines) do not pay for their start. */
  warmUp(): void {
    if (this.closed) return;
    for (const slot of this.slots) slot.worker ??= this.spawn(slot);
  }

  /** Computes `job`; resolves with its answer (an error body for a deadline or a dead worker). Never rejects. */
  submit(job: PoolJob): Promise<AnswerBody> {
    return new Promise((resolve) => {
      const pending: Pending = { seq: this.nextSeq++, job, resolve, timer: null, slot: null, done: false };
      if (this.closed) return this.finish(pending, { error: "internal error: the server is shutting down" });
      if (job.deadlineMs !== null) pending.timer = setTimeout(() => this.expire(pending), job.deadlineMs);
      this.queue.push(pending);
      this.schedule();
    });
  }

  /** Stops every worker; requests not answered yet get an error. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue) this.finish(pending, { error: "internal error: the server is shutting down" });
    this.queue = [];
    const stopping: Promise<number>[] = [];
    for (const slot of this.slots) {
      if (slot.running !== null) this.finish(slot.running, { error: "internal error: the server is shutting down" });
      slot.running = null;
      if (slot.worker !== null) stopping.push(slot.worker.terminate());
      slot.worker = null;
    }
    await Promise.all(stopping);
  }

  private isLarge(job: PoolJob): boolean {
    return job.values > LARGE_REQUEST_VALUES;
  }

  private schedule(): void {
    if (this.closed) return;
    const largeLimit = Math.max(1, this.size - 1);
    let largeRunning = this.slots.filter((s) => s.running !== null && this.isLarge(s.running.job)).length;
    for (let i = 0; i < this.queue.length; ) {
      const slot = this.slots.find((s) => s.running === null);
      if (slot === undefined) return;
      const pending = this.queue[i] as Pending;
      if (this.isLarge(pending.job) && largeRunning >= largeLimit) {
        i += 1; // held back: a later small request may take the free worker
        continue;
      }
      this.queue.splice(i, 1);
      if (this.isLarge(pending.job)) largeRunning += 1;
      this.start(slot, pending);
    }
  }

  private start(slot: Slot, pending: Pending): void {
    slot.worker ??= this.spawn(slot);
    slot.running = pending;
    pending.slot = slot;
    const request: ComputeRequest = { seq: pending.seq, op: pending.job.op, args: pending.job.args, digits: pending.job.digits };
    slot.worker.postMessage(request);
  }

  private spawn(slot: Slot): Worker {
    const worker = new Worker(WORKER_ENTRY, { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    this.started += 1;
    const lost = (why: string): void => {
      if (slot.worker !== worker) return; // an old worker, terminated on purpose
      const running = slot.running;
      slot.running = null;
      // Replaced at once when it died computing; one that died idle (failing to start) is tried again only for the
      // next request, so a worker that cannot start fails requests one by one instead of restarting in a loop.
      slot.worker = this.closed || running === null ? null : this.spawn(slot);
      if (running !== null) this.finish(running, { error: `internal error: the oracle's worker thread died while computing this request (${why})` });
      this.schedule();
    };
    worker.on("message", (reply: ComputeReply) => {
      if (slot.worker !== worker || slot.running === null || slot.running.seq !== reply.seq) return;
      const running = slot.running;
      slot.running = null;
      this.finish(running, reply.body);
      this.schedule();
    });
    worker.on("error", (error) => lost(error.message));
    worker.on("exit", (code) => lost(`exit code ${code}`));
    return worker;
  }

  /** The deadline of `pending` passed: answer now, dropping it from the queue or stopping its worker. */
  private expire(pending: Pending): void {
    pending.timer = null;
    if (pending.done) return;
    const slot = pending.slot;
    if (slot === null) this.queue = this.queue.filter((p) => p !== pending);
    else if (slot.running === pending) {
      const worker = slot.worker;
      slot.worker = this.spawn(slot); // a fresh one, starting while the old one is stopped
      slot.running = null;
      if (worker !== null) void worker.terminate();
    }
    this.finish(pending, { error: `deadline exceeded: no answer within ${pending.job.deadlineMs} ms (deadlineMs); the computation was stopped` });
    this.schedule();
  }

  private finish(pending: Pending, body: AnswerBody): void {
    if (pending.done) return;
    pending.done = true;
    if (pending.timer !== null) clearTimeout(pending.timer);
    pending.timer = null;
    pending.resolve(body);
  }
}
