/**
 * Example 1, Eq. (6): for p = (1/2, 1/2) with r(0) = 0 < r(1) = 1, KL(pi_n || p) = log 2 - h(2^-n), where
 * h(x) = -x log x - (1-x) log(1-x) is the binary entropy. A closed form independent of Lemma 1's code path.
 */
import { Interval, setBounds } from "../../numerics/interval.ts";
import type { Arena } from "../../numerics/arena.ts";
import { mpfr, RNDD, RNDU } from "../../numerics/mpfr.ts";

/** Largest n for which 2^-n is inside MPFR's exponent range. */
const LAST_REPRESENTABLE = 1_073_741_000;

export function klExample1(arena: Arena, n: number): Interval {
  const log2 = Interval.alloc(arena);
  mpfr.mpfr_const_log2(log2.lo, RNDD);
  mpfr.mpfr_const_log2(log2.hi, RNDU);
  const x = Interval.alloc(arena); // 2^-n
  if (n <= LAST_REPRESENTABLE) {
    mpfr.mpfr_set_ui(x.lo, 1, RNDD);
    mpfr.mpfr_mul_2si(x.lo, x.lo, -n, RNDD);
    mpfr.mpfr_set(x.hi, x.lo, RNDU);
  } else {
    setBounds(x, 0, 0);
    mpfr.mpfr_set_ui(x.hi, 1, RNDU);
    mpfr.mpfr_mul_2si(x.hi, x.hi, -LAST_REPRESENTABLE, RNDU); // 0 < 2^-n < 2^-LAST_REPRESENTABLE
  }
  // h(x) = x * n log 2 - (1 - x) log1p(-x), since -log x = n log 2
  const first = x.mul(log2.scale(n));
  const second = x.neg().addDouble(1).mul(x.neg().log1p());
  const h = first.sub(second);
  return log2.sub(h);
}
