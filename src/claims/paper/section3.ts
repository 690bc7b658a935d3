/**
 * Section 3: the formula is an upper bound (Theorem 1, Corollary 1) and bounds on the gap
 * KLtilde_n - KL (Theorems 2-3, Corollaries 2-3).
 */
import fc from "fast-check";
import type { Claim } from "../claim.ts";
import { exactlyEqual, lessOrEqual, orFactored } from "../evidence.ts";
import { Interval, add, mul, setZero } from "../../numerics/interval.ts";
import { gapBoundCor2, gapBoundCor3, gapBoundThm2, gapBoundThm3, klBon } from "../../oracle/interval-api.ts";
import { describeBonCase, describeEpsCase, distributionOf, epsCase, extendedCase, paperCase, type BonCase, type EpsCase } from "../arbitraries/cases.ts";
import { describeDistribution, dirichletLike, extendedDistribution, fewLevels, flatDistribution, manyLevels, paperDistribution, uniform, withTiedRewards, type DistributionCase } from "../arbitraries/distributions.ts";
import { anyN } from "../arbitraries/n.ts";
import { rationalToNumber } from "../../numerics/rational.ts";
import { epsInfinityPoint, epsPoint, formula, gap, kl } from "./quantities.ts";
import { nIsOne, nIsOneOrOneLevel } from "./exact-equalities.ts";
import { thm3Slack } from "./factored-slacks.ts";

const PAPER_DOMAIN = "p from every generator (two-point, uniform up to L = 1e4, Dirichlet-like, tiny mass down to 1e-300, Zipf/geometric), distinct rewards in listing order; n from 1 to 1e9";
const EXTENDED_DOMAIN = "as the paper's domain, plus rewards in arbitrary order with ties and zero-mass outcomes";
const PER_LEVEL = "KL per outcome (equal to the sum over reward levels); ties split by the protocol's rule";

export const thm1: Claim<BonCase> = {
  id: "thm1.kl-le-formula",
  title: "the formula is an upper bound on KL",
  paper: "Theorem 1, Eq. (15)",
  kind: "theorem",
  statement: "KL(pi_n || p) <= log n - (n-1)/n",
  domain: PAPER_DOMAIN,
  reading: PER_LEVEL,
  decision: "inequality",
  oracle: ["klBon", "klFormula"],
  arbitrary: paperCase,
  describe: describeBonCase,
  check: (arena, c) => {
    const equality = nIsOne(c);
    return equality ? exactlyEqual(equality) : lessOrEqual(kl(arena, c), formula(arena, c.n));
  },
  nearMiss: {
    description: "n replaced by n - 1 on the right: KL(pi_n || p) <= log(n-1) - (n-2)/(n-1)",
    check: (arena, c) => lessOrEqual(kl(arena, c), c.n === 1 ? Interval.fromDouble(arena, -1) : formula(arena, c.n - 1)),
  },
};

export const thm1Extended: Claim<BonCase> = {
  ...thm1,
  id: "thm1.kl-le-formula+ties",
  title: "the formula bounds KL also with ties and zero masses",
  kind: "ours",
  domain: EXTENDED_DOMAIN,
  arbitrary: extendedCase,
  nearMiss: { ...thm1.nearMiss!, arbitrary: extendedCase },
};

/** A mixture of 1-4 prompts: (weight, distribution) pairs. */
export interface MixtureCase {
  readonly components: readonly { weight: number; dist: DistributionCase }[];
  readonly n: number;
}

const mixtureCase: fc.Arbitrary<MixtureCase> = fc.record({
  components: fc.array(fc.record({ weight: fc.integer({ min: 0, max: 100 }), dist: fc.oneof(paperDistribution, extendedDistribution) }), { minLength: 1, maxLength: 4 }).filter((cs) => cs.some((c) => c.weight > 0)),
  n: anyN,
});

function mixtureKl(arena: Parameters<Claim<MixtureCase>["check"]>[0], c: MixtureCase, n: number): Interval {
  const sum = Interval.alloc(arena);
  setZero(sum);
  const t = Interval.alloc(arena);
  let total = 0;
  for (const comp of c.components) {
    total += comp.weight;
    if (comp.weight === 0) continue;
    mul(t, Interval.fromDouble(arena, comp.weight), klBon(arena, distributionOf(comp.dist), n));
    add(sum, sum, t);
  }
  return sum.div(Interval.fromDouble(arena, total));
}

