/**
 * Right-hand sides of the paper's bounds on the gap  KLtilde_n - KL(pi_n || p)  and on KL itself.
 *
 *   Theorem 2,  Eq. (17): gap <= 2 n (n-1) e^{-H_2(p)}
 *   Corollary 2, Eq. (19): gap <= 2 n (n-1) delta,  delta >= max_y p(y)
 *   Theorem 3,  Eq. (21): gap >= (1-(1-e)^n) (log(n e / (1-(1-e)^n)) - (n-1)/n) - (n-1)(1-e)^n log(1-e) >= 0
 *   Corollary 3, Eq. (22): gap >= (1 - e^{-n e}) log(n e) - 1
 *   Lemma 2,    Eq. (23): KL <= E_{y ~ pi_n}[ KLhat_1(p(y)) ]
 *   Theorem 4,  Eq. (27): KL <= KLhat(eps_infinity)   (Eq. 28 evaluated at e = eps_infinity)
 *
 * with e = eps_infinity. Theorem 3's bound is about n^3 e^3 / 24 for small n e while its terms are about
 * n e: interval arithmetic keeps the sign honest, and the caller raises the precision until it is decided.
 */
import { Interval } from "../../numerics/interval.ts";
import type { Arena } from "../../numerics/arena.ts";
import type { Distribution } from "../distribution.ts";
import { collisionProbability, maxMass, type Reading } from "./renyi.ts";
import { estimators, type EpsPoint } from "./estimators.ts";
import { estimatorMoments } from "./estimator-moments.ts";

function twoNNMinusOne(arena: Arena, n: number): Interval {
  return Interval.fromDouble(arena, n).mul(Interval.fromDouble(arena, n - 1)).scale(2);
}

/** Eq. (17): 2n(n-1) e^{-H_2(p)} = 2n(n-1) sum p(y)^2. */
export function gapBoundThm2(arena: Arena, dist: Distribution, n: number, per: Reading = "outcome"): Interval {
  return twoNNMinusOne(arena, n).mul(collisionProbability(arena, dist, per));
}

/** Eq. (19) with the smallest admissible delta = max p(y). */
export function gapBoundCor2(arena: Arena, dist: Distribution, n: number, per: Reading = "outcome"): Interval {
  return twoNNMinusOne(arena, n).mul(maxMass(arena, dist, per));
}

/** Eq. (21), the middle expression, at e = eps (an eps_infinity). */
export function gapBoundThm3(arena: Arena, n: number, pt: EpsPoint): Interval {
  const logN = Interval.fromDouble(arena, n).log();
  const fraction = Interval.fromRational(arena, BigInt(n - 1), BigInt(n));
  if (pt.one) return logN.sub(fraction); // (1-e)^n = 0 and 0 log 0 = 0
  const { power, complementPower, logComplementPower } = estimators(arena, n, pt);
  // log(n e / (1 - (1-e)^n)) = log n + log e - log(1 - (1-e)^n)
  const logRatio = logN.add(pt.logEps).sub(logComplementPower);
  const first = complementPower.mul(logRatio.sub(fraction));
  const second = power.mul(pt.logOneMinusEps).scale(n - 1);
  return first.sub(second);
}

/** Eq. (22) at e = eps: (1 - e^{-n e}) log(n e) - 1. */
export function gapBoundCor3(arena: Arena, n: number, pt: EpsPoint): Interval {
  const logN = Interval.fromDouble(arena, n).log();
  const factor = pt.eps.scale(-n).expm1().neg();
  return factor.mul(logN.add(pt.logEps)).addDouble(-1);
}

/** Eq. (27) at e = eps: Theorem 4's upper bound on KL. */
export function klBoundThm4(arena: Arena, n: number, pt: EpsPoint): Interval {
  return estimators(arena, n, pt).estimate;
}

/** Eq. (23): E_{pi_n}[KLhat_1(eps_n)], eps_n = p(chosen outcome). */
export function klBoundLemma2(arena: Arena, dist: Distribution, n: number): Interval {
  return estimatorMoments(arena, dist, n).upperMean;
}
