/**
 * The core of the float library: one pass over the reward levels computing, for each level k,
 *   P_k = F_k^n - F_{k-1}^n   (the best-of-n probability of the level, Lemma 1)
 * and the KL divergence KL(pi_n || p) = sum_k P_k log(P_k / g_k) (per level; within a tie group pi_i / p_i is
 * the same for every member, so this equals the per-outcome sum of Eq. 3).
 *
 * Notation: g_k = level mass, F_k = mass at or below level k (compensated prefix sums from below,
 * cumulative-masses.ts), U_k = mass strictly above level k (a compensated sum from the top), S = F_K. They are
 * unnormalised and only their ratios are used, so 1 - F_k is never formed by subtraction and normalising p
 * costs nothing. The sweep runs from the top level down:
 *   x = g_k / F_k,   d_k = log(F_{k-1} / F_k) = log1p(-x) if x < 1/2 else log(F_{k-1} / F_k),   y = n d_k <= 0
 *   log F_k = sum_{j > k} d_j   (compensated; exactly 0 at the top, so it is relative-accurate near F = 1 just
 *                                as log1p(-U_k) would be, and no log call is spent on it)
 *   a = n log F_k = log F_k^n;   m = 1 - (F_{k-1}/F_k)^n = -expm1(y);   P_k = e^a m   (no cancellation)
 *   l = log(P_k / g_k) = a + log(m S / g_k);    term_k = P_k l.
 * Regimes:
 *   series:  x <= 2^-10 and n x <= 2^-5: d, m and l from the series of series.ts, with
 *            l = (n-1) log F_k + log n + log(-log1p(-x)/x) + log(expm1(y)/y), and F_k^n carried down the levels
 *            as E_{k-1} = E_k (1 - m_k), re-anchored by exp(a) every CHAIN_LENGTH + 1 levels: one exp per eight
 *            levels, the rest is polynomial. This is the regime of almost every level of a large flat p.
 *   general: as written above: log1p or log, expm1, exp, log (at most ~5 calls). Not counting underflowed
 *            levels, at most about (n + 745) / 2^-5 levels can be here (the sum of x over levels with
 *            a >= -745 is <= 1 + 745/n), so this regime never dominates the time for large L.
 *   dominant level (g_k > S/2, at most one): l = a + log m - log(g_k/S) with log m = log1p(-e^y) and
 *            log(g_k/S) = log1p(-(F_{k-1} + U_k)/S) (U_k summed on demand, once), so that a KL close to 0
 *            (p concentrated on one level) keeps its relative accuracy instead of suffering the absolute u of
 *            rounding m S / g_k near 1.
 *   underflow: once a < -745.2, F_k^n < 2^-1075 and P_k (and every P_j below) rounds to 0 in binary64: those
 *            levels cost a comparison each. The dropped KL terms are each below 2^-1075 (|a| + log n + 1),
 *            under 1e-315 in total.
 *   n = 1:   pi = p / S and KL = 0 exactly.
 *
 * Error model (u = 2^-53; for normal results):
 *   F_k, U_k:      relative <= u (1 + 2 K u) each.  x, F_{k-1}/F_k: relative <= 3u.
 *   d_k:           relative <= 4u (log1p(-x) has condition x / ((1 - x) |log1p(-x)|) <= 1.45 for x < 1/2).
 *   log F_k:       relative <= 5u (a compensated sum of same-signed d_j).  a = n log F_k: absolute <= 6u |a|,
 *                  hence e^a has relative error <= u (1 + 6 |a|). This is the conditioning of F^n in the inputs
 *                  (relative input errors of u move F_k^n by up to |a| u), not an artefact; |a| <= 745.2.
 *                  The chain adds <= 1.2u per carried level (1 - m_k with m_k <= 2^-5 accurate to 0.1u, and a
 *                  product), so <= 9u after CHAIN_LENGTH = 7 levels.
 *   m:             relative <= 7u (series: Horner and truncation below 2^-58; general: expm1 amplifies y's
 *                  error by |y| e^y / (1 - e^y) <= 1).
 *   P_k:           relative <= u (18 + 6 |a|); below 2^-1022, absolute <= u (18 + 6|a|) P_k + 2^-1074.
 *                  sum_k P_k = 1 within a few ulps (sum_k P_k |a_k| <= 1: a_k = log of the CDF of the maximum).
 *   l:             absolute <= 8u (|a| + |l| + log n + 1).
 *   KL:            the terms are summed with Neumaier compensation, so with B = sum_k P_k (|a| + |l| + log n + 1)
 *                  |KL_computed - KL| <= 16 u B, and B <= 2 log n + 3 (sum P|a| <= 1, sum P|l| <= KL + 2/e,
 *                  KL <= log n). A computed KL below 0 is set to 0 when within 16 u (2 log n + 3) (KL >= 0
 *                  exactly); beyond that the function throws (it would be an internal error).
 *                  When p is concentrated on one level the dominant-level evaluation keeps the error relative
 *                  (observed: a few ulps of KL, also for KL ~ 1e-300).
 * Time O(K): one pass for F, one sweep; ~1.1 transcendental calls per level in the series regime; no allocation
 * (scratch buffers).
 */