export const cor1: Claim<MixtureCase> = {
  id: "cor1.mixture-kl-le-formula",
  title: "the formula bounds KL over a mixture of prompts",
  paper: "Corollary 1, Eq. (16)",
  kind: "corollary",
  statement: "E_x KL(pi_n(.|x) || p(.|x)) <= log n - (n-1)/n for any prompt distribution p_x",
  domain: "1 to 4 prompts with integer weights 0..100 (not all 0), each prompt's p from every generator, with or without ties and zero masses; n from 1 to 1e9",
  reading: PER_LEVEL,
  decision: "inequality",
  oracle: ["klMixture", "klFormula"],
  arbitrary: mixtureCase,
  describe: (c) => `n=${c.n}, ${c.components.map((x) => `w=${x.weight} ${describeDistribution(x.dist)}`).join("; ")}`,
  check: (arena, c) => {
    const equality = nIsOne(c);
    return equality ? exactlyEqual(equality) : lessOrEqual(mixtureKl(arena, c, c.n), formula(arena, c.n));
  },
  nearMiss: {
    description: "n replaced by n - 1 on the right",
    check: (arena, c) => lessOrEqual(mixtureKl(arena, c, c.n), c.n === 1 ? Interval.fromDouble(arena, -1) : formula(arena, c.n - 1)),
  },
};

/** The gap with n replaced by n + 1 in the formula only (a near miss of the upper bounds on the gap). */
function shiftedGap(arena: Parameters<Claim<BonCase>["check"]>[0], c: BonCase): Interval {
  return formula(arena, Math.min(c.n + 1, Number.MAX_SAFE_INTEGER)).sub(kl(arena, c));
}

/** Flat distributions and small n: where Theorem 2 and Corollary 2 say more than gap <= formula. */
const flatCase: fc.Arbitrary<BonCase> = fc.record({
  dist: fc.oneof({ weight: 3, arbitrary: flatDistribution }, { weight: 1, arbitrary: paperDistribution }),
  n: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 2, max: 4 }) }, { weight: 1, arbitrary: anyN }),
});

/** Flat p with many reward levels (where the per-level bounds are informative) and n <= 4 mostly. */
const flatManyLevelsCase: fc.Arbitrary<BonCase> = fc.record({
  dist: fc.oneof({ weight: 5, arbitrary: withTiedRewards(flatDistribution, manyLevels) }, { weight: 1, arbitrary: extendedDistribution }),
  n: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 2, max: 3 }) }, { weight: 1, arbitrary: anyN }),
});

/** Flat p with large tie groups: where reading H_2 or delta per outcome can go wrong. */
const flatFewLevelsCase: fc.Arbitrary<BonCase> = fc.record({
  dist: fc.oneof({ weight: 4, arbitrary: withTiedRewards(flatDistribution, fewLevels) }, { weight: 1, arbitrary: extendedDistribution }),
  n: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 2, max: 4 }) }, { weight: 1, arbitrary: anyN }),
});

export const thm2: Claim<BonCase> = {
  id: "thm2.gap-le-renyi2",
  title: "the gap is at most 2n(n-1) e^{-H_2(p)}",
  paper: "Theorem 2, Eq. (17)",
  kind: "theorem",
  statement: "log n - (n-1)/n - KL(pi_n || p) <= 2n(n-1) e^{-H_2(p)} = 2n(n-1) sum_y p(y)^2",
  domain: `${PAPER_DOMAIN}; weighted toward flat p and n <= 4, where the bound is informative`,
  reading: "H_2 over outcomes (Eq. 18 sums over y in Y*)",
  decision: "inequality",
  informativeMeans: "2n(n-1)e^{-H_2} < log n - (n-1)/n (the bound says more than gap <= formula)",
  oracle: ["gapBoundThm2", "klBon", "klFormula"],
  arbitrary: flatCase,
  describe: describeBonCase,
  check: (arena, c) => {
    const equality = nIsOne(c); // gap = 0 = 2n(n-1) e^{-H_2}
    if (equality) return exactlyEqual(equality);
    const bound = gapBoundThm2(arena, distributionOf(c.dist), c.n);
    return lessOrEqual(gap(arena, c), bound, { informative: bound.certainlyBelow(formula(arena, c.n)) });
  },
  nearMiss: {
    description: "n replaced by n + 1 in the formula: log(n+1) - n/(n+1) - KL(pi_n || p) <= 2n(n-1) e^{-H_2}",
    check: (arena, c) => lessOrEqual(shiftedGap(arena, c), gapBoundThm2(arena, distributionOf(c.dist), c.n)),
  },
};

