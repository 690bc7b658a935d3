/** Cases of the claims: a distribution with n, or (n, eps) for the claims about eps_infinity alone. */
import fc from "fast-check";
import { Distribution } from "../../oracle/interval-api.ts";
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
