/**
 * Factored slacks: for strict cases whose slack rhs - lhs is far below the working precision (2^-4096 and smaller:
 * q = (1 - e)^n with n = 1e9 is 10^-3e8), the slack is evaluated in a form with no cancellation, as an enclosure of
 * its log, using identities written out in spec/claims.md ("The structure") and checked as claims of their own.
 * Each function returns null when its form does not apply to the case (the direct comparison then stands), or the
 * evidence the factored form gives at this precision (proved, disproved, or open).
 */
import type { Arena } from "../../numerics/arena.ts";
import { Interval, add, setZero } from "../../numerics/interval.ts";
import { bonLevels, bonPmf, epsFromMass, estimators, klBon, logLevelProb, type EstimatorValues } from "../../oracle/interval-api.ts";
import type { Rational } from "../../numerics/rational.ts";
import { provedByFactoredSlack, type Evidence } from "../evidence.ts";
import { distributionOf, type BonCase } from "../arbitraries/cases.ts";
import type { DistributionCase } from "../arbitraries/distributions.ts";
import { belowTop, gapOf, logQ } from "./below-top.ts";
import { epsInfinityPoint } from "./quantities.ts";

type Extra = { informative?: boolean };

/** log(sum_k exp(t_k)) for enclosures t_k (k >= 1), with no overflow or underflow trouble: M + log(sum exp(t_k - M)). */
export function logSumExp(arena: Arena, terms: readonly Interval[]): Interval {
  let pivot = terms[0] as Interval;
  for (const t of terms) if (t.midDouble() > pivot.midDouble()) pivot = t;
  const m = Interval.fromBounds(arena, pivot.loDouble(), pivot.loDouble()); // any exact number will do
  const sum = Interval.alloc(arena);
  setZero(sum);
  for (const t of terms) add(sum, sum, t.sub(m).exp());
  return sum.log().add(m);
}

/** The evidence for slack = q * x given an enclosure of x, with log q = logQ: proved when x > 0, disproved when x < 0. */
function qTimes(logQValue: Interval, x: Interval, how: string, extra: Extra, what: string): Evidence {
  if (x.isPositive()) return provedByFactoredSlack(logQValue.add(x.log()), how, extra);
  if (x.isNegative()) return { status: "disproved", detail: `${what} < 0 (factored slack ${how})`, ...extra };
  return { status: "open", ...extra };
}

/**
 * Theorem 3 (= Theorem 4): gap(p) - A(e, n) = KLhat(e) - KL(pi_n || p) = q gap(p'), so
 * log slack = n log(1 - e) + log gap(p'). Applies when p has at least two reward levels.
 */
export function thm3Slack(arena: Arena, c: BonCase, extra: Extra = {}): Evidence | null {
  const below = belowTop(c.dist);
  if (below === null) return null;
  return qTimes(logQ(arena, c), gapOf(arena, below.dist, c.n), "q gap(p'): n log(1 - e_inf) + log gap(p')", extra, "gap(p')");
}

/** log(1 - (1 - m/total)^n) for exact masses, shared between outcomes of equal mass. */
function estimatorCache(arena: Arena, n: number, total: Rational): (m: Rational) => EstimatorValues {
  const cache = new Map<string, EstimatorValues>();
  return (m) => {
    const key = `${m.num}/${m.den}`;
    let v = cache.get(key);
    if (v === undefined) {
      v = estimators(arena, n, epsFromMass(arena, m, total));
      cache.set(key, v);
    }
    return v;
  };
}

/**
 * Lemma 2, term by term: E[KLhat_1(eps_n)] - KL = sum_y pi(y) d(y), d(y) = log(1 - (1 - p(y))^n) - log pi(y) >= 0
 * (Eq. 25), each term evaluated in log space (log pi(y) + log d(y)); the top outcome's term is exactly 0 when it is
 * alone in its level (pi = 1 - (1 - e)^n). Proved when every other d(y) is proved > 0.
 */
export function lemma2Slack(arena: Arena, c: BonCase, extra: Extra = {}): Evidence | null {
  const dist = distributionOf(c.dist);
  const levels = bonLevels(arena, dist, c.n);
  const values = estimatorCache(arena, c.n, dist.total);
  const logTerms: Interval[] = [];
  const K = dist.levels.length;
  for (let k = 0; k < K; k++) {
    const level = dist.levels[k]!;
    if (k === K - 1 && level.members.length === 1) continue; // exactly 0
    const logP = logLevelProb(arena, levels, k);
    for (const i of level.members) {
      const m = dist.masses[i]!;
      const logPi = level.members.length === 1 ? logP : logP.add(Interval.fromRational(arena, m.num * level.mass.den, m.den * level.mass.num).log());
      const d = values(m).logComplementPower.sub(logPi);
      if (d.isNegative()) return { status: "disproved", detail: `Eq. (25) fails at outcome ${i}: pi(y) > 1 - (1 - p(y))^n`, ...extra };
      if (!d.isPositive()) return { status: "open", ...extra };
      logTerms.push(logPi.add(d.log()));
    }
  }
  if (logTerms.length === 0) return null;
  return provedByFactoredSlack(logSumExp(arena, logTerms), "sum over outcomes of pi(y) log((1 - (1 - p(y))^n) / pi(y)), each term > 0 (Eq. 25), in log space", extra);
}

/**
 * The conjecture E[KLhat(eps_n)] >= KL, top level alone in its level: E[KLhat(eps_n)] - KL = q B with
 * B = E_{y ~ pi_n'}[KLhat(p(y))] - KLhat(e) + gap(p') (p(y) the mass under p, pi_n' best-of-n of p'), so
 * log slack = n log(1 - e) + log B.
 */
