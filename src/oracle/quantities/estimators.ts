/**
 * The paper's KL estimators as functions of eps = p(y) (or of log eps):
 *
 *   Eq. (26)  KLhat_1(eps) = log((1 - (1-eps)^n) / eps)
 *   Eq. (28)  KLhat(eps)   = (1-eps)^n (log n + (n-1) log(1-eps) - (n-1)/n) + (1 - (1-eps)^n) KLhat_1(eps)
 *
 * Eq. (28) at eps = eps_infinity is also the right-hand side of Theorem 4, Eq. (27). At eps = 1 both are 0
 * (0 log 0 = 0). Numerically: (1-eps)^n = exp(n log(1-eps)) and 1 - (1-eps)^n = -expm1(n log(1-eps)), with
 * log(1-eps) from log1p(-eps) for small eps or from the exact complement 1 - eps for eps near 1; given
 * log eps, eps may lie far below MPFR's exponent range (log eps = -1e9), where 1 - (1-eps)^n is bounded
 * by n eps (1 - (n-1) eps / 2) <= 1 - (1-eps)^n <= n eps.
 */
import { Interval, setZero } from "../../numerics/interval.ts";
import type { Arena } from "../../numerics/arena.ts";
import { mpfr, RNDD, RNDU } from "../../numerics/mpfr.ts";
import type { Rational } from "../../numerics/rational.ts";
import { intervalOf, ratioOf } from "./exact-value.ts";

/** One value of eps in the three forms the formulas need; `one` marks eps = 1 exactly. */
export interface EpsPoint {
  readonly one: boolean;
  readonly eps: Interval;
  readonly logEps: Interval;
  /** log(1 - eps); unused (and zero) when eps = 1. */
  readonly logOneMinusEps: Interval;
}

const LOG_HALF = -Math.LN2;

function onePoint(arena: Arena): EpsPoint {
  const eps = Interval.fromDouble(arena, 1);
  const zero = Interval.alloc(arena);
  setZero(zero);
  return { one: true, eps, logEps: zero, logOneMinusEps: zero };
}

/** eps = num/den exactly (0 < eps <= 1). */
export function epsFromRational(arena: Arena, eps: Rational): EpsPoint {
  return epsFromMass(arena, eps, { num: 1n, den: 1n });
}

/** eps = w / total for exact rationals (a normalised mass); 1 - eps is taken from the exact complement. */
export function epsFromMass(arena: Arena, w: Rational, total: Rational): EpsPoint {
  // complement (total - w) exactly
  const complement = { num: total.num * w.den - w.num * total.den, den: total.den * w.den };
  if (complement.num === 0n) return onePoint(arena);
  const eps = ratioOf(arena, w, total);
  const logEps = eps.log();
  const small = w.num * total.den * 2n < total.num * w.den; // eps < 1/2
  const logOneMinusEps = small ? eps.neg().log1p() : ratioOf(arena, complement, total).log();
  return { one: false, eps, logEps, logOneMinusEps };
}

/** eps = exp(logEps) for an exact logEps <= 0. */
export function epsFromLog(arena: Arena, logEpsValue: Rational): EpsPoint {
  if (logEpsValue.num === 0n) return onePoint(arena);
  const logEps = intervalOf(arena, logEpsValue);
  const eps = logEps.exp(); // may be [0, tiny] below MPFR's range: still rigorous
  const logOneMinusEps = logEps.midDouble() < LOG_HALF ? eps.neg().log1p() : logEps.expm1().neg().log();
  return { one: false, eps, logEps, logOneMinusEps };
}

export interface EstimatorValues {
  /** KLhat_1(eps), Eq. (26). */
  readonly upper: Interval;
  /** KLhat(eps), Eq. (28) (= Theorem 4's right-hand side, Eq. (27), at eps = eps_infinity). */
  readonly estimate: Interval;
  /** (1 - eps)^n and 1 - (1 - eps)^n, shared with Theorem 3. */
  readonly power: Interval;
  readonly complementPower: Interval;
  readonly logComplementPower: Interval;
}

/**
 * 1 - (1 - eps)^n (Eq. 25: the probability that an outcome of mass eps is drawn at least once in n draws), alone:
 * for callers that need no estimator (estimators() computes it the same way).
 */
export function complementPowerOf(arena: Arena, n: number, pt: EpsPoint): Interval {
  return pt.one ? Interval.fromDouble(arena, 1) : pt.logOneMinusEps.scale(n).expm1().neg();
}

/**
 * log(1 - (1-eps)^n) from 1 - (1-eps)^n (complementPowerOf), falling back to the bound
 * n eps (1 - (n-1)eps/2) <= . <= n eps when eps underflows.
 */
export function logOneMinusPower(arena: Arena, n: number, pt: EpsPoint, complementPower: Interval): Interval {
  if (complementPower.isPositive()) return complementPower.log(); // at eps = 1: log 1 = 0 exactly
  const logN = Interval.fromDouble(arena, n).log();
  const slack = pt.eps.scale(-(n - 1) / 2); // -(n-1) eps / 2, rounded outward (n-1 and /2 exact in binary)
  if (!(slack.loDouble() > -0.5)) throw new Error("estimator fallback used outside its range");
  const lower = logN.add(pt.logEps).add(slack.log1p());
  const upper = logN.add(pt.logEps);
  const out = Interval.alloc(arena);
  mpfr.mpfr_set(out.lo, lower.lo, RNDD);
  mpfr.mpfr_set(out.hi, upper.hi, RNDU);
  return out;
}

export function estimators(arena: Arena, n: number, pt: EpsPoint): EstimatorValues {
  if (pt.one) {
    const zero = Interval.alloc(arena);
    setZero(zero);
    const one = Interval.fromDouble(arena, 1);
    return { upper: zero, estimate: zero, power: zero, complementPower: one, logComplementPower: zero };
  }
  const x = pt.logOneMinusEps.scale(n); // log (1-eps)^n
  const power = x.exp();
  const complementPower = complementPowerOf(arena, n, pt);
  const logComplementPower = logOneMinusPower(arena, n, pt, complementPower);
  const upper = logComplementPower.sub(pt.logEps); // Eq. (26)
  const logN = Interval.fromDouble(arena, n).log();
  const fraction = Interval.fromRational(arena, BigInt(n - 1), BigInt(n));
  const bracket = logN.add(pt.logOneMinusEps.scale(n - 1)).sub(fraction);
  const estimate = power.mul(bracket).add(complementPower.mul(upper)); // Eq. (28)
  return { upper, estimate, power, complementPower, logComplementPower };
}
