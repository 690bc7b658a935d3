/**
 * The estimators under the best-of-n policy: eps_n = p(y) with y ~ pi_n (Eq. 20) takes the value p_i with
 * probability pi_i, so E[KLhat(eps_n)] = sum_i pi_i KLhat(p_i) exactly, and likewise the variance
 * sum_i pi_i (KLhat(p_i) - mean)^2. Values are shared between outcomes of equal mass.
 */
import { Interval, add, mul, setZero, square, sub } from "../../numerics/interval.ts";
import type { Arena } from "../../numerics/arena.ts";
import type { Distribution } from "../distribution.ts";
import { bonPmf } from "./bon-policy.ts";
import { epsFromMass, estimators, type EstimatorValues } from "./estimators.ts";

export interface EstimatorMoments {
  /** E[KLhat_1(eps_n)], Eq. (23)'s right-hand side. */
  readonly upperMean: Interval;
  readonly upperVariance: Interval;
  /** E[KLhat(eps_n)]. */
  readonly estimateMean: Interval;
  readonly estimateVariance: Interval;
}

export function estimatorMoments(arena: Arena, dist: Distribution, n: number): EstimatorMoments {
  const positive = dist.masses.filter((m) => m.num > 0n);
  const first = positive[0];
  if (first !== undefined && positive.every((m) => m.num * first.den === first.num * m.den)) {
    // every outcome has the same mass: eps_n is that mass whatever pi_n is (sum pi_n = 1 exactly), so
    // the expectations are the estimators' values and the variances are 0.
    const v = estimators(arena, n, epsFromMass(arena, first, dist.total));
    const zero = Interval.alloc(arena);
    setZero(zero);
    return { upperMean: v.upper, upperVariance: zero, estimateMean: v.estimate, estimateVariance: zero };
  }
  const pmf = bonPmf(arena, dist, n);
  const cache = new Map<string, EstimatorValues>();
  const values: (EstimatorValues | undefined)[] = dist.masses.map((m) => {
    if (m.num === 0n) return undefined;
    const key = `${m.num}/${m.den}`;
    let v = cache.get(key);
    if (v === undefined) {
      v = estimators(arena, n, epsFromMass(arena, m, dist.total));
      cache.set(key, v);
    }
    return v;
  });
  const mean = (pick: (v: EstimatorValues) => Interval): Interval => {
    const sum = Interval.alloc(arena);
    setZero(sum);
    const t = Interval.alloc(arena);
    values.forEach((v, i) => {
      if (v === undefined) return;
      mul(t, pmf[i] as Interval, pick(v));
      add(sum, sum, t);
    });
    return sum;
  };
  const variance = (pick: (v: EstimatorValues) => Interval, m: Interval): Interval => {
    const sum = Interval.alloc(arena);
    setZero(sum);
    const t = Interval.alloc(arena);
    values.forEach((v, i) => {
      if (v === undefined) return;
      sub(t, pick(v), m);
      square(t, t);
      mul(t, pmf[i] as Interval, t);
      add(sum, sum, t);
    });
    return sum;
  };
  const upperMean = mean((v) => v.upper);
  const estimateMean = mean((v) => v.estimate);
  return {
    upperMean,
    upperVariance: variance((v) => v.upper, upperMean),
    estimateMean,
    estimateVariance: variance((v) => v.estimate, estimateMean),
  };
}
