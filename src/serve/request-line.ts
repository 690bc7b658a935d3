/**
 * One request line of `bonkl serve`, read and checked before any computing: UTF-8 (invalid bytes are refused, not
 * replaced), JSON, the id (echoed exactly or refused: request-id.ts), the op, the optional `deadlineMs`, and the
 * size of the args against the documented limits (spec/protocol.md, "bonkl serve"). Lines are split on `\n` only
 * (a `\r` before it is dropped): a lone `\r` inside a request is part of it. What can be answered at once
 * (every error) is answered here; the rest, `capabilities` included (the op names come from the oracle, which this
 * thread does not load), is handed to the workers.
 */
import { readRequestId } from "./request-id.ts";

export interface ServeLimits {
  /** Longest request line, in bytes (without its `\n`). */
  readonly maxLineBytes: number;
  /** Most JSON values (numbers, strings, arrays, objects... each counts one) in a request's args. */
  readonly maxValues: number;
  /** Deepest nesting of arrays and objects in args. */
  readonly maxDepth: number;
}

export const SERVE_LIMITS: ServeLimits = { maxLineBytes: 64 * 1024 * 1024, maxValues: 1_000_000, maxDepth: 32 };

/** Largest deadlineMs taken (the longest delay a timer can wait). */
export const MAX_DEADLINE_MS = 2 ** 31 - 1;

export type Response = { readonly id: number | null; readonly [field: string]: unknown };

export type ParsedLine =
  | { readonly kind: "blank" }
  | { readonly kind: "answer"; readonly response: Response }
  | { readonly kind: "compute"; readonly id: number; readonly op: string; readonly args: unknown; readonly deadlineMs: number | null; readonly values: number };

const decoder = new TextDecoder("utf-8", { fatal: true });

const refuse = (id: number | null, error: string): ParsedLine => ({ kind: "answer", response: { id, error } });

/** The id readable from a damaged line (its text decoded leniently), or null. */
function damagedLineId(text: string): number | null {
  const reading = readRequestId(text);
  return reading.kind === "ok" ? reading.id : null;
}

/** How many JSON values `args` holds, counted without recursion; stops at the limits. */
export function measureArgs(args: unknown, limits: ServeLimits): { values: number; problem: string | null } {
  let values = 0;
  const stack: [unknown, number][] = [[args, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    values += 1;
    if (values > limits.maxValues) return { values, problem: `request too large: args hold more than ${limits.maxValues} values, the most bonkl serve takes` };
    if (typeof value !== "object" || value === null) continue;
    if (depth >= limits.maxDepth) return { values, problem: `request too large: args nested deeper than ${limits.maxDepth} levels` };
    const children = Array.isArray(value) ? value : Object.values(value);
    for (const child of children) stack.push([child, depth + 1]);
  }
  return { values, problem: null };
}

/** Reads one request line (bytes without the `\n`). */
export function parseRequestLine(bytes: Buffer, limits: ServeLimits = SERVE_LIMITS): ParsedLine {
  let body = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.subarray(0, bytes.length - 1) : bytes;
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) body = body.subarray(3); // a byte order mark
  let text: string;
  try {
    text = decoder.decode(body);
  } catch {
    return refuse(damagedLineId(body.toString("utf8")), "invalid request: not UTF-8 (the line holds bytes that are not UTF-8 text)");
  }
  if (text.trim() === "") return { kind: "blank" };
  if (body.length > limits.maxLineBytes) return tooLongLine(body.subarray(0, 4096), body.length, limits);
  let request: unknown;
  try {
    request = JSON.parse(text);
  } catch {
    return refuse(damagedLineId(text), "invalid request: not JSON");
  }
  if (typeof request !== "object" || request === null || Array.isArray(request)) return refuse(null, "invalid request: missing integer id");
  const r = request as { id?: unknown; op?: unknown; args?: unknown; deadlineMs?: unknown };
  if (typeof r.id !== "number") return refuse(null, "invalid request: missing integer id");
  const reading = readRequestId(text);
  if (reading.kind === "out-of-range") {
    return refuse(null, `invalid request: id ${reading.text} is outside the safe-integer range |id| <= 2^53 - 1 (bonkl serve echoes ids exactly and refuses those it cannot)`);
  }
  const id = reading.kind === "ok" ? reading.id : Number.isSafeInteger(r.id) && reading.kind === "none" ? r.id : null;
  if (id === null) return refuse(null, "invalid request: missing integer id");
  if (typeof r.op !== "string") return refuse(id, "invalid request: op must be a string");
  let deadlineMs: number | null = null;
  if (r.deadlineMs !== undefined) {
    if (typeof r.deadlineMs !== "number" || !Number.isSafeInteger(r.deadlineMs) || r.deadlineMs < 1 || r.deadlineMs > MAX_DEADLINE_MS) {
      return refuse(id, `invalid request: deadlineMs must be a positive integer of milliseconds, at most ${MAX_DEADLINE_MS}, got ${JSON.stringify(r.deadlineMs)}`);
    }
    deadlineMs = r.deadlineMs;
  }
  const size = measureArgs(r.args, limits);
  if (size.problem !== null) return refuse(id, size.problem);
  return { kind: "compute", id, op: r.op, args: r.args, deadlineMs, values: size.values };
}

/** The answer to a line longer than the limit, skipped unread but for its first bytes (`head`, to read its id). */
export function tooLongLine(head: Buffer, totalBytes: number, limits: ServeLimits = SERVE_LIMITS): ParsedLine {
  const mib = limits.maxLineBytes / 2 ** 20;
  const limit = Number.isInteger(mib) ? `${mib} MiB` : `${limits.maxLineBytes} bytes`;
  return refuse(damagedLineId(head.toString("utf8")), `invalid request: a line of ${totalBytes} bytes, over the ${limit} limit of bonkl serve: skipped unread`);
}
