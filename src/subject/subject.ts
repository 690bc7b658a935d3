/**
 * What bonkl sees of a subject (an implementation under test), whichever way it plugs in: a program speaking the
 * subject protocol over stdin/stdout, or a JS/TS module. Everything a subject does wrong becomes data (an Answer of
 * kind "fault", and a SubjectFault in the SubjectLog naming the requests affected), never an exception.
 */
import { UsageError } from "../errors.ts";
import type { ResultValue } from "../protocol/messages.ts";

export type { ResultValue };

/** A subject under test. */
export interface Subject {
  /** How the subject was given, for reports: `command "python3 impl.py"` or `module ./impl.mjs`. */
  readonly description: string;
  /**
   * Asks the subject one request. Resolves with the subject's answer once it arrives, or with a fault; never rejects
   * because of anything the subject does. Rejects (InputError) only if `args` cannot be written as a protocol
   * request (not a plain JSON object, or a non-finite number inside). Calls may overlap: they are pipelined.
   */
  call(op: string, args: object): Promise<Answer>;
  /**
   * Stops the subject: requests not yet sent are answered with fault "stopped", requests in flight get their answer
   * (or a fault: the usual timeout still applies), then the subject is told to exit (its input is closed), and
   * killed with its whole session if it has not exited after a short grace period. Resolves with the log once no
   * process of the subject remains. Idempotent; calls after close() answer fault "stopped".
   */
  close(): Promise<SubjectLog>;
  /** The log so far (a snapshot); close() returns the final one. */
  log(): SubjectLog;
}

/**
 * The outcome of one call. `id` is the request id, the key that SubjectLog.faults[].ids refer to.
 * - value: a response that passed the protocol's JSON Schema and the shape check for its op (number or decimal
 *   string; an array of them for bonPmf; an array of op names for capabilities). `raw` is the whole response as
 *   received (for a program, the parsed line with any extra fields such as `enclosure`; for a module,
 *   `{id, value}` with the value returned).
 * - error: the subject reported an error for this request (`{"error": ...}`, or the module function threw).
 * - unsupported: an error whose text begins with `unsupported`: not implemented, to be skipped rather than failed.
 * - fault: the subject broke the protocol for this request, or died before answering it; `detail` says how.
 */
export type Answer =
  | { kind: "value"; id: number; value: ResultValue; raw: unknown }
  | { kind: "error"; id: number; message: string }
  | { kind: "unsupported"; id: number; message: string }
  | { kind: "fault"; id: number; fault: FaultKind; detail: string };

/**
 * Every way a subject can break the protocol. Faults that hit specific requests list their ids; the others
 * (a line with no readable id, an answer to an id never asked...) have `ids: []`.
 */
export type FaultKind =
  /** The program could not be started (not found, not executable), or the module failed to load. */
  | "start-failed"
  /**
   * Requests pending and no sign of progress (no stdout byte, no answer) for timeoutMs (plus startGraceMs before a
   * fresh start's first sign of life): killed as hung.
   */
  | "timeout"
  /**
   * The process exited with a non-zero status or died of a signal not sent by bonkl (a module's host also when the
   * module ran out of memory: the detail says so).
   */
  | "crashed"
  /** The process (a program, or a module's host) exited with status 0 while requests were pending, or by itself while idle. */
  | "exited"
  /** The program closed its stdout (or its stdin: requests could not be written) but kept running. */
  | "closed"
  /** A line that is not JSON (or not UTF-8, or empty). The request is named when its id can still be read. */
  | "invalid-json"
  /**
   * JSON that is not a valid response: not an object, missing or non-integer id, a value that is not a finite number
   * or decimal string (NaN, Infinity, null...), the wrong shape for the op, both value and error; for a module, a
   * value that cannot be sent as JSON. Python's bare NaN/Infinity tokens land here when the id can be read.
   */
  | "invalid-response"
  /** An answer for an id bonkl never sent. */
  | "unknown-id"
  /** A second answer for an id already answered (the first answer stands). */
  | "duplicate-id"
  /** A line longer than maxLineBytes: skipped without being stored. The request is named when its id can be read. */
  | "line-too-long"
  /**
   * The module failed outside a call (an uncaught exception or unhandled rejection in its host process; the name is
   * from when modules ran in worker threads). The call that was running gets it.
   */
  | "worker-error"
  /** The module function changed its input arguments (the answer still counts; bonkl's own copy is unharmed). */
  | "mutated-input"
  /** The program did not exit within the grace period after its stdin was closed: killed. */
  | "ignored-eof"
  /**
   * Given up: not sent (the subject was closed or stopped, or the request's op is quarantined), or sent but the
   * subject was stopped before answering and the request was not to blame.
   */
  | "stopped";

