/**
 * Exact equalities, decided by algebra on a case's exact data before any enclosure is computed: for each claim, the
 * cases where both sides are equal (n = 1: pi_1 = p, every KL and every bound of the paper is 0; one reward level:
 * e = 1, q = 0, KL = 0; ...). spec/claims.md states each one with the claim; a case that is not one of these is
 * strict, and is decided by enclosures.
 */
import { rationalFromString } from "../../numerics/rational.ts";
import { distributionOf, type BonCase, type EpsCase } from "../arbitraries/cases.ts";
import { levelCount } from "./below-top.ts";

export const N_IS_ONE = "n = 1";
export const ONE_LEVEL = "one reward level (e_inf = 1)";
export const TWO_LEVELS = "two reward levels (p' is a point mass, KL(pi_n' || p') = 0)";
export const EPS_IS_ONE = "e = 1";

/** The reason a case of a Theorem 1-like claim (KL vs an expression that is 0 at n = 1) is an equality, or null. */
export function nIsOne(c: { n: number }): string | null {
  return c.n === 1 ? N_IS_ONE : null;
}

/** n = 1, or one reward level (both sides 0, or both sides the formula), or null. */
export function nIsOneOrOneLevel(c: BonCase): string | null {
  if (c.n === 1) return N_IS_ONE;
  return levelCount(c.dist) === 1 ? ONE_LEVEL : null;
}

/** One reward level, or null. */
export function oneLevel(c: BonCase): string | null {
  return levelCount(c.dist) === 1 ? ONE_LEVEL : null;
}

/** n = 1 or e = 1 for a claim on (e, n), or null. */
export function nIsOneOrEpsIsOne(c: EpsCase): string | null {
  if (c.n === 1) return N_IS_ONE;
  const eps = rationalFromString(c.eps);
  return eps !== null && eps.num === eps.den ? EPS_IS_ONE : null;
}

export const POINT_MASS = "a single outcome with positive mass (pi_n = p, every term 0)";

/** n = 1, or a single outcome with positive mass, or null. */
export function nIsOneOrPointMass(c: BonCase): string | null {
  if (c.n === 1) return N_IS_ONE;
  const dist = distributionOf(c.dist);
  return dist.levels.length === 1 && dist.topLevel.members.length === 1 ? POINT_MASS : null;
}
