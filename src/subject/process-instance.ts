/**
 * One run of a program subject: spawns argv directly (no shell) as the leader of a new process group, writes
 * requests to its stdin as JSON Lines, reads its stdout line by line (UTF-8, `\n`, at most maxLineBytes a line),
 * keeps the head and tail of its stderr, and kills the whole group when done. It reports what happened to the
 * supervisor (instance.ts) and judges nothing beyond "is this line JSON".
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { findNonFiniteTokens, readIdOfBadLine } from "./bad-line.ts";
import type { Instance, InstanceSink } from "./instance.ts";
import { LineReader } from "./line-reader.ts";
import { OutputCapturer } from "./output-capture.ts";
import { killProcessGroup, trackProcessGroup, untrackProcessGroup } from "./process-groups.ts";
import type { Request } from "../protocol/messages.ts";
import type { ExitStatus, OutputCapture } from "./subject.ts";

export interface ProcessInstanceOptions {
  argv: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  maxLineBytes: number;
  captureBytes: number;
}

/**
 * After the process exits, how long its stdout may take to deliver what was written before the exit (a grandchild
 * holding the pipe open is cut off then); after stdout closes, how long the process may take to exit before it
 * counts as "closed its stdout but kept running".
 */
const DRAIN_MS = 200;
/** How long kill() waits for the exit event after SIGKILL before giving up on it. */
const KILL_WAIT_MS = 2000;

