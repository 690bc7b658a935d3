/**
 * klEstimate: the proposed estimator of Eq. (28),
 *   KLhat(eps) = A (log n + (n-1) log(1 - eps) - (n-1)/n) + (1 - A) KLhat_1(eps),   A = (1 - eps)^n.
 *
 * Evaluation: with y = n log(1 - eps) (log(1 - eps) from eps-point.ts), A = e^y and 1 - A = -expm1(y), never
 * 1 - A by subtraction; the first bracket is klFormula(n) + (n-1) log(1 - eps); KLhat_1 as in
 * kl-estimate-upper.ts. In the series branch (eps <= 2^-10, n eps <= 2^-5) log(1 - eps) = -eps (1 + eps/2 + ...)
 * and 1 - A = -y (e^y - 1)/y, so eps = e^logEps may underflow (logEps = -1e5) and the value tends to
 * klFormula(n) with no loss. n = 1 or eps = 1 give 0 exactly (A log A-type terms vanish: 0 log 0 = 0).
 * When A = e^y underflows to 0 (y < -745) the first term is dropped: it is at most A (log n + |y|), while the
 * second is at least log(1/eps) >= 1 - eps = A^(1/n) >= A^(1/2) for n >= 2, so the ratio is below e^-370.
 *
 * Error model: each of the two terms is computed with relative error <= 6u + u |y| (the conditioning of A in y);
 * the final sum can cancel only where the first bracket is negative (moderate eps); the result is then
 * within 8u (|term1| + |term2|) absolutely, a handful of ulps of the value in practice.
 */
import type { EpsInput } from "./eps-point.ts";
import { readEpsPoint } from "./eps-point.ts";
import { klFormulaOf } from "./kl-formula.ts";
import {
  klEstimateUpperGeneral,
  klEstimateUpperSeries,
  useEpsSeries,
} from "./kl-estimate-upper.ts";
import { expm1Ratio, log1pRatio } from "./series.ts";
import { readN } from "./validate.ts";

/**
 * The KL estimator KLhat(eps) of Eq. (28), in nats, at eps = p(chosen sample) of one best-of-n draw.
 * @param n number of draws: an integer from 1 to 2^53 - 1.
 * @param point `{ eps }` with eps in (0, 1], or `{ logEps }` with logEps <= 0 (natural log; use it when eps
 *   underflows binary64, e.g. a sequence log-probability), exactly one of them.
 * @returns KLhat in nats (0 for n = 1 or eps = 1).
 * @throws {InputError} when n or the point is invalid (`field` "n", "eps" or "logEps").
 */
export function klEstimate(n: number, point: EpsInput): number {
  const count = readN(n);
  const pt = readEpsPoint(point);
  if (count === 1 || pt.delta === 0) return 0;
  const formula = klFormulaOf(count);
  const nMinus1 = count - 1;
  if (useEpsSeries(count, pt.eps)) {
    const logOneMinusEps = -(pt.eps * log1pRatio(pt.eps));
    const y = count * logOneMinusEps;
    const a = Math.exp(y);
    const oneMinusA = -y * expm1Ratio(y);
    const upper = klEstimateUpperSeries(pt.eps, Math.log(count), y);
    return a * (formula + nMinus1 * logOneMinusEps) + oneMinusA * upper;
  }
  const y = count * pt.logOneMinusEps;
  const a = Math.exp(y);
  const oneMinusA = -Math.expm1(y);
  const upper = klEstimateUpperGeneral(pt, count, oneMinusA);
  const first = a === 0 ? 0 : a * (formula + nMinus1 * pt.logOneMinusEps);
  return first + oneMinusA * upper;
}
