/** Example 1 (Eq. 6), the uniform saturation of Figure 2, and natural consequences we pin down. */
import fc from "fast-check";
import type { Claim } from "../claim.ts";
import { equal, exactlyEqual, lessOrEqual, orFactored } from "../evidence.ts";
import { Interval } from "../../numerics/interval.ts";
import { klBon, klExample1, Distribution } from "../../oracle/interval-api.ts";
import { describeBonCase, distributionOf, extendedCase, paperCase, type BonCase } from "../arbitraries/cases.ts";
import { uniform } from "../arbitraries/distributions.ts";
import { anyN, logUniformN } from "../arbitraries/n.ts";
import { epsInfinityPoint, kl } from "./quantities.ts";
import { N_IS_ONE, ONE_LEVEL, TWO_LEVELS, oneLevel } from "./exact-equalities.ts";
import { levelCount } from "./below-top.ts";
import { entropySlack, incrementSlack, limitSlack, rateSlack } from "./factored-slacks.ts";

const HALF_HALF = Distribution.parse({ p: ["1/2", "1/2"] });

export const example1: Claim<{ n: number }> = {
  id: "ex1.closed-form",
  title: "Example 1: KL = log 2 - h(2^-n) for p = (1/2, 1/2)",
  paper: "Example 1, Eq. (6)",
  kind: "example",
  statement: "for p = (1/2, 1/2), r(0) < r(1): KL(pi_n || p) = log 2 - h(2^-n), h the binary entropy",
  domain: "n from 1 to 1e9, and 2^53 - 1",
  reading: "not applicable",
  decision: "identity",
  oracle: ["klBon", "klExample1"],
  arbitrary: fc.oneof({ weight: 20, arbitrary: anyN }, { weight: 1, arbitrary: fc.constant(2 ** 53 - 1) }).map((n) => ({ n })),
  describe: (c) => `n=${c.n}`,
  check: (arena, c) => equal(klBon(arena, HALF_HALF, c.n), klExample1(arena, c.n)),
  nearMiss: {
    description: "n replaced by n + 1 in the closed form",
    check: (arena, c) => equal(klBon(arena, HALF_HALF, c.n), klExample1(arena, c.n + 1)),
    arbitrary: fc.integer({ min: 1, max: 40 }).map((n) => ({ n })),
  },
};

export const uniformSaturation: Claim<BonCase> = {
  id: "fig2.uniform-kl-le-log-L",
  title: "for uniform p on L outcomes, KL never exceeds log L",
  paper: "Figure 2 (\"KL divergence saturates\")",
  kind: "ours",
  statement: "for p uniform on L outcomes: KL(pi_n || p) <= log L, for every n (KL(q || p) <= log(1 / min p) for any q)",
  domain: "uniform p with L from 1 to 1e4; n from 1 to 1e9",
  reading: "not applicable",
  decision: "inequality",
  oracle: ["klBon"],
  arbitrary: fc.record({ dist: uniform(10_000), n: anyN }),
  describe: describeBonCase,
  check: (arena, c) => {
    if (c.dist.p.length === 1) return exactlyEqual("L = 1 (both sides 0)");
    return orFactored(lessOrEqual(kl(arena, c), Interval.fromDouble(arena, c.dist.p.length).log()), () => entropySlack(arena, c));
  },
  nearMiss: {
    description: "log L scaled by 0.99",
    check: (arena, c) => lessOrEqual(kl(arena, c), Interval.fromDouble(arena, c.dist.p.length).log().scale(0.99)),
    arbitrary: fc.record({ dist: uniform(50), n: logUniformN(9) }),
  },
};

/** A case with n and n + 1 (n + 1 stays a safe integer). */
const monotoneCase = extendedCase.map((c) => ({ ...c, n: Math.min(c.n, 2 ** 53 - 2) }));

export const klNonDecreasing: Claim<BonCase> = {
  id: "ours.kl-nondecreasing-in-n",
  title: "KL(pi_n || p) is non-decreasing in n",
  paper: null,
  kind: "conjecture",
  statement: "KL(pi_n || p) <= KL(pi_{n+1} || p) for every n >= 1",
  domain: "p from every generator with ties and zero masses; n from 1 to 1e9",
  reading: "KL per outcome",
  decision: "inequality",
  oracle: ["klBon"],
  arbitrary: monotoneCase,
  describe: describeBonCase,
  check: (arena, c) => {
    const equality = oneLevel(c); // KL = 0 for every n
    if (equality) return exactlyEqual(equality);
    const dist = distributionOf(c.dist);
    return orFactored(lessOrEqual(klBon(arena, dist, c.n), klBon(arena, dist, c.n + 1)), () => incrementSlack(arena, c));
  },
  nearMiss: {
    description: "KL(pi_{n+1} || p) <= KL(pi_n || p)",
    check: (arena, c) => {
      const dist = distributionOf(c.dist);
      return lessOrEqual(klBon(arena, dist, c.n + 1), klBon(arena, dist, c.n));
    },
  },
};

