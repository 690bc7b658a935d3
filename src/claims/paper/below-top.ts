/**
 * The decomposition behind Theorems 1, 3 and 4 (spec/claims.md, "The structure"): best-of-n lands in the top reward
 * level (mass e = eps_infinity) with probability 1 - q, q = (1 - e)^n; otherwise all n draws fell below it, and the
 * result is best-of-n of p' = p conditioned on the levels below the top. This module builds p' as a case of its own and
 * evaluates q and the gap of p'.
 */
import type { Arena } from "../../numerics/arena.ts";
import type { Interval } from "../../numerics/interval.ts";
import { reduce } from "../../numerics/rational.ts";
import { klBon } from "../../oracle/interval-api.ts";
import { distributionOf, type BonCase } from "../arbitraries/cases.ts";
import type { DistributionCase } from "../arbitraries/distributions.ts";
import { epsInfinityPoint, formula } from "./quantities.ts";

export interface BelowTop {
  /** p' as a case: p without its top level's outcomes (zero masses kept), renormalised exactly, rewards kept. */
  readonly dist: DistributionCase;
  /** For each outcome of p', its index in p. */
  readonly index: readonly number[];
}

const cache = new WeakMap<DistributionCase, BelowTop | null>();

/** The number of reward levels with positive mass. */
export function levelCount(d: DistributionCase): number {
  return distributionOf(d).levels.length;
}

/** p' = p conditioned on the reward levels below the top, or null when p has one level (e = 1, q = 0). */
export function belowTop(d: DistributionCase): BelowTop | null {
  if (cache.has(d)) return cache.get(d) as BelowTop | null;
  const dist = distributionOf(d);
  let result: BelowTop | null = null;
  if (dist.levels.length >= 2) {
    const top = new Set(dist.topLevel.members);
    const index = d.p.map((_, i) => i).filter((i) => !top.has(i));
    // the mass below the top, exactly: total - g_top
    const g = dist.topLevel.mass;
    const rest = reduce({ num: dist.total.num * g.den - g.num * dist.total.den, den: dist.total.den * g.den });
    const p = index.map((i) => {
      const m = dist.masses[i]!;
      if (m.num === 0n) return 0;
      const x = reduce({ num: m.num * rest.den, den: m.den * rest.num });
      return `${x.num}/${x.den}`;
    });
    result = { dist: { p, ...(d.r ? { r: index.map((i) => d.r?.[i] as number) } : {}), label: `${d.label}, below its top level` }, index };
  }
  cache.set(d, result);
  return result;
}

/** log q = n log(1 - e), e = eps_infinity < 1. */
export function logQ(arena: Arena, c: BonCase): Interval {
  return epsInfinityPoint(arena, c).logOneMinusEps.scale(c.n);
}

/** gap = log n - (n-1)/n - KL(pi_n || p) of a distribution case. */
export function gapOf(arena: Arena, d: DistributionCase, n: number): Interval {
  return formula(arena, n).sub(klBon(arena, distributionOf(d), n));
}
