/**
 * The structure behind the claims (spec/claims.md, "The structure"): identities that make Theorems 3 and 4 one
 * statement, reduce Theorem 4 on p to Theorem 1 on p' (p below its top level), telescope the gap over the reward
 * levels, and place Eq. (26) and Corollary 3 against Eq. (28) and Theorem 3. Each is decided by enclosures at random
 * points (consistent, or refuted when the enclosures of the two sides are disjoint) and carries its derivation.
 */
import type { Arena } from "../../numerics/arena.ts";
import { Interval, add, setZero } from "../../numerics/interval.ts";
import { addRational, reduce, type Rational } from "../../numerics/rational.ts";
import { bonLevels, epsFromMass, estimators, gapBoundCor3, gapBoundThm3 } from "../../oracle/interval-api.ts";
import type { Claim } from "../claim.ts";
import { equal, exactlyEqual } from "../evidence.ts";
import { describeBonCase, describeEpsCase, distributionOf, epsCase, extendedCase, type BonCase, type EpsCase } from "../arbitraries/cases.ts";
import { belowTop, gapOf } from "./below-top.ts";
import { nIsOneOrEpsIsOne, nIsOneOrOneLevel, nIsOne } from "./exact-equalities.ts";
import { epsInfinityPoint, epsPoint, formula, gap, kl } from "./quantities.ts";
import { upperMinusEstimateBracket } from "./section4.ts";

const EPS_DOMAIN = "e log-uniform in [1e-304, 1] (and e = 1), n from 1 to 1e9";
const LEVEL_DOMAIN = "p from every generator, with ties and zero masses; n from 1 to 1e9";

export const boundIsFormulaMinusEstimate: Claim<EpsCase> = {
  id: "identity.thm3-bound-is-formula-minus-estimate",
  title: "Theorem 3's bound is the formula minus Eq. (28)",
  paper: null,
  kind: "identity",
  statement: "A(e, n) = log n - (n-1)/n - KLhat(e), A the middle expression of Eq. (21), KLhat Eq. (28): so Theorem 3 and Theorem 4 are one statement, and Eq. (21)'s A >= 0 is KLhat <= log n - (n-1)/n",
  domain: EPS_DOMAIN,
  reading: "not applicable (a function of n and e)",
  decision: "identity",
  oracle: ["gapBoundThm3", "estimators (KLhat)", "klFormula"],
  arbitrary: epsCase,
  describe: describeEpsCase,
  check: (arena, c) => {
    const equality = nIsOneOrEpsIsOne(c); // n = 1: all three 0; e = 1: A = formula, KLhat = 0
    if (equality) return exactlyEqual(equality);
    const pt = epsPoint(arena, c);
    return equal(gapBoundThm3(arena, c.n, pt), formula(arena, c.n).sub(estimators(arena, c.n, pt).estimate));
  },
  nearMiss: {
    description: "the formula at n + 1",
    check: (arena, c) => {
      const pt = epsPoint(arena, c);
      return equal(gapBoundThm3(arena, c.n, pt), formula(arena, c.n + 1).sub(estimators(arena, c.n, pt).estimate));
    },
  },
};

/** q = (1 - e_inf)^n of a case with at least two levels. */
function q(arena: Arena, c: BonCase, n = c.n): Interval {
  return epsInfinityPoint(arena, c).logOneMinusEps.scale(n).exp();
}

export const estimateMinusKlFactors: Claim<BonCase> = {
  id: "identity.estimate-minus-kl-factors",
  title: "Theorem 4's slack is q times the gap of p below its top level",
  paper: null,
  kind: "identity",
  statement: "KLhat(e) - KL(pi_n || p) = q (log n - (n-1)/n - KL(pi_n' || p')), e = eps_infinity, q = (1 - e)^n, p' = p conditioned on the reward levels below the top: so Theorem 4 (and 3) on p is Theorem 1 on p'",
  domain: LEVEL_DOMAIN,
  reading: "per reward level: e the top level's mass, p' the levels below it",
  decision: "identity",
  oracle: ["estimators (KLhat)", "klBon", "klFormula", "epsInfinity"],
  arbitrary: extendedCase,
  describe: describeBonCase,
  check: (arena, c) => {
    const equality = nIsOneOrOneLevel(c); // both sides 0
    if (equality) return exactlyEqual(equality);
    const lhs = estimators(arena, c.n, epsInfinityPoint(arena, c)).estimate.sub(kl(arena, c));
    return equal(lhs, q(arena, c).mul(gapOf(arena, (belowTop(c.dist) as NonNullable<ReturnType<typeof belowTop>>).dist, c.n)));
  },
  nearMiss: {
    description: "(1 - e)^(n-1) in place of q",
    check: (arena, c) => {
      const lhs = estimators(arena, c.n, epsInfinityPoint(arena, c)).estimate.sub(kl(arena, c));
      return equal(lhs, q(arena, c, c.n - 1).mul(gapOf(arena, (belowTop(c.dist) as NonNullable<ReturnType<typeof belowTop>>).dist, c.n)));
    },
  },
};

/** sum_k F_k^n A(g_k / F_k, n) over the reward levels, with F_k^n taken from the levels of `power` draws. */
function telescopedGap(arena: Arena, c: BonCase, power: number): Interval {
  const dist = distributionOf(c.dist);
  const levels = bonLevels(arena, dist, power);
  const sum = Interval.alloc(arena);
  setZero(sum);
  let cumulative: Rational = { num: 0n, den: 1n };
  dist.levels.forEach((level, k) => {
    cumulative = reduce(addRational(cumulative, level.mass)); // F_k (unnormalised, exact)
    const a = gapBoundThm3(arena, c.n, epsFromMass(arena, level.mass, cumulative)); // A(e_k, n), e_k = g_k / F_k
    add(sum, sum, (levels.nLogF[k] as Interval).exp().mul(a));
  });
  return sum;
}

