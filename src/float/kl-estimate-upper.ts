/**
 * klEstimateUpper: the alternate estimator KLhat_1(eps) = log((1 - (1 - eps)^n) / eps) of Eq. (26).
 *
 * Evaluation, with y = n log(1 - eps) and m = 1 - (1 - eps)^n = -expm1(y):
 *   n = 1 or eps = 1:               0 exactly (0 log 0 = 0 convention; KLhat_1(1) = 0).
 *   eps <= 2^-10 and n eps <= 2^-5:  log n + log(-log1p(-eps)/eps) + log(expm1(y)/y)   (series.ts). This is the
 *                                    regime of tiny eps, including eps = e^logEps underflowing to 0 for logEps
 *                                    far below -745: the value is then log n up to a term below 1e-290.
 *   eps >= 1/2 (delta = 1 - eps <= 1/2): log1p(-delta^n) - log(eps), with delta^n = exp(n log delta) and
 *                                    log(eps) from eps-point.ts (logEps itself when given): both terms are
 *                                    relative-accurate small numbers and delta^n <= delta^2 <= delta/2, so
 *                                    there is no cancellation even when the result is ~delta.
 *   otherwise:                      log(m / eps); here eps >= 2^-58 is normal and m / eps >= 2 - eps >= 3/2,
 *                                    so the log is well conditioned.
 * Error model: <= 4 ulp of the result in the last two branches, <= 3 ulp in the series branch (the result is
 * >= log 2 - 2^-6 there and the truncation is below 2^-62 absolute).
 */
import type { EpsInput, EpsPoint } from "./eps-point.ts";
import { readEpsPoint } from "./eps-point.ts";
import { SERIES_NX_MAX, SERIES_X_MAX, log1pRatio, logExpm1Ratio, logLog1pRatio } from "./series.ts";
import { readN } from "./validate.ts";

/** True when the series branch applies (shared with klEstimate). */
export function useEpsSeries(n: number, eps: number): boolean {
  return eps <= SERIES_X_MAX && n * eps <= SERIES_NX_MAX;
}

/** KLhat_1 for validated n >= 2 and eps < 1 given m = 1 - (1 - eps)^n = -expm1(n log(1 - eps)) (general branches). */
export function klEstimateUpperGeneral(pt: EpsPoint, n: number, m: number): number {
  if (pt.delta <= 0.5) return Math.log1p(-Math.exp(n * Math.log(pt.delta))) - pt.logEps;
  return Math.log(m / pt.eps);
}

/** KLhat_1 in the series branch (useEpsSeries true), given y = n log(1 - eps). */
export function klEstimateUpperSeries(eps: number, logN: number, y: number): number {
  return logN + logLog1pRatio(eps) + logExpm1Ratio(y);
}

/** KLhat_1 for validated inputs. */
export function klEstimateUpperAt(n: number, pt: EpsPoint): number {
  if (n === 1 || pt.delta === 0) return 0;
  if (useEpsSeries(n, pt.eps)) {
    const y = -n * (pt.eps * log1pRatio(pt.eps));
    return klEstimateUpperSeries(pt.eps, Math.log(n), y);
  }
  return klEstimateUpperGeneral(pt, n, -Math.expm1(n * pt.logOneMinusEps));
}

/**
 * The upper estimator KLhat_1(eps) = log((1 - (1 - eps)^n) / eps) of Eq. (26), in nats; its expectation under pi_n
 * bounds KL(pi_n || p) from above (Lemma 2).
 * @param n number of draws: an integer from 1 to 2^53 - 1.
 * @param point `{ eps }` with eps in (0, 1], or `{ logEps }` with logEps <= 0, exactly one of them.
 * @returns KLhat_1 in nats, >= 0 (0 for n = 1 or eps = 1).
 * @throws {InputError} when n or the point is invalid (`field` "n", "eps" or "logEps").
 */
export function klEstimateUpper(n: number, point: EpsInput): number {
  const count = readN(n);
  const pt = readEpsPoint(point);
  return klEstimateUpperAt(count, pt);
}