export const cor2: Claim<BonCase> = {
  id: "cor2.gap-le-delta",
  title: "the gap is at most 2n(n-1) delta when every p(y) <= delta",
  paper: "Corollary 2, Eq. (19)",
  kind: "corollary",
  statement: "log n - (n-1)/n - KL(pi_n || p) <= 2n(n-1) delta with delta = max_y p(y) (the smallest admissible delta)",
  domain: thm2.domain,
  reading: "delta over outcomes",
  decision: "inequality",
  informativeMeans: "2n(n-1) delta < log n - (n-1)/n",
  oracle: ["gapBoundCor2", "klBon", "klFormula"],
  arbitrary: flatCase,
  describe: describeBonCase,
  check: (arena, c) => {
    const equality = nIsOne(c); // gap = 0 = 2n(n-1) delta
    if (equality) return exactlyEqual(equality);
    const bound = gapBoundCor2(arena, distributionOf(c.dist), c.n);
    return lessOrEqual(gap(arena, c), bound, { informative: bound.certainlyBelow(formula(arena, c.n)) });
  },
  nearMiss: {
    description: "n replaced by n + 1 in the formula: log(n+1) - n/(n+1) - KL(pi_n || p) <= 2n(n-1) delta",
    check: (arena, c) => lessOrEqual(shiftedGap(arena, c), gapBoundCor2(arena, distributionOf(c.dist), c.n)),
  },
};

export const thm2PerOutcomeWithTies: Claim<BonCase> = {
  ...thm2,
  id: "thm2.gap-le-renyi2+ties-per-outcome",
  title: "Theorem 2 with ties, H_2 read per outcome",
  kind: "ours",
  statement: "with tied rewards: gap <= 2n(n-1) sum_y p(y)^2, the sum over outcomes",
  domain: `${EXTENDED_DOMAIN}; weighted toward flat p and n <= 4`,
  reading: "H_2 over outcomes, although tied outcomes are indistinguishable to best-of-n",
  arbitrary: flatFewLevelsCase,
  nearMiss: undefined,
  refutedBy: {
    counterexample: { dist: { p: Array<string>(21).fill("1/21"), r: Array<number>(21).fill(0), label: "uniform L=21, rewards in 1 level(s)" }, n: 2 },
    correctedBy: "thm2.gap-le-renyi2+ties-per-level",
    explanation:
      "With all 21 outcomes tied, best-of-n returns a uniform draw: pi_2 = p, KL = 0 and the gap is log 2 - 1/2 = 0.193, while 2n(n-1) sum p^2 = 4/21 = 0.190. Best-of-n sees only rewards, so the bound holds for the distribution of reward levels (one level of mass 1 here, bound 4).",
  },
};

export const thm2PerLevelWithTies: Claim<BonCase> = {
  ...thm2,
  id: "thm2.gap-le-renyi2+ties-per-level",
  title: "Theorem 2 with ties, corrected: H_2 of the reward levels",
  kind: "ours",
  statement: "with tied rewards: gap <= 2n(n-1) sum_k g_k^2, g_k the mass of reward level k",
  domain: `${EXTENDED_DOMAIN}; weighted toward flat p and n <= 4`,
  reading: "H_2 over reward levels: best-of-n only sees rewards, so pi_n and KL are those of the level distribution",
  oracle: ["gapBoundThm2 (per: level)", "klBon", "klFormula"],
  arbitrary: flatManyLevelsCase,
  check: (arena, c) => {
    const equality = nIsOne(c);
    if (equality) return exactlyEqual(equality);
    const bound = gapBoundThm2(arena, distributionOf(c.dist), c.n, "level");
    return lessOrEqual(gap(arena, c), bound, { informative: bound.certainlyBelow(formula(arena, c.n)) });
  },
  nearMiss: {
    description: "n replaced by n + 1 in the formula",
    check: (arena, c) => lessOrEqual(shiftedGap(arena, c), gapBoundThm2(arena, distributionOf(c.dist), c.n, "level")),
  },
};