export const gapTelescopes: Claim<BonCase> = {
  id: "identity.gap-telescopes",
  title: "the gap is a sum over reward levels of Theorem 3's bound",
  paper: null,
  kind: "identity",
  statement:
    "log n - (n-1)/n - KL(pi_n || p) = sum_k F_k^n A(g_k / F_k, n) over the reward levels k = 1..K (increasing reward), g_k their masses, F_k = g_1 + ... + g_k: so A >= 0 for every (e, n) gives Theorem 1 for every finite p, hence Corollary 1 and Theorems 3 and 4",
  domain: `${LEVEL_DOMAIN}; at most 300 outcomes (one evaluation of A per level)`,
  reading: "per reward level",
  decision: "identity",
  oracle: ["gapBoundThm3", "bonLevels (F_k^n)", "klBon", "klFormula"],
  arbitrary: extendedCase.filter((c) => c.dist.p.length <= 300),
  describe: describeBonCase,
  check: (arena, c) => {
    const equality = nIsOne(c); // both sides 0 (A(e, 1) = 0)
    if (equality) return exactlyEqual(equality);
    return equal(gap(arena, c), telescopedGap(arena, c, c.n));
  },
  nearMiss: {
    description: "F_k^(n+1) in place of F_k^n",
    check: (arena, c) => equal(gap(arena, c), telescopedGap(arena, c, c.n + 1)),
  },
};

export const upperMinusEstimate: Claim<EpsCase> = {
  id: "identity.upper-minus-estimate",
  title: "Eq. (26) minus Eq. (28), factored",
  paper: null,
  kind: "identity",
  statement: "KLhat_1(e) - KLhat(e) = q [(n-1)/n + log((1 - q) / (n e (1 - e)^(n-1)))], q = (1 - e)^n; the log is >= 0 (AM-GM), so KLhat_1 - KLhat >= q (n-1)/n",
  domain: EPS_DOMAIN,
  reading: "not applicable (a function of n and e)",
  decision: "identity",
  oracle: ["estimators (KLhat, KLhat_1)"],
  arbitrary: epsCase,
  describe: describeEpsCase,
  check: (arena, c) => {
    const equality = nIsOneOrEpsIsOne(c); // both sides 0
    if (equality) return exactlyEqual(equality);
    const pt = epsPoint(arena, c);
    const v = estimators(arena, c.n, pt);
    return equal(v.upper.sub(v.estimate), v.power.mul(upperMinusEstimateBracket(arena, c.n, c)));
  },
  nearMiss: {
    description: "(n-2)/n in place of (n-1)/n",
    check: (arena, c) => {
      const v = estimators(arena, c.n, epsPoint(arena, c));
      return equal(v.upper.sub(v.estimate), v.power.mul(upperMinusEstimateBracket(arena, c.n, c).sub(Interval.fromRational(arena, 1n, BigInt(c.n)))));
    },
  },
};

/** The four terms of A - C, Corollary 3's bound C: each >= 0 when n e >= 1 (the third > 0 always). */
function thm3MinusCor3Terms(arena: Arena, c: EpsCase, dropped: "none" | "1/n"): Interval {
  const pt = epsPoint(arena, c);
  const n = c.n;
  const v = estimators(arena, n, pt); // power q, complementPower 1 - q, logComplementPower log(1 - q)
  const logNe = Interval.fromDouble(arena, n).log().add(pt.logEps);
  const first = pt.eps.scale(-n).exp().sub(v.power).mul(logNe);
  const second = v.complementPower.mul(v.logComplementPower).neg();
  const third = Interval.fromDouble(arena, dropped === "1/n" ? 0 : 1).add(v.power.scale(n - 1)).div(Interval.fromDouble(arena, n));
  const fourth = v.power.mul(pt.logOneMinusEps).scale(-(n - 1));
  return first.add(second).add(third).add(fourth);
}

export const cor3BelowThm3: Claim<EpsCase> = {
  id: "identity.thm3-minus-cor3",
  title: "Theorem 3's bound minus Corollary 3's, as four terms",
  paper: null,
  kind: "identity",
  statement:
    "A(e, n) - [(1 - e^{-ne}) log(ne) - 1] = (e^{-ne} - q) log(ne) - (1 - q) log(1 - q) + (1 + (n-1) q)/n - (n-1) q log(1 - e), q = (1 - e)^n: each term is >= 0 when n e >= 1, so Corollary 3 follows from Theorem 3 (and for n e < 1 its bound is < 0)",
  domain: EPS_DOMAIN,
  reading: "not applicable (a function of n and e)",
  decision: "identity",
  oracle: ["gapBoundThm3", "gapBoundCor3", "estimators"],
  arbitrary: epsCase,
  describe: describeEpsCase,
  check: (arena, c) => {
    const pt = epsPoint(arena, c);
    return equal(gapBoundThm3(arena, c.n, pt).sub(gapBoundCor3(arena, c.n, pt)), thm3MinusCor3Terms(arena, c, "none"));
  },
  nearMiss: {
    description: "without the term 1/n",
    check: (arena, c) => {
      const pt = epsPoint(arena, c);
      return equal(gapBoundThm3(arena, c.n, pt).sub(gapBoundCor3(arena, c.n, pt)), thm3MinusCor3Terms(arena, c, "1/n"));
    },
  },
};

/** Where this module lives (the spec links each claim to its definition). */
export const SOURCE_URL = import.meta.url;
