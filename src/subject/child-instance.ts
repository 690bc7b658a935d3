/**
 * One run of a subject as a child process, whichever kind: a program (process-instance.ts) or the host process of a
 * module (module-instance.ts). The child is spawned directly (no shell) as the leader of a new session, registered so
 * that it dies with bonkl (sessions/sessions.ts), and talks JSON Lines over a channel: its stdin and stdout (a
 * program), or fds 3 and 4 (a module host, whose stdout is then the module's console output). Lines are read at most
 * maxLineBytes at a time (line-reader.ts) and judged by shape before they are parsed (response-lines.ts); stderr (and
 * a module's stdout) keep their head and tail only. When it is done, its whole session is killed. It reports what
 * happened to the supervisor (instance.ts) and judges nothing beyond "is this line a possible answer".
 */
import { spawn, type ChildProcess } from "node:child_process";
import type { Readable, Writable } from "node:stream";
import type { Request } from "../protocol/messages.ts";
import type { Instance, InstanceSink } from "./instance.ts";
import { expectedAnswer, type ExpectedAnswer } from "./line-shape.ts";
import { LineReader } from "./line-reader.ts";
import { OutputCapturer } from "./output-capture.ts";
import { readableId } from "./response-check.ts";
import { ResponseLines } from "./response-lines.ts";
import { killSession, trackSession, untrackSession } from "./sessions/sessions.ts";
import type { ExitStatus, FaultKind, OutputCapture } from "./subject.ts";

export interface ChildOptions {
  argv: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  maxLineBytes: number;
  captureBytes: number;
}

/**
 * Where the protocol runs: "stdio" (requests on stdin, answers on stdout) or "host" (requests on fd 3, answers on
 * fd 4, which the host writes synchronously so that nothing written is lost when it exits; stdin is /dev/null and
 * stdout is captured like stderr).
 */
export type Channel = "stdio" | "host";

/**
 * After the process exits, how long its channel may take to deliver what was written before the exit (a grandchild
 * holding it open is cut off then); after the channel closes, how long the process may take to exit before it counts
 * as "closed its channel but kept running".
 */
const DRAIN_MS = 200;
/** How long kill() waits for the exit event after SIGKILL before giving up on it. */
const KILL_WAIT_MS = 2000;

export abstract class ChildInstance implements Instance {
  readonly exitsWhenInputEnds = true;
  protected sink: InstanceSink | null = null;
  private child: ChildProcess | null = null;
  private input: Writable | null = null;
  private processId: number | null = null;
  private readonly stderrCapture: OutputCapturer;
  private readonly stdoutCapture: OutputCapturer | null;
  private exit: { code: number | null; signal: string | null } | null = null;
  private killedBy: string | null = null;
  private channelClosed = false;
  /** Captured streams (stderr; a module host's stdout) not at their end yet: read to the end before the end is reported. */
  private capturesOpen = 0;
  private inputProblem: string | null = null;
  /** Exit seen (or never started) and the session killed: nothing of it remains. */
  private finished = false;
  private readonly finishWaiters: (() => void)[] = [];
  private drainTimer: NodeJS.Timeout | null = null;
  /** What each request sent and not yet answered tells about its answer (for the shape check of answer lines). */
  private readonly expected = new Map<number, ExpectedAnswer>();

  constructor(
    protected readonly options: ChildOptions,
    private readonly channel: Channel,
  ) {
    this.stderrCapture = new OutputCapturer(options.captureBytes);
    this.stdoutCapture = channel === "host" ? new OutputCapturer(options.captureBytes) : null;
  }

  get pid(): number | null {
    return this.processId;
  }

  start(sink: InstanceSink): void {
    this.sink = sink;
    const [command, ...args] = this.options.argv;
    if (command === undefined) throw new Error("empty argv");
    const child = spawn(command, args, {
      stdio: this.channel === "stdio" ? ["pipe", "pipe", "pipe"] : ["ignore", "pipe", "pipe", "pipe", "pipe"],
      detached: true, // a new session (setsid): everything it starts can be found and killed
      shell: false,
      windowsHide: true,
      cwd: this.options.cwd,
      env: this.options.env,
    });
    this.child = child;
    if (child.pid !== undefined) {
      this.processId = child.pid;
      trackSession(child.pid);
    }
    child.on("error", (error) => {
      if (child.pid !== undefined) return; // e.g. a failed kill: the exit event tells the rest
      this.finish();
      sink.lost("start-failed", `cannot run ${JSON.stringify(command)}: ${error.message}`);
    });
    const input = (this.channel === "stdio" ? child.stdin : child.stdio[3]) as Writable;
    const output = (this.channel === "stdio" ? child.stdout : child.stdio[4]) as Readable;
    this.input = input;
    input.on("error", (error: NodeJS.ErrnoException) => {
      this.inputProblem = `its ${this.inputName()} is closed (${error.code ?? error.message})`;
    });
    const lines = new ResponseLines(this.options.maxLineBytes, (id) => this.expected.get(id), {
      message: (body, text) => this.onChannelMessage(body, text),
      badMessage: (kind, detail, id, excerpt) => this.forwardBad(kind, detail, id, excerpt),
    });
    const reader = new LineReader(this.options.maxLineBytes, { line: (bytes) => lines.line(bytes), tooLong: (head, total) => lines.tooLong(head, total) });
    output.on("data", (chunk: Buffer) => {
      // The rest of a line already over the limit is no progress: it will be skipped, whatever it holds.
      if (!reader.skippingLongLine) sink.progress();
      reader.push(chunk);
    });
    const onChannelEnd = (): void => {
      if (this.channelClosed) return;
      this.channelClosed = true;
      reader.end();
      this.step();
    };
    output.on("end", onChannelEnd);
    output.on("close", onChannelEnd);
    output.on("error", () => undefined);
    child.stderr?.on("data", (chunk: Buffer) => {
      this.stderrCapture.write(chunk);
      this.onStderr(chunk);
    });
    this.watchCaptureEnd(child.stderr);
    if (this.stdoutCapture !== null) {
      const capture = this.stdoutCapture;
      child.stdout?.on("data", (chunk: Buffer) => capture.write(chunk));
      this.watchCaptureEnd(child.stdout);
    }
    child.on("exit", (code, signal) => {
      this.exit = { code, signal };
      this.step();
    });
    this.spawned(sink);
  }