import { LOG_UNDERFLOW, UNIT_ROUNDOFF } from "./constants.ts";
import { SERIES_NX_MAX, SERIES_X_MAX } from "./series.ts";
import { cumulativeMasses } from "./cumulative-masses.ts";
import { neumaierSum } from "./neumaier.ts";

/** Levels whose F_k^n is carried by the chain E_{k-1} = E_k (1 - m_k) before exp(a) is evaluated afresh. */
export const CHAIN_LENGTH = 7;

/** Factor of u in the documented bound on the KL error (see the header). */
export const KL_ERROR_FACTOR = 16;

/** Results of generalLevel: P_k, l = log(P_k / g_k) and d_k = log(F_{k-1} / F_k) (no allocation per call). */
const generalOut = new Float64Array(3);

/**
 * One level outside the series regime (kept out of the hot loop so that the loop stays small enough for the
 * JIT to optimise reliably): writes P_k, l and d_k into generalOut.
 */
function generalLevel(
  mass: Float64Array,
  k: number,
  f: number,
  fPrev: number,
  total: number,
  n: number,
  a: number,
): void {
  const g = mass[k]!;
  let y = -Infinity;
  let m = 1;
  let d = -Infinity;
  if (fPrev > 0) {
    const x = g / f;
    d = x < 0.5 ? Math.log1p(-x) : Math.log(fPrev / f);
    y = n * d;
    m = -Math.expm1(y);
  }
  let ell: number;
  if (g > 0.5 * total) {
    // The dominant level: every piece in log1p form (see the header). Here y < -2 log 2: g > S/2 >= F/2 makes
    // x > 1/2, so d < -log 2 and n >= 2 (or fPrev = 0 and y = -Infinity); log1p(-e^y) is accurate for all such y.
    const logM = Math.log1p(-Math.exp(y));
    ell = a + logM - Math.log1p(-(fPrev + neumaierSum(mass, k + 1)) / total);
  } else {
    // g / S is normal and m / (g / S) finite: a >= -745.2 gives F_k / S >= e^(-745.2 / n), x > xMax >= 2^-5 / n,
    // so g / S = x F_k / S >= 2^-58 e^-373 > 2^-600 for 2 <= n <= 2^53 (the callers' n); m <= 1.
    ell = a + Math.log(m / (g / total));
  }
  generalOut[0] = Math.exp(a) * m;
  generalOut[1] = ell;
  generalOut[2] = d;
}

/**
 * Sweeps the levels (unnormalised masses in increasing reward order) for best-of-n: writes P_k into
 * `levelProb` when given (same length as `mass`) and returns KL(pi_n || p) in nats. The masses are normalised by
 * their compensated sum.
 */
export function sweepLevels(mass: Float64Array, n: number, levelProb: Float64Array | null): number {
  const count = mass.length;
  const cumulative = cumulativeMasses(mass);
  const total = cumulative[count - 1]!;
  if (n === 1) {
    if (levelProb !== null) for (let k = 0; k < count; k++) levelProb[k] = mass[k]! / total;
    return 0;
  }
  const kl = sweepLoop(mass, cumulative, total, n, levelProb);
  // The sign rule of the header (a KL computed below 0 is 0 within the rounding bound, an internal error beyond)
  // is checkedKl, at the end of this file, so that its tests can reach it: no input known makes the sweep's KL
  // negative, yet the documented error bound is absolute, so no proof says none can.
  return checkedKl(kl, n);
}