/** One fault, as the report shows it. */
export interface SubjectFault {
  kind: FaultKind;
  /** Request ids affected (answered with this fault, or, for mutated-input, whose input was changed). */
  ids: number[];
  /** What happened, in a sentence. */
  detail: string;
  /** The start of the offending line or value, when there is one (at most 200 characters). */
  excerpt?: string;
  /** Which instance of the subject (1 = first start, 2 = after the first restart...). */
  instance: number;
}

/** Captured bytes of an output stream the protocol does not use (a program's stderr; a module's stdout/stderr). */
export interface OutputCapture {
  /** The first bytes (up to the capture size), decoded as UTF-8. */
  head: string;
  /** The last bytes (up to the capture size), decoded as UTF-8; empty when everything fits in `head`. */
  tail: string;
  /** How many bytes were written in all. */
  totalBytes: number;
}

/** How one instance (a program's process, or a module's host process) ended. */
export interface ExitStatus {
  /** Exit code, or null if killed by a signal (or still running when the log was taken). */
  code: number | null;
  /** Signal name, e.g. "SIGKILL", or null. */
  signal: string | null;
  /** Why bonkl stopped it, if it did: "timeout", "close", "ignored-eof", "protocol" (stdout closed). */
  killedBy: string | null;
}

/** One start of the subject: bonkl restarts a subject that hung or died (see SubjectOptions.maxRestarts). */
export interface InstanceLog {
  /** 1 for the first start. */
  instance: number;
  /** The process id: the program's, or the module host's (also its session id). */
  pid: number | null;
  requestsSent: number;
  requestsAnswered: number;
  /** Null while still running. */
  exit: ExitStatus | null;
  /** A program's stderr; for a module, what it wrote to process.stderr / console.error. */
  stderr: OutputCapture;
  /** For a module, what it wrote to process.stdout / console.log (a program's stdout is the protocol itself). */
  stdout: OutputCapture | null;
}

/** Everything bonkl noticed about a subject, for the report. */
export interface SubjectLog {
  description: string;
  /** Requests handed to the subject (written to its process). */
  requestsSent: number;
  /** Requests that got a valid value or error response. */
  requestsAnswered: number;
  /** Requests answered with a fault (including "stopped" ones never sent). */
  requestsFaulted: number;
  /** Faults in the order seen (at most SubjectOptions.maxFaultsLogged; the rest only counted). */
  faults: SubjectFault[];
  /** Number of faults of each kind, including those not kept in `faults`. */
  faultCounts: Partial<Record<FaultKind, number>>;
  /** Instances started, in order (restarts add one each). */
  instances: InstanceLog[];
  /** Set once the subject stopped for good before close() (why later calls answer "stopped"). */
  stoppedBecause: string | null;
  /**
   * Ops whose requests killed the subject too often (SubjectOptions.maxDeathsPerOp): their other requests are not
   * sent (fault "stopped"), so that the other ops can still be graded.
   */
  quarantined: QuarantinedOp[];
  /** Requests answered "stopped", counted per op and reason (never sent, or sent but given up when the subject stopped). */
  stopped: StoppedRequests[];
}

/** An op taken out of the run because its requests killed the subject (see SubjectOptions.maxDeathsPerOp). */
export interface QuarantinedOp {
  op: string;
  /** The requests blamed for the deaths, in order. */
  ids: number[];
  /** Why, in a sentence (the last death included). */
  reason: string;
}

/** Requests of one op answered "stopped" for one reason. */
export interface StoppedRequests {
  op: string;
  /** The fault detail they got, e.g. `not sent: op klBon is quarantined: ...`. */
  reason: string;
  count: number;
  /** True when they had been sent (in flight when the subject stopped), false when they never were. */
  sent: boolean;
}

