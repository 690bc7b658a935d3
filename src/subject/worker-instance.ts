/**
 * One run of a module subject: a worker thread (module-worker.mjs) that loads the module (with tsx for TypeScript)
 * and runs one export per call. The worker's console output is captured, not mixed into bonkl's; its heap is
 * limited so a runaway subject cannot take bonkl down; terminate() stops it even inside a synchronous endless loop.
 */
import { Worker } from "node:worker_threads";
import { describeValue } from "../errors.ts";
import { OP_NAMES, type Request } from "../protocol/messages.ts";
import type { Instance, InstanceSink } from "./instance.ts";
import { OutputCapturer } from "./output-capture.ts";
import type { ExitStatus, OutputCapture } from "./subject.ts";

export interface WorkerInstanceOptions {
  /** file: URL of the module. */
  moduleUrl: string;
  /** Register tsx in the worker before loading (TypeScript modules). */
  useTsx: boolean;
  captureBytes: number;
  maxHeapMb: number;
}

const WORKER_SCRIPT = new URL("./module-worker.mjs", import.meta.url);

/** The messages module-worker.mjs posts. */
type WorkerMessage =
  | { type: "ready" }
  | { type: "load-error"; message: string }
  | { type: "answer"; id: number; value?: unknown; error?: string }
  | { type: "unclonable"; id: number; detail: string }
  | { type: "mutated"; id: number; detail: string };

export class WorkerInstance implements Instance {
  readonly exitsWhenInputEnds = false;
  private worker: Worker | null = null;
  private threadId: number | null = null;
  private sink: InstanceSink | null = null;
  private loaded = false;
  private exit: { code: number } | null = null;
  private killedBy: string | null = null;
  private readonly stdoutCapture: OutputCapturer;
  private readonly stderrCapture: OutputCapturer;
  private readonly exited: Promise<void>;
  private markExited: () => void = () => undefined;

  constructor(private readonly options: WorkerInstanceOptions) {
    this.stdoutCapture = new OutputCapturer(options.captureBytes);
    this.stderrCapture = new OutputCapturer(options.captureBytes);
    this.exited = new Promise<void>((resolve) => {
      this.markExited = resolve;
    });
  }

  get pid(): number | null {
    return this.threadId;
  }

  start(sink: InstanceSink): void {
    this.sink = sink;
    const worker = new Worker(WORKER_SCRIPT, {
      workerData: { moduleUrl: this.options.moduleUrl, useTsx: this.options.useTsx, opNames: [...OP_NAMES] },
      stdout: true,
      stderr: true,
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb },
    });
    this.worker = worker;
    this.threadId = worker.threadId;
    worker.stdout.on("data", (chunk: Buffer) => this.stdoutCapture.write(chunk));
    worker.stderr.on("data", (chunk: Buffer) => this.stderrCapture.write(chunk));
    worker.on("message", (message: WorkerMessage) => this.onMessage(message));
    worker.on("error", (error: Error) => {
      if (this.loaded) sink.lost("worker-error", `the worker failed outside a call: ${error.message}`);
      else sink.lost("start-failed", `the module failed to load: ${error.message}`);
    });
    worker.on("exit", (code: number) => {
      this.exit = { code };
      this.markExited();
      if (this.loaded) sink.ended({ code, signal: null });
      else sink.lost("start-failed", `the worker exited with code ${code} before the module loaded`);
    });
  }

  send(request: Request): string | undefined {
    if (this.worker === null || this.exit !== null) return "the worker is gone";
    this.worker.postMessage(request);
    return undefined;
  }

  endInput(): void {
    // Nothing to tell a worker: close() terminates it once its calls are settled.
  }

  async kill(reason: string): Promise<void> {
    if (this.worker === null || this.exit !== null) return;
    this.killedBy ??= reason;
    await this.worker.terminate();
    await this.exited;
  }

  exitStatus(): ExitStatus | null {
    return this.exit === null ? null : { code: this.exit.code, signal: null, killedBy: this.killedBy };
  }

  stderr(): OutputCapture {
    return this.stderrCapture.snapshot();
  }

  stdout(): OutputCapture | null {
    return this.stdoutCapture.snapshot();
  }

  lastStderrLine(): string {
    return this.stderrCapture.lastLine();
  }

  private onMessage(message: WorkerMessage): void {
    const sink = this.sink as InstanceSink;
    switch (message.type) {
      case "ready":
        this.loaded = true;
        sink.ready(true);
        return;
      case "load-error":
        sink.lost("start-failed", `the module failed to load: ${message.message}`);
        return;
      case "answer": {
        sink.progress();
        const body = "error" in message ? { id: message.id, error: message.error } : { id: message.id, value: message.value };
        sink.message(body, "error" in message ? describeValue(message.error) : describeValue(message.value));
        return;
      }
      case "unclonable":
        sink.progress();
        sink.badMessage("invalid-response", message.detail, message.id, "");
        return;
      case "mutated":
        sink.notice("mutated-input", message.detail, [message.id]);
        return;
    }
  }
}
