/**
 * The oracle as a subject-protocol server (`bonkl serve`): one JSON request per line on stdin, one response
 * per line on stdout. Values are decimal strings carrying only certified digits; every response also has an
 * `enclosure` field [lo, hi] (for bonPmf, one pair per outcome). Args may be JSON numbers or exact decimal
 * strings.
 */
import { createInterface } from "node:readline";
import { BonklError } from "../errors.ts";
import { compute, opNames, UnknownOpError, type Enclosure } from "../oracle/index.ts";

export interface ServeOptions {
  /** Significant digits of each value (default 40). */
  digits: number;
}

function accuracyFor(digits: number) {
  return { relative: 10 ** -(digits + 2), absolute: 10 ** -(digits + 10), maxPrecision: 1 << 16 };
}

function render(e: Enclosure, digits: number): { value: string; enclosure: [string, string] } {
  const value = e.certifiedDecimal(digits);
  if (value === null) throw new BonklError("UNCERTIFIED", `no certified digit: the enclosure ${e.toString()} straddles a rounding boundary at every length up to ${digits} digits (a value exactly halfway between two decimals, or the precision cap reached)`);
  return { value, enclosure: e.bounds(digits + 2) };
}

/** Answers one request line; returns the response line (without newline), or null for a blank line. */
export function answerLine(line: string, options: ServeOptions): string | null {
  if (line.trim() === "") return null;
  let request: unknown;
  try {
    request = JSON.parse(line);
  } catch {
    return JSON.stringify({ id: null, error: "invalid request: not JSON" });
  }
  const r = request as { id?: unknown; op?: unknown; args?: unknown };
  const id = typeof r === "object" && r !== null && Number.isInteger(r.id) ? (r.id as number) : null;
  if (id === null) return JSON.stringify({ id: null, error: "invalid request: missing integer id" });
  if (typeof r.op !== "string") return JSON.stringify({ id, error: "invalid request: op must be a string" });
  if (r.op === "capabilities") return JSON.stringify({ id, value: [...opNames] });
  try {
    const result = compute(r.op, r.args ?? {}, accuracyFor(options.digits));
    if (Array.isArray(result)) {
      const rendered = result.map((e) => render(e, options.digits));
      return JSON.stringify({ id, value: rendered.map((x) => x.value), enclosure: rendered.map((x) => x.enclosure) });
    }
    return JSON.stringify({ id, ...render(result, options.digits) });
  } catch (error) {
    if (error instanceof UnknownOpError) return JSON.stringify({ id, error: "unsupported op" });
    if (error instanceof BonklError) return JSON.stringify({ id, error: error.message });
    return JSON.stringify({ id, error: `internal error: ${error instanceof Error ? error.message : String(error)}` });
  }
}

/** Serves stdin to stdout until stdin ends. */
export async function serveStdio(options: ServeOptions): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    const response = answerLine(line, options);
    if (response !== null && !process.stdout.write(`${response}\n`)) {
      await new Promise<void>((resolve) => process.stdout.once("drain", () => resolve()));
    }
  }
}
