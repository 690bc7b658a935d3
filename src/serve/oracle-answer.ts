/**
 * One op computed by the oracle for `bonkl serve`, as the body of its response: `{value, enclosure}` with only
 * certified digits, or `{error}`. Runs wherever it is called: on the server's worker threads (serve-worker.ts), or in
 * this thread (answerLine).
 */
import { BonklError } from "../errors.ts";
import { compute, UnknownOpError, type Enclosure } from "../oracle/index.ts";

export type AnswerBody = { readonly value: string | string[]; readonly enclosure: [string, string] | [string, string][] } | { readonly error: string };

function accuracyFor(digits: number) {
  return { relative: 10 ** -(digits + 2), absolute: 10 ** -(digits + 10), maxPrecision: 1 << 16 };
}

function render(e: Enclosure, digits: number): { value: string; enclosure: [string, string] } {
  const value = e.certifiedDecimal(digits);
  if (value === null) throw new BonklError("UNCERTIFIED", `no certified digit: the enclosure ${e.toString()} straddles a rounding boundary at every length up to ${digits} digits (a value exactly halfway between two decimals, or the precision cap reached)`);
  return { value, enclosure: e.bounds(digits + 2) };
}

/** The response body for `op(args)` with `digits` significant digits. Never throws. */
export function oracleAnswer(op: string, args: unknown, digits: number): AnswerBody {
  try {
    const result = compute(op, args ?? {}, accuracyFor(digits));
    if (Array.isArray(result)) {
      const rendered = result.map((e) => render(e, digits));
      return { value: rendered.map((x) => x.value), enclosure: rendered.map((x) => x.enclosure) };
    }
    return render(result, digits);
  } catch (error) {
    if (error instanceof UnknownOpError) return { error: "unsupported op" };
    if (error instanceof BonklError) return { error: error.message };
    return { error: `internal error: ${error instanceof Error ? error.message : String(error)}` };
  }
}
