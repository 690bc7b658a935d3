/**
 * One running incarnation of a subject (a program's process, or a module's host process), as the supervisor drives
 * it. An instance only reports facts (bytes arrived, a message parsed, it ended); the supervisor decides what they
 * mean for each request (timeouts, faults, restarts).
 */
import type { Request } from "../protocol/messages.ts";
import type { ExitStatus, FaultKind, OutputCapture } from "./subject.ts";

export interface InstanceSink {
  /**
   * The instance takes requests from now on (a program at once; a module once loaded). `started`: it has shown it
   * runs (a module that loaded); a program shows it by its first output, and gets the start-up grace until then.
   */
  ready(started: boolean): void;
  /** A sign of progress on the protocol channel (for a program: any stdout byte). */
  progress(): void;
  /** A message that parsed (JSON for a program; the returned value for a module): still untrusted. */
  message(body: unknown, excerpt: string): void;
  /** A message that could not be parsed; `id` when it can still be read. */
  badMessage(kind: FaultKind, detail: string, id: number | undefined, excerpt: string): void;
  /** A fault that does not settle a request (a module mutated its input). */
  notice(kind: FaultKind, detail: string, ids: number[]): void;
  /** The instance cannot go on (not started, channel closed, module failed outside a call): the supervisor kills it. */
  lost(kind: FaultKind, detail: string): void;
  /** The process ended by itself (everything it wrote has been delivered). */
  ended(status: { code: number | null; signal: string | null }): void;
}

export interface Instance {
  /** Process id (also its session id), once started. */
  readonly pid: number | null;
  /** It ends by itself when its input closes (both real kinds do; otherwise close() kills it once its calls are settled). */
  readonly exitsWhenInputEnds: boolean;
  /**
   * It runs its requests one at a time, in the order sent (a module host does): the oldest pending request is then
   * the one running, and a hang or a death is that request's own. Absent: unknown (a program may work on several).
   */
  readonly runsOneAtATime?: boolean;
  start(sink: InstanceSink): void;
  /** Hands a request over; returns why it could not be delivered (e.g. stdin closed), or undefined. */
  send(request: Request): string | undefined;
  /** No more requests will come (a program's stdin is closed). */
  endInput(): void;
  /** Kills it (its whole session) unless already gone; resolves once nothing of it remains. */
  kill(reason: string): Promise<void>;
  /** How it ended, or null while running. */
  exitStatus(): ExitStatus | null;
  stderr(): OutputCapture;
  /** A module's console output; null for a program (its stdout is the protocol). */
  stdout(): OutputCapture | null;
  /** The last line it wrote to stderr, to quote when it dies. */
  lastStderrLine(): string;
}
