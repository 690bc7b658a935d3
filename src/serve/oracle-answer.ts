/**
 * One op computed by the oracle for `bonkl serve`, as the body of its response: `{value, enclosure}` with only
 * certified digits, or `{error}`. Runs wherever it is called: on the server's worker threads (serve-worker.ts), or in
 * this thread (answerLine).
 */
import { BonklError } from "../errors.ts";
import { compute, opNames, UnknownOpError, type Enclosure } from "../oracle/index.ts";

export type AnswerBody =
  | { readonly value: string | string[]; readonly enclosure: [string, string] | [string, string][] }
  | { readonly value: readonly string[] } // capabilities: the ops served
  | { readonly error: string };

/** Guard bits beyond those the digits need, before rounding up to whole 64-bit limbs. */
const GUARD_BITS = 16;

/**
 * The accuracy asked of the oracle for `digits` certified digits: relative 10^-(digits+2) (absolute 10^-(digits+10)
 * for values near 0). The first pass starts at the bits that accuracy needs plus GUARD_BITS, rounded up to whole
 * 64-bit limbs (MPFR works in limbs: 140 bits cost what 192 do): 128 bits up to 31 digits, 192 up to 50, ... Starting
 * at 128 bits for 40 digits always failed its first pass and redid the whole computation at 256 (issue 13's profile).
 */
export function serveAccuracy(digits: number) {
  const bits = Math.ceil((digits + 2) * Math.log2(10)) + GUARD_BITS;
  const maxPrecision = 1 << 16;
  return { relative: 10 ** -(digits + 2), absolute: 10 ** -(digits + 10), startPrecision: Math.min(maxPrecision, Math.max(128, 64 * Math.ceil(bits / 64))), maxPrecision };
}

function render(e: Enclosure, digits: number): { value: string; enclosure: [string, string] } {
  const value = e.certifiedDecimal(digits);
  if (value === null) throw new BonklError("UNCERTIFIED", `no certified digit: the enclosure ${e.toString()} straddles a rounding boundary at every length up to ${digits} digits (a value exactly halfway between two decimals, or the precision cap reached)`);
  return { value, enclosure: e.bounds(digits + 2) };
}

/** The response body for `op(args)` with `digits` significant digits. Never throws (`oracle`: the oracle's compute, replaced only by tests). */
export function oracleAnswer(op: string, args: unknown, digits: number, oracle: typeof compute = compute): AnswerBody {
  if (op === "capabilities") return { value: [...opNames] };
  try {
    const result = oracle(op, args ?? {}, serveAccuracy(digits));
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
