/** Cases of the claims: a distribution with n, or (n, eps) for the claims about eps_infinity alone. */
import fc from "fast-check";
import { Distribution } from "../../oracle/interval-api.ts";
import { rationalFromString } from "../../numerics/rational.ts";
import { anyN } from "./n.ts";
import { describeDistribution, extendedDistribution, paperDistribution, type DistributionCase } from "./distributions.ts";

export interface BonCase {
  readonly dist: DistributionCase;
  readonly n: number;
}

export interface EpsCase {
  /** eps as an exact decimal string ("3e-7", "1") */
  readonly eps: string;
  readonly n: number;
}

export const paperCase: fc.Arbitrary<BonCase> = fc.record({ dist: paperDistribution, n: anyN });
export const extendedCase: fc.Arbitrary<BonCase> = fc.record({ dist: extendedDistribution, n: anyN });

/** eps log-uniform in [1e-300, 1] (with eps = 1 itself now and then). */
export const epsArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: fc.constant("1") },
  {
    weight: 12,
    arbitrary: fc.record({ exponent: fc.integer({ min: 0, max: 300 }), digits: fc.integer({ min: 1, max: 9999 }) }).map(({ exponent, digits }) => `${digits}e-${exponent + 4}`),
  },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 9999 }).map((d) => `${d}e-4`) },
);

export const epsCase: fc.Arbitrary<EpsCase> = fc.record({ eps: epsArbitrary, n: anyN });

const parsed = new WeakMap<DistributionCase, Distribution>();

/** The oracle's validated distribution for a case (parsed once, reused at every precision). */
export function distributionOf(d: DistributionCase): Distribution {
  let dist = parsed.get(d);
  if (dist === undefined) {
    dist = Distribution.parse({ p: d.p, r: d.r });
    parsed.set(d, dist);
  }
  return dist;
}

export function describeBonCase(c: BonCase): string {
  return `n=${c.n}, ${describeDistribution(c.dist)}`;
}

export function describeEpsCase(c: EpsCase): string {
  return `n=${c.n}, eps=${c.eps}`;
}

/**
 * Whether a case is non-trivial for a near miss: n >= 2, and p with at least two reward levels (or e < 1 for a case
 * on (n, e); every component for a mixture). At n = 1 or with one level most statements hold with equality, so a
 * perturbed statement refuted only there says little; near misses are run on non-trivial cases only.
 */
export function isNontrivialCase(c: unknown): boolean {
  const o = c as { n?: number; dist?: DistributionCase; eps?: string; components?: { weight: number; dist: DistributionCase }[] };
  if (typeof o.n === "number" && o.n < 2) return false;
  if (o.dist !== undefined) return distributionOf(o.dist).levels.length >= 2;
  if (typeof o.eps === "string") {
    const eps = rationalFromString(o.eps);
    return eps !== null && eps.num < eps.den;
  }
  if (o.components !== undefined) return o.components.some((x) => x.weight > 0 && distributionOf(x.dist).levels.length >= 2);
  return true;
}