export class ProcessInstance implements Instance {
  readonly exitsWhenInputEnds = true;
  private child: ChildProcessWithoutNullStreams | null = null;
  private processId: number | null = null;
  private sink: InstanceSink | null = null;
  private readonly stderrCapture: OutputCapturer;
  private exit: { code: number | null; signal: string | null } | null = null;
  private killedBy: string | null = null;
  private stdoutClosed = false;
  private stdinProblem: string | null = null;
  /** Exit seen (or never started) and the group killed: nothing of it remains. */
  private finished = false;
  private readonly finishWaiters: (() => void)[] = [];
  private drainTimer: NodeJS.Timeout | null = null;
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });

  constructor(private readonly options: ProcessInstanceOptions) {
    this.stderrCapture = new OutputCapturer(options.captureBytes);
  }

  get pid(): number | null {
    return this.processId;
  }

  start(sink: InstanceSink): void {
    this.sink = sink;
    const [command, ...args] = this.options.argv;
    if (command === undefined) throw new Error("empty argv");
    const child = spawn(command, args, {
      stdio: ["pipe", "pipe", "pipe"],
      detached: true, // own process group: process.kill(-pid) reaches everything it starts
      shell: false,
      windowsHide: true,
      cwd: this.options.cwd,
      env: this.options.env,
    });
    this.child = child;
    if (child.pid !== undefined) {
      this.processId = child.pid;
      trackProcessGroup(child.pid);
    }
    child.on("error", (error) => {
      if (child.pid !== undefined) return; // e.g. a failed kill: the exit event tells the rest
      this.finish();
      sink.lost("start-failed", `cannot run ${JSON.stringify(command)}: ${error.message}`);
    });
    child.stdin.on("error", (error: NodeJS.ErrnoException) => {
      this.stdinProblem = `its stdin is closed (${error.code ?? error.message})`;
    });
    const reader = new LineReader(this.options.maxLineBytes, {
      line: (bytes) => this.onLine(bytes),
      tooLong: (head, totalBytes) => this.onTooLong(head, totalBytes),
    });
    child.stdout.on("data", (chunk: Buffer) => {
      // The rest of a line already over the limit is no progress: it will be skipped, whatever it holds.
      if (!reader.skippingLongLine) sink.progress();
      reader.push(chunk);
    });
    child.stdout.on("close", () => {
      if (this.stdoutClosed) return;
      this.stdoutClosed = true;
      reader.end();
      this.step();
    });
    child.stderr.on("data", (chunk: Buffer) => this.stderrCapture.write(chunk));
    child.stderr.on("error", () => undefined);
    child.stdout.on("error", () => undefined);
    child.on("exit", (code, signal) => {
      this.exit = { code, signal };
      this.step();
    });
    sink.ready(false);
  }

  send(request: Request): string | undefined {
    if (this.stdinProblem !== null) return this.stdinProblem;
    const stdin = this.child?.stdin;
    if (stdin === undefined || stdin.destroyed || !stdin.writable) return "its stdin is closed";
    stdin.write(`${JSON.stringify(request)}\n`);
    return undefined;
  }

  endInput(): void {
    const stdin = this.child?.stdin;
    if (stdin !== undefined && !stdin.destroyed) stdin.end();
  }

  kill(reason: string): Promise<void> {
    if (this.finished) return Promise.resolve();
    if (this.exit === null && this.killedBy === null) this.killedBy = reason;
    if (this.processId !== null) killProcessGroup(this.processId);
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.finish(), KILL_WAIT_MS);
      this.finishWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  exitStatus(): ExitStatus | null {
    return this.exit === null ? null : { code: this.exit.code, signal: this.exit.signal, killedBy: this.killedBy };
  }

  stderr(): OutputCapture {
    return this.stderrCapture.snapshot();
  }

  stdout(): OutputCapture | null {
    return null;
  }

  lastStderrLine(): string {
    return this.stderrCapture.lastLine();
  }

  /** Exit and end of stdout arrive in either order; the instance is over once both have (or after DRAIN_MS). */
  private step(): void {
    if (this.finished) return;
    if (this.exit !== null && this.stdoutClosed) {
      this.finish();
      return;
    }
    if (this.drainTimer !== null) return;
    if (this.exit !== null) {
      this.drainTimer = setTimeout(() => this.finish(), DRAIN_MS);
    } else if (this.stdoutClosed) {
      this.drainTimer = setTimeout(() => {
        this.drainTimer = null;
        if (this.exit === null && !this.finished) this.sink?.lost("closed", "closed its stdout but kept running");
      }, DRAIN_MS);
    }
  }

  /** Kills what is left of the group, releases the pipes, and reports the end. */
  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    if (this.drainTimer !== null) clearTimeout(this.drainTimer);
    this.drainTimer = null;
    if (this.processId !== null) {
      killProcessGroup(this.processId); // grandchildren too, even when the leader exited by itself
      untrackProcessGroup(this.processId);
    }
    this.child?.stdout.destroy();
    this.child?.stderr.destroy();
    this.child?.stdin.destroy();
    for (const resolve of this.finishWaiters.splice(0)) resolve();
    if (this.exit !== null) this.sink?.ended(this.exit);
  }

  private onLine(bytes: Buffer): void {
    const sink = this.sink as InstanceSink;
    let text: string;
    try {
      text = this.decoder.decode(bytes);
    } catch {
      const loose = bytes.toString("utf8");
      sink.badMessage("invalid-json", "the line is not valid UTF-8", readIdOfBadLine(loose), loose);
      return;
    }
    if (text.trim() === "") {
      sink.badMessage("invalid-json", "an empty line (every line must hold one JSON object)", undefined, text);
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      const id = readIdOfBadLine(text);
      const { tokens, withNulls } = findNonFiniteTokens(text);
      if (tokens.length > 0 && parses(withNulls)) {
        const names = [...new Set(tokens)].join(", ");
        const detail = `${names} written as a bare token, which is not JSON (Python's json module does this for non-finite floats)`;
        sink.badMessage("invalid-response", `${detail}: not a finite number`, id, text);
      } else {
        sink.badMessage("invalid-json", `not JSON (${error instanceof Error ? error.message : String(error)})`, id, text);
      }
      return;
    }
    sink.message(body, text);
  }

  private onTooLong(head: Buffer, totalBytes: number): void {
    const text = head.toString("utf8");
    const detail = `a line of ${totalBytes} bytes, over the limit of ${this.options.maxLineBytes} bytes: skipped unread`;
    this.sink?.badMessage("line-too-long", detail, readIdOfBadLine(text), text);
  }
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
