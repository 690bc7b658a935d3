/**
 * Renyi entropy of order alpha, Eq. (18): H_alpha(p) = log(sum_y p(y)^alpha) / (1 - alpha), over Y* (the
 * outcomes with positive mass), with its limits alpha = 1 (Shannon entropy) and alpha = infinity
 * (-log max p). `per: "level"` computes it for the distribution of reward levels instead of outcomes.
 */
import { Interval, add, exp, log, mul, setZero } from "../../numerics/interval.ts";
import type { Arena } from "../../numerics/arena.ts";
import type { Distribution } from "../distribution.ts";
import type { Rational } from "../../numerics/rational.ts";
import { intervalOf } from "./exact-value.ts";
import { compareRational } from "../../numerics/rational.ts";

export type Reading = "outcome" | "level";

/** The positive masses p(y) (unnormalised, exact) read per outcome or per reward level. */
export function positiveMasses(dist: Distribution, per: Reading): Rational[] {
  if (per === "level") return dist.levels.map((level) => level.mass);
  return dist.masses.filter((m) => m.num > 0n);
}

/** sum p(y)^2 with p normalised, computed exactly then rounded once: e^{-H_2(p)}. */
export function collisionProbability(arena: Arena, dist: Distribution, per: Reading = "outcome"): Interval {
  const masses = positiveMasses(dist, per);
  // sum (a_i/b_i)^2 / (S)^2 exactly: common denominator via bigint arithmetic
  let num = 0n;
  let den = 1n;
  for (const m of masses) {
    const d2 = m.den * m.den;
    const n2 = m.num * m.num;
    if (d2 === den) num += n2;
    else if (den % d2 === 0n) num += n2 * (den / d2);
    else if (d2 % den === 0n) {
      num = num * (d2 / den) + n2;
      den = d2;
    } else {
      num = num * d2 + n2 * den;
      den *= d2;
    }
  }
  const total = dist.total;
  return Interval.fromRational(arena, num * total.den * total.den, den * total.num * total.num);
}

/** H_2(p), Eq. (18) with alpha = 2. */
export function renyi2(arena: Arena, dist: Distribution, per: Reading = "outcome"): Interval {
  return collisionProbability(arena, dist, per).log().neg();
}

/** max p(y) (normalised): the smallest delta of Corollary 2. */
export function maxMass(arena: Arena, dist: Distribution, per: Reading = "outcome"): Interval {
  const masses = positiveMasses(dist, per);
  let best = masses[0] as Rational;
  for (const m of masses) if (compareRational(m, best) > 0) best = m;
  return Interval.fromRational(arena, best.num * dist.total.den, best.den * dist.total.num);
}

/**
 * H_alpha(p) for alpha > 0 given as a double (alpha = 1: Shannon; alpha = Infinity: min-entropy). The sum is
 * taken relative to the largest mass, log sum p^alpha = alpha log p_max + log sum (p / p_max)^alpha, so that huge
 * alpha cannot underflow it: the largest term is exactly 1.
 */
export function renyi(arena: Arena, dist: Distribution, alpha: number, per: Reading = "outcome"): Interval {
  if (!(alpha > 0)) throw new Error("renyi: alpha must be > 0");
  if (alpha === Number.POSITIVE_INFINITY) return maxMass(arena, dist, per).log().neg();
  if (alpha === 2) return renyi2(arena, dist, per);
  const masses = positiveMasses(dist, per);
  const S = intervalOf(arena, dist.total);
  const t = Interval.alloc(arena);
  if (alpha === 1) {
    const sum = Interval.alloc(arena);
    setZero(sum);
    for (const m of masses) {
      const p = intervalOf(arena, m).div(S);
      log(t, p);
      mul(t, p, t); // p log p
      add(sum, sum, t);
    }
    return sum.neg();
  }
  let largest = masses[0] as Rational;
  for (const m of masses) if (compareRational(m, largest) > 0) largest = m;
  const a = Interval.fromDouble(arena, alpha);
  const sum = Interval.fromDouble(arena, 1); // the largest mass's term, (p_max / p_max)^alpha = 1
  let skipped = false;
  for (const m of masses) {
    if (!skipped && m === largest) {
      skipped = true;
      continue;
    }
    ratioLog(t, arena, m, largest);
    mul(t, t, a);
    exp(t, t); // (p / p_max)^alpha <= 1
    add(sum, sum, t);
  }
  const logMax = intervalOf(arena, largest).div(S).log();
  const oneMinusAlpha = Interval.fromDouble(arena, 1).sub(a); // exact
  return logMax.mul(a).add(sum.log()).div(oneMinusAlpha);
}

/** o = log(x / y) for exact positive rationals, the ratio rounded once. */
function ratioLog(o: Interval, arena: Arena, x: Rational, y: Rational): void {
  log(o, Interval.fromRational(arena, x.num * y.den, x.den * y.num));
}

/**
 * eps_infinity (Eq. 20) as an exact, unnormalised mass: the mass of the highest reward level with positive
 * mass ("level"), or the largest single outcome mass within that level ("outcome"). Without ties both agree.
 */
export function epsInfinityMass(dist: Distribution, per: Reading = "level"): Rational {
  const top = dist.topLevel;
  if (per === "level") return top.mass;
  let mass = dist.masses[top.members[0] as number] as Rational;
  for (const i of top.members) if (compareRational(dist.masses[i] as Rational, mass) > 0) mass = dist.masses[i] as Rational;
  return mass;
}

/** eps_infinity normalised, as an interval. */
export function epsInfinity(arena: Arena, dist: Distribution, per: Reading = "level"): Interval {
  const mass = epsInfinityMass(dist, per);
  return Interval.fromRational(arena, mass.num * dist.total.den, mass.den * dist.total.num);
}
