/**
 * Instruments the oracle's MPFR binding from outside (src/oracle is not modified): while `countMpfrCalls` runs,
 * every transcendental call (log, log1p, exp, expm1) and every MPFR number made (mpfr_init2) is counted, grouped
 * by working precision in the order the precisions first appear. A precision-doubling pass of the oracle's
 * adaptive loop shows up as one group, so the groups are the passes that were actually run.
 */
import { mpfr } from "../numerics/mpfr.ts";

export interface PassCount {
  /** Working precision of the pass, in bits. */
  bits: number;
  /** Transcendental MPFR calls made at that precision. */
  transcendental: number;
  /** MPFR numbers allocated at that precision. */
  allocated: number;
}

const TRANSCENDENTAL = ["mpfr_log", "mpfr_log1p", "mpfr_exp", "mpfr_expm1"] as const;

/** Runs `fn` with the counters on and returns its result with the passes seen. */
export function countMpfrCalls<T>(fn: () => T): { result: T; passes: PassCount[] } {
  const passes: PassCount[] = [];
  const passAt = (bits: number): PassCount => {
    let pass = passes.find((p) => p.bits === bits);
    if (pass === undefined) {
      pass = { bits, transcendental: 0, allocated: 0 };
      passes.push(pass);
    }
    return pass;
  };
  const binding = mpfr as unknown as Record<string, (...args: number[]) => number>;
  const originals = new Map<string, (...args: number[]) => number>();
  for (const name of TRANSCENDENTAL) {
    const original = binding[name] as (...args: number[]) => number;
    originals.set(name, original);
    binding[name] = (rop: number, ...rest: number[]) => {
      passAt(mpfr.mpfr_get_prec(rop)).transcendental++;
      return original(rop, ...rest);
    };
  }
  const init2 = binding.mpfr_init2 as (...args: number[]) => number;
  originals.set("mpfr_init2", init2);
  binding.mpfr_init2 = (ptr: number, prec: number) => {
    passAt(prec).allocated++;
    return init2(ptr, prec);
  };
  try {
    return { result: fn(), passes: passes.filter((p) => p.transcendental > 0) };
  } finally {
    for (const [name, original] of originals) binding[name] = original;
  }
}
