/**
 * Adaptive precision: evaluate at a working precision, and double it while some enclosure is wider than
 * the requested accuracy, up to a cap. Past the cap the honest, wider enclosure is returned, marked
 * `accurate: false`.
 */
import { Enclosure, dyadicOf } from "./enclosure.ts";
import type { Interval } from "./interval.ts";
import { withArena, type Arena } from "./arena.ts";
import { MAX_PRECISION, MIN_PRECISION, mpfr, RNDU } from "./mpfr.ts";
import { InputError } from "../errors.ts";

export interface Accuracy {
  /** Accept an enclosure whose width is at most `relative` times its smallest magnitude (default 1e-30). */
  relative?: number;
  /** ... or whose width is at most `absolute` (default 1e-40), for values that are exactly or nearly 0. */
  absolute?: number;
  /** First working precision in bits (default 128). */
  startPrecision?: number;
  /** Highest working precision in bits (default 8192). */
  maxPrecision?: number;
  /**
   * Also refine until the sign is certified (default false): the enclosure excludes 0, or is exactly [0, 0]. A value
   * far below the absolute accuracy (Theorem 3's bound at n = 1e6, eps = 1e-100 is 4.2e-284) then still gets a
   * proved sign; a value exactly 0 computed inexactly reaches the cap and comes back `accurate: false`.
   */
  sign?: boolean;
  /**
   * Called at the start of every pass and now and then during one (Arena.pulse), for progress reporting during a long
   * computation; it must not throw. Does not change the result.
   */
  onWork?: () => void;
}

/** An accuracy target with every field given (onWork aside: it does not change the result). */
export type ResolvedAccuracy = Required<Omit<Accuracy, "onWork">>;

export const DEFAULT_ACCURACY: ResolvedAccuracy = {
  relative: 1e-30,
  absolute: 1e-40,
  startPrecision: 128,
  maxPrecision: 8192,
  sign: false,
};

function resolve(accuracy: Accuracy | undefined): ResolvedAccuracy {
  const a = { ...DEFAULT_ACCURACY, ...accuracy };
  if (!(a.relative >= 0) || !(a.absolute >= 0)) throw new InputError("accuracy", accuracy, "relative and absolute accuracy must be >= 0");
  if (!(a.relative > 0 || a.absolute > 0)) throw new InputError("accuracy", accuracy, "one of relative and absolute accuracy must be > 0");
  if (!Number.isInteger(a.startPrecision) || a.startPrecision < MIN_PRECISION || a.startPrecision > MAX_PRECISION) {
    throw new InputError("startPrecision", a.startPrecision, `must be an integer from ${MIN_PRECISION} to ${MAX_PRECISION}`);
  }
  if (!Number.isInteger(a.maxPrecision) || a.maxPrecision < a.startPrecision || a.maxPrecision > MAX_PRECISION) {
    throw new InputError("maxPrecision", a.maxPrecision, `must be an integer from startPrecision to ${MAX_PRECISION}`);
  }
  return a;
}

/** Whether an interval meets the accuracy (computed in MPFR, rounding the width up). */
export function meetsAccuracy(v: Interval, accuracy: ResolvedAccuracy): boolean {
  if (mpfr.mpfr_nan_p(v.lo) || mpfr.mpfr_nan_p(v.hi) || mpfr.mpfr_inf_p(v.lo) || mpfr.mpfr_inf_p(v.hi)) return false;
  const width = v.arena.scratch(0);
  mpfr.mpfr_sub(width, v.hi, v.lo, RNDU);
  if (mpfr.mpfr_cmp_d(width, accuracy.absolute) <= 0) return true;
  const sLo = mpfr.mpfr_sgn(v.lo);
  const sHi = mpfr.mpfr_sgn(v.hi);
  if (sLo * sHi <= 0) return false;
  const magnitude = v.arena.scratch(1);
  if (sLo > 0) mpfr.mpfr_set(magnitude, v.lo, RNDU);
  else mpfr.mpfr_neg(magnitude, v.hi, RNDU);
  mpfr.mpfr_mul_d(magnitude, magnitude, accuracy.relative, RNDU);
  return mpfr.mpfr_lessequal_p(width, magnitude) !== 0;
}

/** Whether an interval's sign is proved: it excludes 0, or is the point 0. */
export function signCertified(v: Interval): boolean {
  return v.isPositive() || v.isNegative() || v.isExactZero();
}

/** Certifies a vector of quantities: all enclosures meet the accuracy, or the cap was reached. */
export function certifyAll(evaluate: (arena: Arena) => readonly Interval[], accuracy?: Accuracy): Enclosure[] {
  const a = resolve(accuracy);
  for (let prec = a.startPrecision; ; prec = Math.min(prec * 2, a.maxPrecision)) {
    accuracy?.onWork?.();
    const result = withArena(prec, (arena) => {
      const values = evaluate(arena);
      const good = (v: Interval) => meetsAccuracy(v, a) && (!a.sign || signCertified(v));
      const accurate = values.every(good);
      if (!accurate && prec < a.maxPrecision) return null;
      return values.map((v) => new Enclosure(dyadicOf(v.lo), dyadicOf(v.hi), prec, good(v)));
    }, accuracy?.onWork);
    if (result !== null) return result;
  }
}

/** Certifies one quantity. */
export function certify(evaluate: (arena: Arena) => Interval, accuracy?: Accuracy): Enclosure {
  return certifyAll((arena) => [evaluate(arena)], accuracy)[0] as Enclosure;
}

/** Evaluates at one fixed precision, with no accuracy target (for callers that run their own loop). */
export function evaluateAt(prec: number, evaluate: (arena: Arena) => readonly Interval[]): Enclosure[] {
  return withArena(prec, (arena) => evaluate(arena).map((v) => new Enclosure(dyadicOf(v.lo), dyadicOf(v.hi), prec, true)));
}