export const cor2PerOutcomeWithTies: Claim<BonCase> = {
  ...cor2,
  id: "cor2.gap-le-delta+ties-per-outcome",
  title: "Corollary 2 with ties, delta read per outcome",
  kind: "ours",
  statement: "with tied rewards: gap <= 2n(n-1) max_y p(y), the max over outcomes",
  domain: thm2PerOutcomeWithTies.domain,
  reading: "delta over outcomes",
  arbitrary: flatFewLevelsCase,
  nearMiss: undefined,
  refutedBy: {
    counterexample: { dist: { p: Array<string>(21).fill("1/21"), r: Array<number>(21).fill(0), label: "uniform L=21, rewards in 1 level(s)" }, n: 2 },
    correctedBy: "cor2.gap-le-delta+ties-per-level",
    explanation: "The same case as Theorem 2's: gap 0.193 > 2n(n-1) max p = 4/21 = 0.190; with delta bounding the reward levels' masses (1 here) the bound holds.",
  },
};

export const cor2PerLevelWithTies: Claim<BonCase> = {
  ...cor2,
  id: "cor2.gap-le-delta+ties-per-level",
  title: "Corollary 2 with ties, corrected: delta bounds the reward levels' masses",
  kind: "ours",
  statement: "with tied rewards: gap <= 2n(n-1) max_k g_k, g_k the mass of reward level k",
  domain: thm2PerOutcomeWithTies.domain,
  reading: "delta over reward levels",
  oracle: ["gapBoundCor2 (per: level)", "klBon", "klFormula"],
  arbitrary: flatManyLevelsCase,
  check: (arena, c) => {
    const equality = nIsOne(c);
    if (equality) return exactlyEqual(equality);
    const bound = gapBoundCor2(arena, distributionOf(c.dist), c.n, "level");
    return lessOrEqual(gap(arena, c), bound, { informative: bound.certainlyBelow(formula(arena, c.n)) });
  },
  nearMiss: {
    description: "n replaced by n + 1 in the formula",
    check: (arena, c) => lessOrEqual(shiftedGap(arena, c), gapBoundCor2(arena, distributionOf(c.dist), c.n, "level")),
  },
};

/** Cases where eps_infinity n is large enough for the lower bounds to be informative. */
const spikyTopCase: fc.Arbitrary<BonCase> = fc.record({
  dist: fc.oneof(paperDistribution, uniform(200), dirichletLike),
  n: fc.oneof(anyN, fc.integer({ min: 2, max: 100_000 })),
});

export const thm3: Claim<BonCase> = {
  id: "thm3.gap-ge-bound",
  title: "the gap is at least the bound of Eq. (21)",
  paper: "Theorem 3, Eq. (21)",
  kind: "theorem",
  statement:
    "log n - (n-1)/n - KL(pi_n || p) >= (1-(1-e)^n)(log(n e / (1-(1-e)^n)) - (n-1)/n) - (n-1)(1-e)^n log(1-e), e = eps_infinity",
  domain: PAPER_DOMAIN,
  reading: "eps_infinity = mass of the highest reward level with positive mass",
  decision: "inequality",
  informativeMeans: "the bound is > 0 (it says more than gap >= 0)",
  oracle: ["gapBoundThm3", "klBon", "klFormula", "epsInfinity"],
  arbitrary: spikyTopCase,
  describe: describeBonCase,
  check: (arena, c) => {
    // n = 1: both sides 0; one level: both sides are the formula (A(1, n) = log n - (n-1)/n, KL = 0)
    const equality = nIsOneOrOneLevel(c);
    if (equality) return exactlyEqual(equality, { informative: c.n > 1 });
    const bound = gapBoundThm3(arena, c.n, epsInfinityPoint(arena, c));
    const extra = { informative: bound.isPositive() };
    return orFactored(lessOrEqual(bound, gap(arena, c), extra), () => thm3Slack(arena, c, extra));
  },
  nearMiss: {
    description: "the bound scaled by 1.01",
    check: (arena, c) => lessOrEqual(gapBoundThm3(arena, c.n, epsInfinityPoint(arena, c)).scale(1.01), gap(arena, c)),
    arbitrary: fc.record({ dist: dirichletLike, n: fc.integer({ min: 2, max: 20 }) }),
  },
};

