/** Exact comparisons between dyadic enclosure ends and rationals, for tests. */
import type { Dyadic } from "./dyadic.ts";
import type { Rational } from "./rational.ts";
import { withExactReal, type Enclosure } from "./enclosure.ts";
import { allocReal, mpfr, releaseReal, RNDD, RNDU } from "./mpfr.ts";

function bits(x: bigint): number {
  return (x < 0n ? -x : x).toString(2).length;
}

/** Sign of (d - r) for a finite dyadic d and a rational r (den > 0). */
export function compareDyadicRational(d: Dyadic, r: Rational): number {
  if (!Number.isFinite(d.e)) return d.m > 0n ? 1 : -1;
  const sd = d.m > 0n ? 1 : d.m < 0n ? -1 : 0;
  const sr = r.num > 0n ? 1 : r.num < 0n ? -1 : 0;
  if (sd !== sr || sd === 0) return sd - sr;
  // same sign, both non-zero: compare magnitudes by size first
  const sizeD = bits(d.m) + d.e;
  const sizeR = bits(r.num) - bits(r.den);
  if (sizeD > sizeR + 2) return sd;
  if (sizeD < sizeR - 2) return -sd;
  const left = d.m * r.den;
  const l = d.e >= 0 ? left << BigInt(d.e) : left;
  const rr = d.e >= 0 ? r.num : r.num << BigInt(-d.e);
  return l > rr ? 1 : l < rr ? -1 : 0;
}

/** Whether lo <= r <= hi exactly. */
export function enclosureContains(e: Enclosure, r: Rational): boolean {
  return compareDyadicRational(e.lo, r) <= 0 && compareDyadicRational(e.hi, r) >= 0;
}

/**
 * Whether the enclosure meets a decimal reference value given to `digits` significant digits, i.e. intersects
 * [v - u, v + u] with u half a unit in its last place (the reference's own rounding error). Compared in MPFR
 * with directed rounding, so references like "4.8e-1000000" work; a reference below MPFR's exponent range
 * (about 1e-323000000) is known only to lie in (0, the smallest MPFR number).
 */
export function enclosureMeetsDecimal(e: Enclosure, value: string, digits: number): boolean {
  const text = value.trim();
  if (/^[+-]?0(\.0*)?(e[+-]?\d+)?$/i.test(text)) return compareDyadicRational(e.lo, { num: 0n, den: 1n }) <= 0 && compareDyadicRational(e.hi, { num: 0n, den: 1n }) >= 0;
  const prec = Math.max(256, Math.ceil(digits * 3.33) + 64);
  const lo = allocReal(prec);
  const hi = allocReal(prec);
  const slack = allocReal(64);
  try {
    mpfr.mpfr_set_string(lo, text, 10, RNDD);
    mpfr.mpfr_set_string(hi, text, 10, RNDU);
    if (mpfr.mpfr_nan_p(lo) || mpfr.mpfr_nan_p(hi)) throw new Error(`not a decimal: ${value}`);
    // widen by half a unit in the last digit: relative 10^(1-digits) / 2 <= 10^(1-digits)
    mpfr.mpfr_set_d(slack, 10 ** (1 - digits), RNDU);
    const negative = mpfr.mpfr_sgn(lo) < 0;
    mpfr.mpfr_mul(slack, slack, negative ? lo : hi, RNDU);
    mpfr.mpfr_abs(slack, slack, RNDU);
    mpfr.mpfr_sub(lo, lo, slack, RNDD);
    mpfr.mpfr_add(hi, hi, slack, RNDU);
    if (mpfr.mpfr_zero_p(lo) && !negative) mpfr.mpfr_set_zero(lo, 1); // underflowed reference: (0, tiny]
    const below = withExactReal(e.hi, (h) => mpfr.mpfr_less_p(h, lo) !== 0);
    const above = withExactReal(e.lo, (l) => mpfr.mpfr_greater_p(l, hi) !== 0);
    return !below && !above;
  } finally {
    releaseReal(lo);
    releaseReal(hi);
    releaseReal(slack);
  }
}
