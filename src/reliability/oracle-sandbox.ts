/**
 * Runs the oracle's `compute(op, args)` in a worker thread with a time limit per call, so that fuzzing it can survive
 * (and report) a hang, a crash of the thread or a runaway allocation: the thread is terminated and a fresh one serves
 * the next case. Each call resolves with its outcome, never rejects.
 */
import { Worker } from "node:worker_threads";

export type SandboxOutcome =
  | { kind: "value"; ms: number }
  /** A BonklError (InputError...) or the oracle's UnknownOpError: a clean rejection. */
  | { kind: "typed"; ms: number; name: string; code: string | null; message: string }
  /** Any other exception: a finding. */
  | { kind: "untyped"; ms: number; name: string; message: string; stack: string }
  /** Still running after the time limit: terminated. */
  | { kind: "timeout"; ms: number }
  /** The thread died (out of memory, an abort in the arithmetic library...). */
  | { kind: "crash"; ms: number; message: string };

const WORKER = new URL("./oracle-sandbox-worker.mjs", import.meta.url);

export class OracleSandbox {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private nextId = 1;
  /** Threads started (1 + one per timeout or crash). */
  starts = 0;

  constructor(
    private readonly timeLimitMs: number,
    private readonly maxHeapMb = 1024,
  ) {}

  private start(): Promise<void> {
    this.starts += 1;
    const worker = new Worker(WORKER, { resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb }, stdout: true, stderr: true });
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      const onMessage = (m: { ready?: boolean }) => {
        if (m.ready) {
          worker.off("message", onMessage);
          resolve();
        }
      };
      worker.on("message", onMessage);
      worker.once("error", reject);
    });
    return this.ready;
  }

  /** compute(op, args) in the thread; the time limit starts once the thread is ready. */
  async run(op: string, args: unknown): Promise<SandboxOutcome> {
    if (this.worker === null) await this.start();
    else await this.ready;
    const worker = this.worker as Worker;
    const id = this.nextId++;
    const started = performance.now();
    return new Promise<SandboxOutcome>((resolve) => {
      const finish = (outcome: SandboxOutcome, restart: boolean) => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        if (restart) {
          void worker.terminate();
          this.worker = null;
        }
        resolve(outcome);
      };
      const onMessage = (m: SandboxOutcome & { id: number }) => {
        if (m.id !== id) return;
        const { id: _, ...outcome } = m;
        finish(outcome as SandboxOutcome, false);
      };
      const onError = (error: Error) => finish({ kind: "crash", ms: performance.now() - started, message: error.message }, true);
      const onExit = (code: number) => finish({ kind: "crash", ms: performance.now() - started, message: `the thread exited with code ${code}` }, true);
      const timer = setTimeout(() => finish({ kind: "timeout", ms: performance.now() - started }, true), this.timeLimitMs);
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      try {
        worker.postMessage({ id, op, args });
      } catch (error) {
        finish({ kind: "untyped", ms: 0, name: "DataCloneError", message: (error as Error).message, stack: "" }, false);
      }
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}
