/** The oracle quantities claims are stated in, evaluated in an arena for a case. */
import type { Arena } from "../../numerics/arena.ts";
import type { Interval } from "../../numerics/interval.ts";
import { klBon, klFormula, epsFromMass, epsFromRational, type EpsPoint, epsInfinityMass, type Reading } from "../../oracle/interval-api.ts";
import { rationalFromString } from "../../numerics/rational.ts";
import { distributionOf, type BonCase, type EpsCase } from "../arbitraries/cases.ts";

export function kl(arena: Arena, c: BonCase): Interval {
  return klBon(arena, distributionOf(c.dist), c.n);
}

/** KLtilde_n = log n - (n-1)/n, Eq. (5). */
export function formula(arena: Arena, n: number): Interval {
  return klFormula(arena, n);
}

/** The gap KLtilde_n - KL(pi_n || p). */
export function gap(arena: Arena, c: BonCase): Interval {
  return formula(arena, c.n).sub(kl(arena, c));
}

/** eps_infinity of a case as an EpsPoint (protocol reading: the top reward level's mass). */
export function epsInfinityPoint(arena: Arena, c: BonCase, per: Reading = "level"): EpsPoint {
  const dist = distributionOf(c.dist);
  return epsFromMass(arena, epsInfinityMass(dist, per), dist.total);
}

export function epsPoint(arena: Arena, c: EpsCase): EpsPoint {
  const eps = rationalFromString(c.eps);
  if (eps === null) throw new Error(`bad eps ${c.eps}`);
  return epsFromRational(arena, eps);
}