export const thm3Extended: Claim<BonCase> = {
  ...thm3,
  id: "thm3.gap-ge-bound+ties",
  title: "Theorem 3 with ties and zero masses",
  kind: "ours",
  domain: EXTENDED_DOMAIN,
  reading: "eps_infinity = mass of the highest reward level with positive mass (the whole top tie group)",
  arbitrary: extendedCase,
  nearMiss: { ...thm3.nearMiss!, arbitrary: fc.record({ dist: withTiedRewards(dirichletLike), n: fc.integer({ min: 2, max: 20 }) }) },
};

export const thm3NonNegative: Claim<EpsCase> = {
  id: "thm3.bound-nonnegative",
  title: "the bound of Eq. (21) is non-negative",
  paper: "Theorem 3, Eq. (21) (right-hand inequality)",
  kind: "theorem",
  statement: "(1-(1-e)^n)(log(n e / (1-(1-e)^n)) - (n-1)/n) - (n-1)(1-e)^n log(1-e) >= 0 for e in (0, 1]",
  domain: "e log-uniform in [1e-304, 1] (and e = 1), n from 1 to 1e9",
  reading: "not applicable (a function of n and e)",
  decision: "inequality",
  budget: { maxPrecision: 16384 },
  oracle: ["gapBoundThm3"],
  arbitrary: epsCase,
  describe: describeEpsCase,
  check: (arena, c) => (c.n === 1 ? exactlyEqual("n = 1 (A(e, 1) = 0)") : lessOrEqual(Interval.fromDouble(arena, 0), gapBoundThm3(arena, c.n, epsPoint(arena, c)))),
  nearMiss: {
    description: "(n-2) in place of (n-1) in the last term",
    check: (arena, c) => {
      const pt = epsPoint(arena, c);
      const bound = gapBoundThm3(arena, c.n, pt);
      if (pt.one) return lessOrEqual(Interval.fromDouble(arena, 0), bound.addDouble(-1));
      // the last term -(n-1) A log(1-e) becomes -(n-2) A log(1-e): add A log(1-e) (< 0)
      const a = pt.logOneMinusEps.scale(c.n).exp();
      return lessOrEqual(Interval.fromDouble(arena, 0), bound.add(a.mul(pt.logOneMinusEps)));
    },
    arbitrary: fc.record({ eps: fc.integer({ min: 1, max: 999 }).map((d) => `${d}e-5`), n: fc.integer({ min: 2, max: 50 }) }),
  },
};

export const cor3: Claim<BonCase> = {
  id: "cor3.gap-ge-bound",
  title: "the gap is at least (1 - e^{-n e}) log(n e) - 1",
  paper: "Corollary 3, Eq. (22)",
  kind: "corollary",
  statement: "log n - (n-1)/n - KL(pi_n || p) >= (1 - e^{-n e}) log(n e) - 1, e = eps_infinity",
  domain: PAPER_DOMAIN,
  reading: thm3.reading,
  decision: "inequality",
  informativeMeans: "the bound is > 0",
  oracle: ["gapBoundCor3", "klBon", "klFormula", "epsInfinity"],
  arbitrary: spikyTopCase,
  describe: describeBonCase,
  check: (arena, c) => {
    const bound = gapBoundCor3(arena, c.n, epsInfinityPoint(arena, c));
    return lessOrEqual(bound, gap(arena, c), { informative: bound.isPositive() });
  },
  nearMiss: {
    description: "the constant 1 replaced by 0.5",
    check: (arena, c) => lessOrEqual(gapBoundCor3(arena, c.n, epsInfinityPoint(arena, c)).addDouble(0.5), gap(arena, c)),
  },
};

