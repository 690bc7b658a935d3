/**
 * Exact arithmetic on enclosures, for quantities the oracle has no op for: the gap formula - KL (a
 * difference) and the estimators' standard deviation (the square root of a certified variance). Ends are
 * dyadic rationals m * 2^e, so differences are exact and square roots are rounded outward in bigint arithmetic.
 */
import { subtractDyadic, sqrtDyadic } from "./dyadic.ts";
import { Enclosure } from "./enclosure.ts";

/** a - b for enclosures: [a.lo - b.hi, a.hi - b.lo], exact. */
export function differenceOf(a: Enclosure, b: Enclosure): Enclosure {
  return new Enclosure(subtractDyadic(a.lo, b.hi), subtractDyadic(a.hi, b.lo), Math.max(a.precision, b.precision), a.accurate && b.accurate);
}

/**
 * sqrt of an enclosure of a quantity known to be >= 0 (a variance): the lower end is clamped at 0, so an
 * enclosure of an exact 0 that straddles it gives [0, sqrt(hi)].
 */
export function sqrtOf(v: Enclosure): Enclosure {
  if (v.hi.m < 0n) throw new Error(`sqrt of an enclosure below 0: ${v.toString()}`);
  const bits = Math.max(v.precision, 64) + 16;
  const lo = v.lo.m <= 0n ? { m: 0n, e: 0 } : sqrtDyadic(v.lo, bits, false);
  return new Enclosure(lo, sqrtDyadic(v.hi, bits, true), v.precision, v.accurate);
}