/**
 * The loop of sweepLevels, from the top level down; returns the compensated KL (not yet checked for sign).
 *
 * JIT note: V8 compiles a long loop on stack replacement (OSR) while the first call is still inside it, before
 * the code after the loop has ever run, so that code has no type feedback; the cached OSR code then
 * deoptimises at the loop exit of every later call and part of each call runs in the interpreter (measured: 2-4x
 * slower, at random between processes). The library's long loops therefore sit in functions that end right
 * after the loop, keeping their results up to date inside it, and avoid `break`; warm-up.ts primes the rest.
 */
function sweepLoop(
  mass: Float64Array,
  cumulative: Float64Array,
  total: number,
  n: number,
  levelProb: Float64Array | null,
): number {
  const logN = Math.log(n);
  const nMinus1 = n - 1;
  const xMax = Math.min(SERIES_X_MAX, SERIES_NX_MAX / n);

  let logSum = 0; // log F_k = logSum + logComp (compensated sum of the d_j above k)
  let logComp = 0;
  let klSum = 0; // compensated KL
  let klComp = 0;
  let kl = 0; // klSum + klComp
  // F^n of the next level down, carried by the series regime as E_{k-1} = E_k (1 - m_k); 0 = recompute.
  let nextPower = 0;
  let chained = 0; // consecutive levels whose F^n came from the chain

  for (let k = mass.length - 1; k >= 0; k--) {
    const g = mass[k]!;
    const logF = logSum + logComp;
    const a = n * logF;
    if (g === 0 || a < LOG_UNDERFLOW) {
      // A zero mass, or F_k^n < 2^-1075 (then for every level below as well: log F stops moving and stays low).
      if (levelProb !== null) levelProb[k] = 0;
      continue;
    }
    const f = cumulative[k]!;
    const x = g / f;
    let d: number;
    let prob: number;
    let ell: number;
    if (x <= xMax) {
      // Series regime. The polynomials of series.ts, written out so that no call is left to the inliner:
      // log1pRatio(x), expm1Ratio(y), logLog1pRatio(x), logExpm1Ratio(y).
      d = -(x * (1 + x * (1 / 2 + x * (1 / 3 + x * (1 / 4 + x * (1 / 5 + x * (1 / 6)))))));
      const y = n * d;
      const y2 = y * y;
      const m =
        -y *
        (1 +
          y * (1 / 2 + y * (1 / 6 + y * (1 / 24 + y * (1 / 120 + y * (1 / 720 + y * (1 / 5040 + y * (1 / 40320))))))));
      let power = nextPower;
      if (chained === CHAIN_LENGTH || power === 0) {
        power = Math.exp(a);
        chained = 0;
      } else chained++;
      prob = power * m;
      nextPower = power * (1 - m);
      ell =
        nMinus1 * logF +
        logN +
        x * (1 / 2 + x * (5 / 24 + x * (1 / 8 + x * (251 / 2880 + x * (19 / 288))))) +
        (y * (1 / 2) + y2 * (1 / 24 + y2 * (-1 / 2880 + y2 * (1 / 181440))));
    } else {
      generalLevel(mass, k, f, k > 0 ? cumulative[k - 1]! : 0, total, n, a);
      prob = generalOut[0]!;
      ell = generalOut[1]!;
      d = generalOut[2]!;
      nextPower = 0;
    }
    if (levelProb !== null) levelProb[k] = prob;
    if (prob > 0) {
      const term = prob * ell;
      const t = klSum + term;
      const tb = t - klSum; // TwoSum (Knuth): klComp gathers the exact error of klSum + term
      klComp += klSum - (t - tb) + (term - tb);
      klSum = t;
      kl = klSum + klComp;
    }
    if (d > -Infinity) {
      const t = logSum + d; // both <= 0
      const tb = t - logSum; // TwoSum (Knuth): logComp gathers the exact error of logSum + d
      logComp += logSum - (t - tb) + (d - tb);
      logSum = t;
    }
  }
  return kl;
}

/**
 * A computed KL(pi_n || p) with the sign rule applied: KL >= 0 exactly, and the computed value is within
 * KL_ERROR_FACTOR u (2 log n + 3) of it (the header), so a value below 0 but within that bound is returned as 0, and
 * one beyond it is an internal error. A KL of 0 is returned as +0, never -0.
 */
export function checkedKl(kl: number, n: number): number {
  if (kl > 0) return kl; // 0 and -0 go below: the result is +0
  const bound = KL_ERROR_FACTOR * UNIT_ROUNDOFF * (2 * Math.log(n) + 3);
  if (kl >= -bound) return 0;
  throw new Error(`internal: KL computed as ${kl}, below its rounding bound -${bound}`);
}
