/**
 * What the oracle returns: an enclosure [lo, hi] proven to contain the exact value, with both ends kept
 * exactly as dyadic rationals m * 2^e (bigint m), so results from different computations compare exactly.
 */
import { allocInteger, allocReal, bigIntFromInteger, mpfr, releaseInteger, releaseReal, RNDD, RNDN, RNDU, setIntegerFromBigInt, type RealPtr } from "./mpfr.ts";
import { decimalString } from "./mpfr-decimal.ts";
import { bitLength, compareDyadic, isInfinite, NEGATIVE_INFINITY, POSITIVE_INFINITY, sign, ZERO, type Dyadic } from "./dyadic.ts";

export { compareDyadic, type Dyadic } from "./dyadic.ts";

/** Reads an MPFR number exactly. */
export function dyadicOf(x: RealPtr): Dyadic {
  if (mpfr.mpfr_nan_p(x)) throw new Error("NaN has no dyadic value");
  if (mpfr.mpfr_inf_p(x)) return mpfr.mpfr_sgn(x) > 0 ? POSITIVE_INFINITY : NEGATIVE_INFINITY;
  if (mpfr.mpfr_zero_p(x)) return ZERO;
  const z = allocInteger();
  try {
    const e = mpfr.mpfr_get_z_2exp(z, x);
    let m = bigIntFromInteger(z);
    let shift = 0;
    while ((m & 0xffffffffn) === 0n) {
      m >>= 32n;
      shift += 32;
    }
    while ((m & 1n) === 0n) {
      m >>= 1n;
      shift += 1;
    }
    return { m, e: e + shift };
  } finally {
    releaseInteger(z);
  }
}

/** Runs fn with a temporary MPFR number holding x exactly. */
export function withExactReal<T>(x: Dyadic, fn: (ptr: RealPtr) => T): T {
  const bits = isInfinite(x) || x.m === 0n ? 2 : Math.max(bitLength(x.m), 2);
  const ptr = allocReal(bits);
  try {
    if (isInfinite(x)) mpfr.mpfr_set_inf(ptr, x.m > 0n ? 1 : -1);
    else if (x.m === 0n) mpfr.mpfr_set_zero(ptr, 1);
    else {
      const z = allocInteger();
      try {
        setIntegerFromBigInt(z, x.m);
        mpfr.mpfr_set_z_2exp(ptr, z, x.e, RNDN); // exact: ptr has bitLength(m) bits
      } finally {
        releaseInteger(z);
      }
    }
    return fn(ptr);
  } finally {
    releaseReal(ptr);
  }
}

/** The double nearest to x (approximation for display and heuristics, never for decisions). */
export function dyadicToNumber(x: Dyadic, rnd: number = RNDN): number {
  if (isInfinite(x)) return x.m > 0n ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  if (x.m === 0n) return 0;
  return withExactReal(x, (ptr) => mpfr.mpfr_get_d(ptr, rnd));
}

/** x as a decimal string of `digits` significant digits rounded in direction rnd (RNDD, RNDU or RNDN). */
export function dyadicToDecimal(x: Dyadic, digits: number, rnd: number): string {
  return withExactReal(x, (ptr) => decimalString(ptr, digits, rnd));
}

/** An enclosure of an exact real value. */
export class Enclosure {
  constructor(
    /** Lower end (exact). */
    readonly lo: Dyadic,
    /** Upper end (exact). */
    readonly hi: Dyadic,
    /** Working precision (bits) of the computation that produced it. */
    readonly precision: number,
    /** Whether the requested accuracy was met (false: the precision cap was reached first). */
    readonly accurate: boolean = true,
  ) {
    if (compareDyadic(lo, hi) > 0) throw new Error("enclosure with lo > hi");
  }

  /** Midpoint, rounded to the nearest double: the point value. */
  get mid(): number {
    const lo = dyadicToNumber(this.lo);
    const hi = dyadicToNumber(this.hi);
    return lo === hi ? lo : lo / 2 + hi / 2;
  }

  /** Lower end rounded down to a double (a rigorous double lower bound). */
  get loNumber(): number {
    return dyadicToNumber(this.lo, RNDD);
  }

  /** Upper end rounded up to a double (a rigorous double upper bound). */
  get hiNumber(): number {
    return dyadicToNumber(this.hi, RNDU);
  }

  /** An upper bound (a double, rounded up) on the width hi - lo. */
  get width(): number {
    return withExactReal(this.hi, (hi) =>
      withExactReal(this.lo, (lo) => {
        const w = allocReal(Math.max(mpfr.mpfr_get_prec(hi), mpfr.mpfr_get_prec(lo), 64));
        try {
          mpfr.mpfr_sub(w, hi, lo, RNDU);
          return mpfr.mpfr_get_d(w, RNDU);
        } finally {
          releaseReal(w);
        }
      }),
    );
  }

  /** width / min(|lo|, |hi|) (Infinity when the enclosure contains 0): an upper bound, as a double. */
  get relativeWidth(): number {
    if (sign(this.lo) * sign(this.hi) <= 0) return this.width === 0 ? 0 : Number.POSITIVE_INFINITY;
    const magnitude = sign(this.lo) > 0 ? dyadicToNumber(this.lo, RNDD) : -dyadicToNumber(this.hi, RNDU);
    return this.width / magnitude;
  }

  /** Decimal strings of the ends, rounded outward to `digits` significant digits. */
  bounds(digits = 40): [string, string] {
    return [dyadicToDecimal(this.lo, digits, RNDD), dyadicToDecimal(this.hi, digits, RNDU)];
  }

  /**
   * The value with only certified digits: the largest d <= digits such that both ends round (to nearest)
   * to the same d-digit decimal, which is then the correctly rounded value of the exact number. When no
   * digit is certified (an enclosure straddling 0), "0" if the enclosure lies within 10^-digits of 0.
   * Returns null when not even that holds.
   */
  certifiedDecimal(digits = 40): string | null {
    if (compareDyadic(this.lo, this.hi) === 0) return dyadicToDecimal(this.lo, digits, RNDN);
    for (let d = digits; d >= 1; d--) {
      const a = dyadicToDecimal(this.lo, d, RNDN);
      const b = dyadicToDecimal(this.hi, d, RNDN);
      // An enclosure straddling 0 never gets here: ends of opposite signs print with opposite signs, and a
      // non-zero end never rounds to "0" (it keeps d significant digits).
      if (a === b) return a;
    }
    if (sign(this.lo) <= 0 && sign(this.hi) >= 0) {
      const tiny = `1e-${digits}`;
      if (this.hiNumber <= Number(tiny) && -this.loNumber <= Number(tiny)) return "0";
    }
    return null;
  }

  /**
   * The certified sign of the exact value: 1 or -1 when the enclosure excludes 0, 0 when it is exactly [0, 0], null
   * when it contains 0 without being 0 (ask with accuracy `{ sign: true }` to refine until the sign is proved).
   */
  get sign(): -1 | 0 | 1 | null {
    const lo = sign(this.lo);
    const hi = sign(this.hi);
    if (lo > 0) return 1;
    if (hi < 0) return -1;
    return lo === 0 && hi === 0 ? 0 : null;
  }

  /** Whether the exact value x (dyadic) lies in [lo, hi]. */
  contains(x: Dyadic): boolean {
    return compareDyadic(this.lo, x) <= 0 && compareDyadic(x, this.hi) <= 0;
  }

  toString(): string {
    const [lo, hi] = this.bounds(20);
    return `[${lo}, ${hi}]`;
  }
}