export function conjectureSlack(arena: Arena, c: BonCase, extra: Extra = {}): Evidence | null {
  const dist = distributionOf(c.dist);
  const below = belowTop(c.dist);
  if (below === null || dist.topLevel.members.length !== 1) return null;
  const values = estimatorCache(arena, c.n, dist.total);
  const pmf = bonPmf(arena, distributionOf(below.dist), c.n);
  const mean = Interval.alloc(arena);
  setZero(mean);
  below.index.forEach((i, j) => {
    const m = dist.masses[i]!;
    if (m.num > 0n) add(mean, mean, (pmf[j] as Interval).mul(values(m).estimate));
  });
  const top = estimators(arena, c.n, epsInfinityPoint(arena, c)).estimate;
  const b = mean.sub(top).add(gapOf(arena, below.dist, c.n));
  return qTimes(logQ(arena, c), b, "q B: n log(1 - e_inf) + log(E_{pi_n'}[KLhat(p(y))] - KLhat(e_inf) + gap(p'))", extra, "B");
}

/**
 * -log(1 - q) / q for q = exp(logQ) in (0, 1): in [1, 1 + q] when q <= 1/2 (used when q is tiny or below MPFR's
 * range), else -log(-expm1(log q)) / q (1 - q accurate also when q is near 1).
 */
function logRatio(arena: Arena, logQValue: Interval): Interval {
  const q = logQValue.exp();
  if (q.hiDouble() <= 2 ** -20) return Interval.fromDouble(arena, 1).add(Interval.fromBounds(arena, 0, q.hiDouble()));
  return logQValue.expm1().neg().log().neg().div(q);
}

/**
 * D_m = log(1/e) - KL(pi_m || p) = q_m L_m with q_m = (1 - e)^m and
 * L_m = -m log(1 - e) + (1 - q_m) (-log(1 - q_m) / q_m) + log((1 - e)/e) - KL(pi_m' || p')
 * (from pi_m = (1 - q_m) top + q_m pi_m'). Returns L_m, or null with one level.
 */
function limitDefectFactor(arena: Arena, c: BonCase, m: number, below: DistributionCase): Interval {
  const pt = epsInfinityPoint(arena, c);
  const logQm = pt.logOneMinusEps.scale(m);
  const oneMinusQ = logQm.expm1().neg();
  return logQm.neg().add(oneMinusQ.mul(logRatio(arena, logQm))).add(pt.logOneMinusEps.sub(pt.logEps)).sub(klBon(arena, distributionOf(below), m));
}

/** KL <= log(1/e_inf): the slack is D_n = q L_n; log slack = n log(1 - e) + log L_n. */
export function limitSlack(arena: Arena, c: BonCase, extra: Extra = {}): Evidence | null {
  const below = belowTop(c.dist);
  if (below === null) return null;
  return qTimes(logQ(arena, c), limitDefectFactor(arena, c, c.n, below.dist), "q L_n: n log(1 - e_inf) + log L_n (spec: The structure)", extra, "L_n");
}

/** KL non-decreasing in n: KL_{n+1} - KL_n = D_n - D_{n+1} = q_n (L_n - (1 - e) L_{n+1}). */
export function incrementSlack(arena: Arena, c: BonCase, extra: Extra = {}): Evidence | null {
  const below = belowTop(c.dist);
  if (below === null) return null;
  const pt = epsInfinityPoint(arena, c);
  const bracket = limitDefectFactor(arena, c, c.n, below.dist).sub(pt.logOneMinusEps.exp().mul(limitDefectFactor(arena, c, c.n + 1, below.dist)));
  return qTimes(logQ(arena, c), bracket, "q_n (L_n - (1 - e_inf) L_{n+1}), in log space", extra, "L_n - (1 - e) L_{n+1}");
}

/** The rate of KL -> log(1/e): h(q) + q log((1 - e)/e) - (log(1/e) - KL) = q KL(pi_n' || p') exactly. */
export function rateSlack(arena: Arena, c: BonCase, extra: Extra = {}): Evidence | null {
  const below = belowTop(c.dist);
  if (below === null) return null;
  return qTimes(logQ(arena, c), klBon(arena, distributionOf(below.dist), c.n), "q KL(pi_n' || p'): n log(1 - e_inf) + log KL(pi_n' || p')", extra, "KL(pi_n' || p')");
}

/**
 * KL <= log L for uniform p: log L - KL(pi_n || uniform) = H(pi_n) = sum_k P_k log(1/P_k), summed in log space; the
 * top level's term is (1 - q) q (-log(1 - q) / q), so that it keeps its size when 1 - q rounds to 1.
 */
export function entropySlack(arena: Arena, c: BonCase, extra: Extra = {}): Evidence | null {
  const dist = distributionOf(c.dist);
  const K = dist.levels.length;
  if (K < 2 || dist.topLevel.members.length !== 1) return null;
  const levels = bonLevels(arena, dist, c.n);
  const logTerms: Interval[] = [];
  for (let k = 0; k < K - 1; k++) {
    const logP = logLevelProb(arena, levels, k);
    if (!logP.isNegative()) return { status: "open", ...extra };
    logTerms.push(logP.add(logP.neg().log()));
  }
  const lq = logQ(arena, c);
  logTerms.push(lq.expm1().neg().log().add(lq).add(logRatio(arena, lq).log()));
  return provedByFactoredSlack(logSumExp(arena, logTerms), "H(pi_n) = sum_k P_k log(1/P_k), in log space", extra);
}
