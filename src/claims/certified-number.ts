/**
 * A certified real as the claims report it (a slack rhs - lhs, a ratio lhs / rhs): an enclosure [lo, hi] written as
 * decimal strings rounded outward, valid far outside the double range (slacks of 1e-137 or 10^-4.3e8 occur), made
 * from an Interval or from an enclosure of its natural log (a slack evaluated in factored form). Only `log10` is an
 * approximation, used to rank cases, never to decide one.
 */
import type { Interval } from "../numerics/interval.ts";
import { decimalString } from "../numerics/mpfr-decimal.ts";
import { allocReal, mpfr, releaseReal, RNDD, RNDN, RNDU, type RealPtr } from "../numerics/mpfr.ts";

export interface CertifiedNumber {
  /** Lower bound, 4 significant digits rounded down ("1.498e-137"). */
  readonly lo: string;
  /** Upper bound, 4 significant digits rounded up. */
  readonly hi: string;
  /** The value to 3 significant digits when both bounds round (to nearest) to the same, else null. */
  readonly digits: string | null;
  /** log10 of the upper bound, approximately (for ranking); null when the upper bound is <= 0. */
  readonly log10: number | null;
}

const BOUND_DIGITS = 4;
const SHOWN_DIGITS = 3;

/** log10 of a decimal string "d.ddde-7" (approximate), or null for a value <= 0. */
function log10OfDecimal(text: string): number | null {
  if (text === "0" || text.startsWith("-")) return null;
  const [mantissa, exponent] = text.split("e") as [string, string | undefined];
  return Math.log10(Number(mantissa)) + Number(exponent ?? 0);
}

/** The enclosure v, written out. */
export function certifiedOf(v: Interval): CertifiedNumber {
  const hi = decimalString(v.hi, BOUND_DIGITS, RNDU);
  const near = decimalString(v.lo, SHOWN_DIGITS, RNDN);
  return {
    lo: decimalString(v.lo, BOUND_DIGITS, RNDD),
    hi,
    digits: near === decimalString(v.hi, SHOWN_DIGITS, RNDN) ? near : null,
    log10: log10OfDecimal(hi),
  };
}

/**
 * 10^t as a decimal string of `digits` digits, for t = log10 of the value (any size): t = E + f with E = floor(t), and
 * 10^f in [1, 10] is computed rounded in direction `bound` (so that it is a bound), then printed rounded `print`.
 */
function powerOfTen(t: RealPtr, digits: number, bound: number, print: number, prec: number): string {
  const e = allocReal(Math.max(prec, 64));
  const f = allocReal(Math.max(prec, 64));
  try {
    mpfr.mpfr_floor(e, t); // exact: an integer of at most prec bits
    const exponent = mpfr.mpfr_get_d(e, RNDN); // |t| < 2^31 for any MPFR number: exact as a double
    mpfr.mpfr_sub(f, t, e, bound); // exact (t - floor(t) needs no more bits than t)
    mpfr.mpfr_exp10(f, f, bound);
    const text = decimalString(f, digits, print); // "d.ddd", or "1e1" when 10^f rounds up to 10
    const [mantissa, shift] = text.split("e") as [string, string | undefined];
    const total = exponent + Number(shift ?? 0);
    return total === 0 ? mantissa : `${mantissa}e${total}`;
  } finally {
    releaseReal(e);
    releaseReal(f);
  }
}

/** The positive value exp(logValue), written out from an enclosure of its natural log (any size, even below MPFR's range). */
export function certifiedOfLog(logValue: Interval): CertifiedNumber {
  const arena = logValue.arena;
  const ln10 = arena.scratch(0);
  const t = arena.real();
  const u = arena.real();
  // t <= log10 lower end, u >= log10 upper end: divide by ln 10 rounded so that each quotient moves outward
  mpfr.mpfr_set_ui(ln10, 10, RNDN);
  mpfr.mpfr_log(ln10, ln10, mpfr.mpfr_sgn(logValue.lo) < 0 ? RNDD : RNDU);
  mpfr.mpfr_div(t, logValue.lo, ln10, RNDD);
  mpfr.mpfr_set_ui(ln10, 10, RNDN);
  mpfr.mpfr_log(ln10, ln10, mpfr.mpfr_sgn(logValue.hi) < 0 ? RNDU : RNDD);
  mpfr.mpfr_div(u, logValue.hi, ln10, RNDU);
  const prec = arena.prec;
  // the 3 digits are certified when the lower bound and the upper bound round (to nearest) to the same
  const near = powerOfTen(t, SHOWN_DIGITS, RNDD, RNDN, prec);
  const upper = mpfr.mpfr_get_d(u, RNDU);
  return {
    lo: powerOfTen(t, BOUND_DIGITS, RNDD, RNDD, prec),
    hi: powerOfTen(u, BOUND_DIGITS, RNDU, RNDU, prec),
    digits: near === powerOfTen(u, SHOWN_DIGITS, RNDU, RNDN, prec) ? near : null,
    log10: Number.isFinite(upper) ? upper : null,
  };
}

/** For reports: the certified 3 digits, or the enclosure "[lo, hi]". */
export function showCertified(c: CertifiedNumber | null | undefined): string {
  if (c === null || c === undefined) return "-";
  return c.digits ?? `[${c.lo}, ${c.hi}]`;
}