/** Tuning shared by both kinds of subject. All durations in milliseconds. */
export interface SubjectOptions {
  /**
   * A request is hung when it is pending and the subject showed no sign of progress (no byte on its protocol channel:
   * a program's stdout; for a module, its host's fd 4, where only answers are written) for this long. Default 10000.
   */
  timeoutMs?: number;
  /**
   * Requests in flight at once; more wait in bonkl. Default 64 for programs, 16 for modules (whose host runs them one
   * at a time, in order).
   */
  maxInFlight?: number;
  /**
   * After a timeout or a death the subject is started afresh for later requests, at most this many times in all.
   * Default 25 (enough for every op of the protocol to be quarantined at the default maxDeathsPerOp). A failed start
   * (program not found, module not loading) is never retried.
   */
  maxRestarts?: number;
  /**
   * Stop restarting after this many instances in a row died without answering anything, when no instance has ever
   * answered anything (a subject that cannot start). Default 3.
   */
  maxFailedStartsInARow?: number;
  /**
   * Quarantine an op once this many of its requests were each blamed for a death of the subject (a crash, a hang...):
   * its other requests are not sent. Default 3.
   */
  maxDeathsPerOp?: number;
  /**
   * Longest response line accepted, in bytes (without the `\n`); a module's host refuses to write a longer answer.
   * Default 64 MiB.
   */
  maxLineBytes?: number;
  /** How long the subject's process may take to exit after its input is closed at close(). Default 1000. */
  closeGraceMs?: number;
  /**
   * Extra time a fresh start gets before its first sign of life, on top of timeoutMs: a program until its first
   * stdout byte (interpreter start-up, heavy imports), a module until it has loaded. Default 5000.
   */
  startGraceMs?: number;
  /** Bytes kept at each end of stderr (and a module's stdout). Default 4096. */
  captureBytes?: number;
  /** Faults kept in full in the log (all are counted). Default 1000. */
  maxFaultsLogged?: number;
  /** Working directory of the subject's process (a program, or a module's host). Default: bonkl's. */
  cwd?: string;
  /** Environment of the subject's process (a program, or a module's host). Default: bonkl's. */
  env?: NodeJS.ProcessEnv;
  /** Heap limit of a module subject's host process, in MiB (node's --max-old-space-size). Default 2048. */
  maxHeapMb?: number;
}

/** The defaults of SubjectOptions (maxInFlight depends on the kind of subject). */
export const SUBJECT_DEFAULTS = {
  timeoutMs: 10_000,
  maxRestarts: 25,
  maxFailedStartsInARow: 3,
  maxDeathsPerOp: 3,
  maxLineBytes: 64 * 1024 * 1024,
  closeGraceMs: 1000,
  startGraceMs: 5000,
  captureBytes: 4096,
  maxFaultsLogged: 1000,
  maxHeapMb: 2048,
} as const;

/** Options with defaults applied (maxInFlight: `defaultInFlight` unless given). Bad values are usage errors. */
export function withDefaults(options: SubjectOptions, defaultInFlight: number): Required<Omit<SubjectOptions, "cwd" | "env">> {
  const resolved = {
    timeoutMs: options.timeoutMs ?? SUBJECT_DEFAULTS.timeoutMs,
    maxInFlight: options.maxInFlight ?? defaultInFlight,
    maxRestarts: options.maxRestarts ?? SUBJECT_DEFAULTS.maxRestarts,
    maxFailedStartsInARow: options.maxFailedStartsInARow ?? SUBJECT_DEFAULTS.maxFailedStartsInARow,
    maxDeathsPerOp: options.maxDeathsPerOp ?? SUBJECT_DEFAULTS.maxDeathsPerOp,
    maxLineBytes: options.maxLineBytes ?? SUBJECT_DEFAULTS.maxLineBytes,
    closeGraceMs: options.closeGraceMs ?? SUBJECT_DEFAULTS.closeGraceMs,
    startGraceMs: options.startGraceMs ?? SUBJECT_DEFAULTS.startGraceMs,
    captureBytes: options.captureBytes ?? SUBJECT_DEFAULTS.captureBytes,
    maxFaultsLogged: options.maxFaultsLogged ?? SUBJECT_DEFAULTS.maxFaultsLogged,
    maxHeapMb: options.maxHeapMb ?? SUBJECT_DEFAULTS.maxHeapMb,
  };
  for (const [name, value] of Object.entries(resolved)) {
    const least = name === "maxRestarts" || name === "startGraceMs" ? 0 : 1;
    if (!Number.isSafeInteger(value) || value < least) {
      throw new UsageError(`subject option ${name} must be an integer >= ${least}, got ${String(value)}`);
    }
  }
  return resolved;
}
