/**
 * Test-only helpers for src/proofs (product code never imports this file): point values of the functions the
 * written proofs use, computed straight from their definitions with MPFR intervals, and certified comparisons.
 */
import { Interval, mpfr, RNDD, RNDU, type Arena } from "./intervals.ts";

/** m * 2^e, as the oracle's enclosures give their ends. */
export interface Dyadic {
  readonly m: bigint;
  readonly e: number;
}

/** Random cases per property: `base`, or 20 times as many with BONKL_DEEP=1 (`npm run test:deep`). */
export function runs(base: number): number {
  return process.env.BONKL_DEEP === "1" ? 20 * base : base;
}

/** Working precision of the test evaluations (well above the certificates' 128 bits). */
export const TEST_PRECISION = 256;

/** The exact value of a double as a point interval. */
export function at(arena: Arena, x: number): Interval {
  return Interval.fromDouble(arena, x);
}

/** An oracle enclosure end as an interval (exact, or rounded outward when it has more bits than the arena). */
export function dyadicInterval(arena: Arena, d: Dyadic): Interval {
  if (!Number.isFinite(d.e)) throw new Error("infinite dyadic");
  return d.e >= 0 ? Interval.fromRational(arena, d.m << BigInt(d.e), 1n) : Interval.fromRational(arena, d.m, 1n << BigInt(-d.e));
}

/** The hull [lo(a), hi(b)] of an oracle enclosure's two ends. */
export function enclosureInterval(arena: Arena, lo: Dyadic, hi: Dyadic): Interval {
  const out = Interval.alloc(arena);
  mpfr.mpfr_set(out.lo, dyadicInterval(arena, lo).lo, RNDD);
  mpfr.mpfr_set(out.hi, dyadicInterval(arena, hi).hi, RNDU);
  return out;
}

/** Every value of a is <= every value of b (certified). */
export function certainlyAtMost(a: Interval, b: Interval): boolean {
  return mpfr.mpfr_lessequal_p(a.hi, b.lo) !== 0;
}

/** The two enclosures share a point (necessary when they enclose the same number). */
export function overlap(a: Interval, b: Interval): boolean {
  return mpfr.mpfr_lessequal_p(a.lo, b.hi) !== 0 && mpfr.mpfr_lessequal_p(b.lo, a.hi) !== 0;
}

/** Upper bound on the width hi - lo (computed in MPFR, rounded up to a double). */
export function width(a: Interval): number {
  return a.sub(a).hiDouble(); // [lo - hi, hi - lo], upper end rounded up
}

/** a contains b: lo(a) <= lo(b) and hi(b) <= hi(a). */
export function contains(a: Interval, b: Interval): boolean {
  return mpfr.mpfr_lessequal_p(a.lo, b.lo) !== 0 && mpfr.mpfr_lessequal_p(b.hi, a.hi) !== 0;
}

/** f(x) = x coth x = x + 2x/(e^(2x) - 1), x > 0. */
export function xCothX(x: Interval): Interval {
  const twoX = x.scale(2);
  return x.add(twoX.div(twoX.expm1()));
}

/** sinh x = (expm1(x) - expm1(-x))/2: a sum of two positive terms for x > 0. */
export function sinh(x: Interval): Interval {
  return x.expm1().sub(x.neg().expm1()).scale(0.5);
}

/** Lsh(x) = log(sinh(x)/x), x > 0. */
export function lsh(x: Interval): Interval {
  return sinh(x).div(x).log();
}

/** f'(x) = coth x - x/sinh^2 x = (f(x) - x^2/sinh^2 x)/x, x > 0. */
export function xCothXSlope(x: Interval): Interval {
  return xCothX(x).sub(x.div(sinh(x)).square()).div(x);
}

/** D(x, v) = (1 - v)(x coth x - 1) - Lsh(x) + Lsh(vx), x > 0, v > 0. */
export function dForm(x: Interval, v: Interval): Interval {
  return v.neg().addDouble(1).mul(xCothX(x).addDouble(-1)).sub(lsh(x)).add(lsh(v.mul(x)));
}

/** D_x(x, v) = (1 - v) f'(x) + (f(vx) - f(x))/x, x > 0, v > 0. */
export function dFormSlope(x: Interval, v: Interval): Interval {
  return v.neg().addDouble(1).mul(xCothXSlope(x)).add(xCothX(v.mul(x)).sub(xCothX(x)).div(x));
}

/** phi at a point t > 0, from its definition. */
export function phiPoint(t: Interval): Interval {
  return t.neg().expm1().neg().div(t).log();
}

/** B at a point t > 0, from its definition. */
export function bPoint(t: Interval): Interval {
  return t.div(t.expm1());
}