export const cor3Extended: Claim<BonCase> = {
  ...cor3,
  id: "cor3.gap-ge-bound+ties",
  title: "Corollary 3 with ties and zero masses",
  kind: "ours",
  domain: EXTENDED_DOMAIN,
  reading: thm3Extended.reading,
  arbitrary: extendedCase,
  nearMiss: { ...cor3.nearMiss!, arbitrary: extendedCase },
};

/** A case (p, M) with n >= e^{M+2} / e_inf: M from 0 up to what n <= 2^53 - 1 allows; n at or a little above the threshold. */
export interface UnboundedCase extends BonCase {
  readonly M: number;
}

const unboundedCase: fc.Arbitrary<UnboundedCase> = fc
  .record({ dist: fc.oneof(paperDistribution, extendedDistribution), m: fc.integer({ min: 0, max: 1000 }), above: fc.integer({ min: 0, max: 100 }) })
  .map(({ dist, m, above }) => {
    const d = distributionOf(dist);
    const top = d.topLevel.mass;
    const e = rationalToNumber({ num: top.num * d.total.den, den: top.den * d.total.num }); // e_inf, rounded (the check proves n e >= e^{M+2})
    const factor = (1 + above / 10) * (1 + 1e-9); // n e >= e^{M+2} with a margin the check proves
    const maxM = Math.floor(Math.log((Number.MAX_SAFE_INTEGER * e) / (11 * (1 + 1e-9))) - 2);
    const M = maxM < 0 ? -1 : Math.floor((m / 1000) * maxM);
    const n = M < 0 ? 1 : Math.ceil((Math.exp(M + 2) * factor) / e);
    return { dist, n, M };
  })
  .filter((c) => c.M >= 0 && c.n <= Number.MAX_SAFE_INTEGER);

export const gapUnbounded: Claim<UnboundedCase> = {
  id: "cor3.gap-unbounded",
  title: "the gap grows without bound when n e_inf >> 1",
  paper: "Section 3.2, after Corollary 3: \"when n eps_inf >> 1, then the gap grows unbounded\"",
  kind: "corollary",
  statement: "for every M >= 0: log n - (n-1)/n - KL(pi_n || p) >= M whenever n e_inf >= e^{M+2}, e = eps_infinity (the threshold Corollary 3 gives)",
  domain: "p from every generator, with and without ties and zero masses; M from 0 up to what n <= 2^53 - 1 allows; n from the threshold e^{M+2}/e_inf up to 11 times it",
  reading: "eps_infinity = mass of the highest reward level with positive mass",
  decision: "inequality",
  oracle: ["klBon", "klFormula", "epsInfinity"],
  arbitrary: unboundedCase,
  describe: (c) => `M=${c.M}, ${describeBonCase(c)}`,
  check: (arena, c) => {
    const pt = epsInfinityPoint(arena, c);
    const x = Interval.fromDouble(arena, c.n).log().add(pt.logEps); // log(n e)
    if (!(x.loDouble() >= c.M + 2 + 1e-12)) return { status: "open", reason: "outside the domain: n e_inf >= e^{M+2} not proved" };
    return lessOrEqual(Interval.fromDouble(arena, c.M), gap(arena, c));
  },
  nearMiss: {
    description: "the threshold e^{M+1/2}: gap >= M at n = ceil(e^{M+1/2} / e_inf)",
    check: (arena, c) => {
      const pt = epsInfinityPoint(arena, c);
      const n = Math.max(1, Math.ceil(Math.exp(c.M + 0.5) / pt.eps.midDouble()));
      return lessOrEqual(Interval.fromDouble(arena, c.M), gap(arena, { dist: c.dist, n }));
    },
    arbitrary: unboundedCase.filter((c) => c.M >= 3),
  },
};

/** Where this module lives (the spec links each claim to its definition). */
export const SOURCE_URL = import.meta.url;