  send(request: Request): string | undefined {
    if (this.inputProblem !== null) return this.inputProblem;
    const input = this.input;
    if (input === null || input.destroyed || !input.writable) return `its ${this.inputName()} is closed`;
    this.expected.set(request.id, expectedAnswer(request.op, request.args));
    input.write(`${JSON.stringify(request)}\n`);
    return undefined;
  }

  endInput(): void {
    const input = this.input;
    if (input !== null && !input.destroyed) input.end();
  }

  kill(reason: string): Promise<void> {
    if (this.child === null) this.finish(); // never started: nothing to kill
    if (this.finished) return Promise.resolve();
    if (this.exit === null && this.killedBy === null) this.killedBy = reason;
    if (this.processId !== null) killSession(this.processId);
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
    return this.stdoutCapture?.snapshot() ?? null;
  }

  lastStderrLine(): string {
    return this.stderrCapture.lastLine();
  }

  /** Called once the child is spawned: a program takes requests at once; a module host after it loaded the module. */
  protected abstract spawned(sink: InstanceSink): void;

  /** A parsed line of the channel; by default an answer for the supervisor to judge. */
  protected onChannelMessage(body: unknown, text: string): void {
    this.forward(body, text);
  }

  /** Hands a parsed answer to the supervisor; the request it names needs no more shape checks. */
  protected forward(body: unknown, excerpt: string): void {
    const id = readableId(body);
    if (id !== undefined) this.expected.delete(id);
    this.sink?.message(body, excerpt);
  }

  /** Hands a line that is no answer to the supervisor (the request it names, if any, needs no more shape checks). */
  protected forwardBad(kind: FaultKind, detail: string, id: number | undefined, excerpt: string): void {
    if (id !== undefined) this.expected.delete(id);
    this.sink?.badMessage(kind, detail, id, excerpt);
  }

  /** Each chunk of stderr, after it was captured (a module host watches it for running out of memory). */
  protected onStderr(_chunk: Buffer): void {}

  /** The child is over (exited, channel drained, session killed): by default, the supervisor hears of its end. */
  protected ended(exit: { code: number | null; signal: string | null }): void {
    this.sink?.ended(exit);
  }

  /** Counts a captured stream as open until it ends (or fails). */
  private watchCaptureEnd(stream: Readable | null): void {
    if (stream === null) return;
    this.capturesOpen += 1;
    let ended = false;
    const onEnd = (): void => {
      if (ended) return;
      ended = true;
      this.capturesOpen -= 1;
      this.step();
    };
    stream.on("end", onEnd);
    stream.on("close", onEnd);
    stream.on("error", onEnd);
  }

  /** What the requests are written to, as a fault detail names it. */
  private inputName(): string {
    return this.channel === "stdio" ? "stdin" : "channel (fd 3)";
  }

  /**
   * Exit, end of the channel and end of the captured streams arrive in any order; the instance is over once all have
   * (so that its last words on stderr are known when its end is reported), or DRAIN_MS after the exit.
   */
  private step(): void {
    if (this.finished) return;
    if (this.exit !== null && this.channelClosed && this.capturesOpen === 0) {
      this.finish();
      return;
    }
    if (this.drainTimer !== null) return;
    if (this.exit !== null) {
      this.drainTimer = setTimeout(() => this.finish(), DRAIN_MS);
    } else if (this.channelClosed) {
      this.drainTimer = setTimeout(() => {
        this.drainTimer = null;
        const output = this.channel === "stdio" ? "stdout" : "answer channel (fd 4)";
        if (this.exit === null && !this.finished) this.sink?.lost("closed", `closed its ${output} but kept running`);
      }, DRAIN_MS);
    }
  }

  /** Kills what is left of the session, releases the pipes, and reports the end. */
  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    if (this.drainTimer !== null) clearTimeout(this.drainTimer);
    this.drainTimer = null;
    if (this.processId !== null) {
      killSession(this.processId); // its children too, even when the leader exited by itself
      untrackSession(this.processId);
    }
    for (const stream of this.child?.stdio ?? []) stream?.destroy();
    for (const resolve of this.finishWaiters.splice(0)) resolve();
    if (this.exit !== null) this.ended(this.exit);
  }
}
