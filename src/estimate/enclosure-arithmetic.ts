/**
 * Exact arithmetic on enclosures, for quantities the oracle has no op for: the gap formula - KL (a
 * difference) and the estimators' standard deviation (the square root of a certified variance). Ends are
 * dyadic rationals m * 2^e, so differences are exact and square roots are rounded outward in bigint arithmetic.
 */
import { Enclosure, type Dyadic } from "../oracle/index.ts";

function finite(x: Dyadic, what: string): Dyadic {
  if (x.e === Number.POSITIVE_INFINITY) throw new Error(`${what}: infinite enclosure end`);
  return x;
}

function bitLength(m: bigint): number {
  return m === 0n ? 0 : (m < 0n ? -m : m).toString(2).length;
}

/** a - b, exactly. */
export function subtractDyadic(a: Dyadic, b: Dyadic): Dyadic {
  finite(a, "subtract");
  finite(b, "subtract");
  if (b.m === 0n) return a;
  if (a.m === 0n) return { m: -b.m, e: b.e };
  const e = Math.min(a.e, b.e);
  return { m: (a.m << BigInt(a.e - e)) - (b.m << BigInt(b.e - e)), e };
}

/** a - b for enclosures: [a.lo - b.hi, a.hi - b.lo], exact. */
export function differenceOf(a: Enclosure, b: Enclosure): Enclosure {
  return new Enclosure(subtractDyadic(a.lo, b.hi), subtractDyadic(a.hi, b.lo), Math.max(a.precision, b.precision), a.accurate && b.accurate);
}

/** floor(sqrt(n)) for n >= 0 (Newton's method from above). */
export function integerSqrt(n: bigint): bigint {
  if (n < 0n) throw new RangeError("integerSqrt of a negative number");
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(bitLength(n) / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** sqrt(x) rounded down (up = false) or up (up = true) to a dyadic with at least `bits` significant bits. */
export function sqrtDyadic(x: Dyadic, bits: number, up: boolean): Dyadic {
  finite(x, "sqrt");
  if (x.m < 0n) throw new RangeError("sqrt of a negative number");
  if (x.m === 0n) return x;
  // x = M * 2^(2j) with M an integer of at least 2 * bits bits, so sqrt(x) = sqrt(M) * 2^j.
  let shift = Math.max(0, 2 * bits - bitLength(x.m));
  if ((x.e - shift) % 2 !== 0) shift += 1;
  const M = x.m << BigInt(shift);
  const j = (x.e - shift) / 2;
  const r = integerSqrt(M);
  return { m: up && r * r !== M ? r + 1n : r, e: j };
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
