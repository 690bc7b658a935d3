/**
 * The one-variable functions the proofs are written in, enclosed over an interval through their monotonicity:
 * a monotone f maps [a, b] onto [f(a), f(b)] (or [f(b), f(a)]), so two point evaluations, each rounded outward,
 * enclose the whole image with no dependency problem. Each function's monotonicity is proved in spec/proofs.md
 * ("Analytic facts"); the tests check it and the values at sample points.
 *
 *   phi(t) = log((1 - e^-t) / t)   t >= 0, phi(0) = 0 (the limit), decreasing
 *   B(t)   = t / (e^t - 1)         t >= 0, B(0) = 1 (the limit), decreasing
 */
import { Interval, mpfr, RNDD, RNDU, type RealPtr } from "./intervals.ts";

/** [p, p] for the MPFR number p (exact: every number of an arena has the arena's precision). */
export function pointAt(source: Interval, p: RealPtr): Interval {
  const o = Interval.alloc(source.arena);
  mpfr.mpfr_set(o.lo, p, RNDD);
  mpfr.mpfr_set(o.hi, p, RNDU);
  return o;
}

/** The image of t under a decreasing f, from f at t's two ends (f gets point intervals). */
export function decreasingImage(t: Interval, f: (point: Interval) => Interval): Interval {
  const atHi = f(pointAt(t, t.hi));
  const atLo = f(pointAt(t, t.lo));
  const o = Interval.alloc(t.arena);
  mpfr.mpfr_set(o.lo, atHi.lo, RNDD);
  mpfr.mpfr_set(o.hi, atLo.hi, RNDU);
  return o;
}

function requireNonNegative(t: Interval, name: string): void {
  if (mpfr.mpfr_sgn(t.lo) < 0 || mpfr.mpfr_nan_p(t.lo) !== 0) throw new Error(`${name}: argument below 0`);
}

/** phi at a point t >= 0 (any interval works; it is evaluated as written). */
function phiFormula(t: Interval): Interval {
  if (t.isExactZero()) return Interval.fromDouble(t.arena, 0);
  return t.neg().expm1().neg().div(t).log();
}

/** B at a point t >= 0. */
function bFormula(t: Interval): Interval {
  if (t.isExactZero()) return Interval.fromDouble(t.arena, 1);
  return t.div(t.expm1());
}

/** phi(t) = log((1 - e^-t)/t) over t (t >= 0, finite), through its decrease. */
export function phi(t: Interval): Interval {
  requireNonNegative(t, "phi");
  return decreasingImage(t, phiFormula);
}

/** B(t) = t/(e^t - 1) over t (t >= 0, finite), through its decrease. */
export function bernoulliRatio(t: Interval): Interval {
  requireNonNegative(t, "B");
  return decreasingImage(t, bFormula);
}
