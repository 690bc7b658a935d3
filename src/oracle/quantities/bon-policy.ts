/**
 * Lemma 1: the best-of-n policy pi_n, per reward level, as intervals.
 *
 * With levels y~_1 < ... < y~_K of masses g_k (positive mass only), F_k = g_1 + ... + g_k (Eq. 14) and
 * F^-_k = F_{k-1} (Eq. 9), the probability that the best of n draws lands in level k is (Eq. 13)
 *
 *     P_k = F_k^n - F_{k-1}^n.
 *
 * With ties (protocol convention) an outcome i of level k gets pi_i = (p_i / g_k) P_k; without ties this is
 * Eq. (7) itself. The P_k come from the level walk (level-walk.ts: exact partial and tail sums, F_k^n as a correctly
 * rounded power, no cancellation when F_k^n and F_{k-1}^n are close), one level at a time.
 */
import { Interval, add, div, expm1, log, log1p, mul, neg, scale, setRational, setZero } from "../../numerics/interval.ts";
import type { Arena } from "../../numerics/arena.ts";
import { mpfr, RNDD, RNDU } from "../../numerics/mpfr.ts";
import type { Rational } from "../../numerics/rational.ts";
import type { Distribution, Level } from "../distribution.ts";
import { intervalOf } from "./exact-value.ts";
import { LevelWalk } from "./level-walk.ts";

export interface BonLevels {
  readonly n: number;
  /** The exact sum of p (everything is normalised by it). */
  readonly total: Interval;
  /** g_k: unnormalised level masses. */
  readonly mass: readonly Interval[];
  /** Unnormalised F_k * total (mass at or below level k). */
  readonly atOrBelow: readonly Interval[];
  /** n log F_k. */
  readonly nLogF: readonly Interval[];
  /** P_k = F_k^n - F_{k-1}^n (Eq. 13): the probability that best-of-n picks level k. */
  readonly prob: readonly Interval[];
}

/** A decision that only affects tightness: compares midpoints as doubles. */
function roughlyAtMost(a: Interval, b: Interval): boolean {
  return a.midDouble() <= b.midDouble();
}

/**
 * Every level's quantities kept in arrays, for code that composes them (the claims): O(L) intervals. The oracle's
 * own quantities stream the levels instead (level-walk.ts); P_k here are the walk's, rounded to the arena's precision.
 */
export function bonLevels(arena: Arena, dist: Distribution, n: number): BonLevels {
  const K = dist.levels.length;
  const total = intervalOf(arena, dist.total);
  const mass = dist.levels.map((level) => intervalOf(arena, level.mass));
  const atOrBelow = new Array<Interval>(K);
  const nLogF = new Array<Interval>(K);
  const prob = new Array<Interval>(K);
  let below: Interval | undefined;
  mass.forEach((g, k) => {
    below = below === undefined ? g : below.add(g);
    atOrBelow[k] = below;
  });
  const walk = new LevelWalk(arena, dist, n);
  while (walk.next()) {
    const k = walk.k;
    const logF = Interval.alloc(arena);
    walk.logAtOrBelow(logF);
    scale(logF, logF, n);
    nLogF[k] = logF;
    prob[k] = rounded(arena, walk.prob);
  }
  return { n, total, mass, atOrBelow, nLogF, prob };
}

/** A copy of v at the arena's precision, rounded outward. */
function rounded(arena: Arena, v: Interval): Interval {
  const o = Interval.alloc(arena);
  roundInto(o, v);
  return o;
}

function roundInto(o: Interval, v: Interval): void {
  mpfr.mpfr_set(o.lo, v.lo, RNDD);
  mpfr.mpfr_set(o.hi, v.hi, RNDU);
}

/** o = log(F_{k-1} / F_k) = log(below / (below + g)), accurate whichever is larger. */
function logRatioInto(o: Interval, below: Interval, g: Interval, c: Interval): void {
  if (roughlyAtMost(g, below)) {
    div(o, g, c);
    neg(o, o);
    log1p(o, o);
  } else {
    div(o, below, c);
    log(o, o);
  }
}

/**
 * log P_k computed in log space: n log F_k + log(1 - (F_{k-1}/F_k)^n). Finite even when P_k itself is
 * below MPFR's exponent range (about 10^-3.2e8), where the interval P_k is [0, tiny].
 */
export function logLevelProb(arena: Arena, levels: BonLevels, k: number): Interval {
  const nLogF = levels.nLogF[k] as Interval;
  if (k === 0) return nLogF.copy();
  const below = levels.atOrBelow[k - 1] as Interval;
  const t = Interval.alloc(arena);
  logRatioInto(t, below, levels.mass[k] as Interval, levels.atOrBelow[k] as Interval);
  scale(t, t, levels.n);
  expm1(t, t);
  neg(t, t);
  log(t, t);
  add(t, t, nLogF);
  return t;
}

/** pi_n for every outcome, in input order (Eq. 7, with the protocol's tie rule; 0 for zero-mass outcomes). */
export function bonPmf(arena: Arena, dist: Distribution, n: number): Interval[] {
  const out: Interval[] = dist.masses.map(() => {
    const z = Interval.alloc(arena);
    setZero(z);
    return z;
  });
  const share = Interval.alloc(arena);
  const walk = new LevelWalk(arena, dist, n);
  while (walk.next()) {
    const level = dist.levels[walk.k] as Level;
    if (level.members.length === 1) {
      roundInto(out[level.members[0] as number] as Interval, walk.prob);
      continue;
    }
    for (const i of level.members) {
      const m = dist.masses[i] as Rational;
      setRational(share, m.num * level.mass.den, m.den * level.mass.num); // p_i / g_k, exact ratio rounded once
      mul(out[i] as Interval, walk.prob, share);
    }
  }
  return out;
}

/** pi_n per reward level (P_k), in increasing reward order. */
export function bonLevelPmf(arena: Arena, dist: Distribution, n: number): Interval[] {
  const out = new Array<Interval>(dist.levels.length);
  const walk = new LevelWalk(arena, dist, n);
  while (walk.next()) out[walk.k] = rounded(arena, walk.prob);
  return out;
}
