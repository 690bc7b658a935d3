/**
 * Lemma 1: the best-of-n policy pi_n, per reward level, as intervals.
 *
 * With levels y~_1 < ... < y~_K of masses g_k (positive mass only), F_k = g_1 + ... + g_k (Eq. 14) and
 * F^-_k = F_{k-1} (Eq. 9), the probability that the best of n draws lands in level k is (Eq. 13)
 *
 *     P_k = F_k^n - F_{k-1}^n.
 *
 * With ties (protocol convention) an outcome i of level k gets pi_i = (p_i / g_k) P_k; without ties this is
 * Eq. (7) itself. Numerically: 1 - F_k is the mass *above* level k (a tail sum, never 1 - F_k), so
 * log F_k = log1p(-(1 - F_k)) stays accurate for tiny masses at the top; F_k^n = exp(n log F_k); and when
 * F_k^n and F_{k-1}^n are close (n g_k / F_k small) P_k = F_k^n * (1 - (F_{k-1}/F_k)^n) is taken as
 * F_k^n * -expm1(n log(F_{k-1}/F_k)), so the difference is never formed by cancellation.
 */
import { Interval, add, assign, exp, expm1, log, log1p, mul, neg, scale, setZero, sub, div } from "../../numerics/interval.ts";
import type { Arena } from "../../numerics/arena.ts";
import { mpfr } from "../../numerics/mpfr.ts";
import type { Distribution } from "../distribution.ts";
import { intervalOf, ratioOf } from "./exact-value.ts";

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

export function bonLevels(arena: Arena, dist: Distribution, n: number): BonLevels {
  const K = dist.levels.length;
  const mass = dist.levels.map((level) => intervalOf(arena, level.mass));
  // tail sums: above[k] = g_{k+1} + ... + g_K (exactly 0 for the top level)
  const above: Interval[] = new Array<Interval>(K);
  let tail = Interval.alloc(arena);
  setZero(tail);
  for (let k = K - 1; k >= 0; k--) {
    above[k] = tail;
    if (k > 0) tail = tail.add(mass[k] as Interval);
  }
  const total = tail.add(mass[0] as Interval);

  const atOrBelow: Interval[] = [];
  const nLogF: Interval[] = [];
  const prob: Interval[] = [];
  const t = Interval.alloc(arena);
  let below: Interval | undefined;
  let previousPower: Interval | undefined; // F_{k-1}^n
  for (let k = 0; k < K; k++) {
    const g = mass[k] as Interval;
    const up = above[k] as Interval;
    const c = below === undefined ? g : below.add(g); // F_k * total
    // log F_k
    const logF = Interval.alloc(arena);
    if (up.isExactZero()) setZero(logF);
    else if (roughlyAtMost(up, c)) {
      div(t, up, total);
      neg(t, t);
      log1p(logF, t); // log(1 - above/total)
    } else {
      div(t, c, total);
      log(logF, t);
    }
    scale(logF, logF, n);
    const power = Interval.alloc(arena); // F_k^n
    exp(power, logF);
    const p = Interval.alloc(arena);
    if (below === undefined || previousPower === undefined) {
      assign(p, power); // F_0 = 0: P_1 = F_1^n
    } else if (n * (g.midDouble() / c.midDouble()) < 0.75) {
      logRatioInto(t, below, g, c); // log(F_{k-1}/F_k)
      scale(t, t, n);
      expm1(t, t);
      neg(t, t); // 1 - (F_{k-1}/F_k)^n
      mul(p, power, t);
    } else {
      sub(p, power, previousPower);
      if (mpfr.mpfr_sgn(p.lo) < 0) mpfr.mpfr_set_zero(p.lo, 1); // P_k >= 0 exactly
    }
    atOrBelow.push(c);
    nLogF.push(logF);
    prob.push(p);
    below = c;
    previousPower = power;
  }
  return { n, total, mass, atOrBelow, nLogF, prob };
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
  const levels = bonLevels(arena, dist, n);
  const out: Interval[] = dist.masses.map(() => {
    const z = Interval.alloc(arena);
    setZero(z);
    return z;
  });
  dist.levels.forEach((level, k) => {
    const P = levels.prob[k] as Interval;
    if (level.members.length === 1) {
      assign(out[level.members[0] as number] as Interval, P);
      return;
    }
    for (const i of level.members) {
      const share = ratioOf(arena, dist.masses[i]!, level.mass); // p_i / g_k, exact ratio rounded once
      mul(out[i] as Interval, P, share);
    }
  });
  return out;
}

/** pi_n per reward level (P_k), in increasing reward order. */
export function bonLevelPmf(arena: Arena, dist: Distribution, n: number): Interval[] {
  return [...bonLevels(arena, dist, n).prob];
}