export const klBelowLimit: Claim<BonCase> = {
  id: "ours.kl-le-log-inv-eps-inf",
  title: "KL never exceeds its limit log(1 / eps_infinity)",
  paper: null,
  kind: "conjecture",
  statement: "KL(pi_n || p) <= log(1 / eps_infinity) for every n",
  domain: "p from every generator with ties and zero masses; n from 1 to 1e9",
  reading: "eps_infinity = mass of the highest reward level with positive mass",
  decision: "inequality",
  oracle: ["klBon", "epsInfinity"],
  arbitrary: extendedCase,
  describe: describeBonCase,
  check: (arena, c) => {
    const equality = oneLevel(c); // both sides 0
    if (equality) return exactlyEqual(equality);
    return orFactored(lessOrEqual(kl(arena, c), epsInfinityPoint(arena, c).logEps.neg()), () => limitSlack(arena, c));
  },
  nearMiss: {
    description: "log(1 / eps_infinity) scaled by 0.99",
    check: (arena, c) => lessOrEqual(kl(arena, c), epsInfinityPoint(arena, c).logEps.neg().scale(0.99)),
    arbitrary: fc.record({ dist: uniform(50), n: logUniformN(9) }),
  },
};

export const klLimit: Claim<BonCase> = {
  id: "ours.kl-tends-to-log-inv-eps-inf",
  title: "KL tends to log(1 / eps_infinity), at a rate we bound",
  paper: null,
  kind: "ours",
  statement:
    "log(1/e) - KL(pi_n || p) <= h(d) + d log((1-e)/e) with e = eps_infinity, d = (1-e)^n and h the binary entropy (so KL -> log(1/e) as n -> infinity). Proof: merging all outcomes below the top level can only decrease KL (data processing), and the merged KL is (1-d) log((1-d)/e) + d log(d/(1-e)).",
  domain: "p from every generator with ties and zero masses; n from 1 to 1e9",
  reading: "eps_infinity = mass of the highest reward level with positive mass",
  decision: "inequality",
  oracle: ["klBon", "epsInfinity"],
  arbitrary: extendedCase,
  describe: describeBonCase,
  check: (arena, c) => {
    // the slack is exactly q KL(pi_n' || p'): 0 with one level (q = 0), n = 1 or two levels (KL(pi_n' || p') = 0)
    const levels = levelCount(c.dist);
    if (levels === 1) return exactlyEqual(ONE_LEVEL);
    if (c.n === 1) return exactlyEqual(N_IS_ONE);
    if (levels === 2) return exactlyEqual(TWO_LEVELS);
    const pt = epsInfinityPoint(arena, c);
    const lhs = pt.logEps.neg().sub(kl(arena, c));
    const d = pt.logOneMinusEps.scale(c.n).exp();
    const logD = pt.logOneMinusEps.scale(c.n);
    // h(d) = -d log d - (1-d) log(1-d); with 1 - d = -expm1(n log(1-e))
    const oneMinusD = pt.logOneMinusEps.scale(c.n).expm1().neg();
    const h = d.mul(logD).neg().sub(oneMinusD.mul(oneMinusD.log()));
    const rhs = h.add(d.mul(pt.logOneMinusEps.sub(pt.logEps)));
    return orFactored(lessOrEqual(lhs, rhs), () => rateSlack(arena, c));
  },
  nearMiss: {
    description: "without the entropy term: log(1/e) - KL <= d log((1-e)/e)",
    check: (arena, c) => {
      const pt = epsInfinityPoint(arena, c);
      const lhs = pt.logEps.neg().sub(kl(arena, c));
      if (pt.one) return lessOrEqual(lhs, Interval.fromDouble(arena, -1));
      const d = pt.logOneMinusEps.scale(c.n).exp();
      return lessOrEqual(lhs, d.mul(pt.logOneMinusEps.sub(pt.logEps)));
    },
    arbitrary: paperCase,
  },
};

/** Where this module lives (the spec links each claim to its definition). */
export const SOURCE_URL = import.meta.url;
