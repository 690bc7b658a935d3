/**
 * Section 4: the estimators. Lemma 2 (Eq. 23) and Theorem 4 (Eq. 27) are theorems; what the paper says of
 * the proposed estimator Eq. (28) and of Eq. (26)'s looseness is made precise and tested as conjectures.
 */
import type { Claim } from "../claim.ts";
import { lessOrEqual } from "../evidence.ts";
import { Interval } from "../../numerics/interval.ts";
import { klBoundThm4, estimatorMoments, estimators } from "../../oracle/interval-api.ts";
import { describeBonCase, describeEpsCase, distributionOf, epsCase, extendedCase, paperCase, type BonCase, type EpsCase } from "../arbitraries/cases.ts";
import { epsInfinityPoint, epsPoint, formula, kl } from "./quantities.ts";

const PAPER_DOMAIN = "p from every generator, distinct rewards in listing order; n from 1 to 1e9";
const EXTENDED_DOMAIN = "as the paper's domain, plus rewards in arbitrary order with ties and zero-mass outcomes";
const EPS_N = "eps_n = p(y) of the chosen outcome y (per outcome, Eq. 20); the expectation is exact: sum_y pi_n(y) f(p(y))";

export const lemma2: Claim<BonCase> = {
  id: "lemma2.kl-le-expected-upper",
  title: "KL is at most the expectation of KLhat_1(eps_n)",
  paper: "Lemma 2, Eq. (23)",
  kind: "lemma",
  statement: "KL(pi_n || p) <= E_{y ~ pi_n} log((1 - (1 - p(y))^n) / p(y))",
  domain: PAPER_DOMAIN,
  reading: EPS_N,
  decision: "inequality",
  informativeMeans: "E[KLhat_1(eps_n)] < log n - (n-1)/n",
  oracle: ["klBoundLemma2", "klBon"],
  arbitrary: paperCase,
  describe: describeBonCase,
  check: (arena, c) => {
    const bound = estimatorMoments(arena, distributionOf(c.dist), c.n).upperMean;
    return lessOrEqual(kl(arena, c), bound, { informative: bound.certainlyBelow(formula(arena, c.n)) });
  },
  nearMiss: {
    description: "the bound minus 1% of (n-1)/n",
    check: (arena, c) => {
      const bound = estimatorMoments(arena, distributionOf(c.dist), c.n).upperMean;
      return lessOrEqual(kl(arena, c), bound.sub(Interval.fromRational(arena, BigInt(c.n - 1), BigInt(100 * c.n))));
    },
  },
};

export const lemma2Extended: Claim<BonCase> = {
  ...lemma2,
  id: "lemma2.kl-le-expected-upper+ties",
  title: "Lemma 2 with ties and zero masses",
  kind: "ours",
  domain: EXTENDED_DOMAIN,
  arbitrary: extendedCase,
};

export const thm4: Claim<BonCase> = {
  id: "thm4.kl-le-bound",
  title: "KL is at most Eq. (28) evaluated at eps_infinity",
  paper: "Theorem 4, Eq. (27)",
  kind: "theorem",
  statement: "KL(pi_n || p) <= (1-e)^n (log n + (n-1) log(1-e) - (n-1)/n) + (1-(1-e)^n) log((1-(1-e)^n)/e), e = eps_infinity",
  domain: PAPER_DOMAIN,
  reading: "eps_infinity = mass of the highest reward level with positive mass",
  decision: "inequality",
  informativeMeans: "the bound is < log n - (n-1)/n",
  oracle: ["klBoundThm4", "klBon", "epsInfinity"],
  arbitrary: paperCase,
  describe: describeBonCase,
  check: (arena, c) => {
    const bound = klBoundThm4(arena, c.n, epsInfinityPoint(arena, c));
    return lessOrEqual(kl(arena, c), bound, { informative: bound.certainlyBelow(formula(arena, c.n)) });
  },
  nearMiss: {
    description: "the bound scaled by 0.99",
    check: (arena, c) => lessOrEqual(kl(arena, c), klBoundThm4(arena, c.n, epsInfinityPoint(arena, c)).scale(0.99)),
  },
};

export const thm4Extended: Claim<BonCase> = {
  ...thm4,
  id: "thm4.kl-le-bound+ties",
  title: "Theorem 4 with ties and zero masses",
  kind: "ours",
  domain: EXTENDED_DOMAIN,
  reading: "eps_infinity = mass of the highest reward level with positive mass (the whole top tie group)",
  arbitrary: extendedCase,
  nearMiss: { ...thm4.nearMiss!, arbitrary: extendedCase },
};

export const estimateMeanUpperBoundsKl: Claim<BonCase> = {
  id: "conj.expected-estimate-ge-kl",
  title: "the proposed estimator overestimates KL on average",
  paper: "Approximation 1, Eq. (28); stated as a conjecture in the later version of the paper",
  kind: "conjecture",
  statement: "E_{y ~ pi_n} KLhat(p(y)) >= KL(pi_n || p)",
  domain: EXTENDED_DOMAIN,
  reading: EPS_N,
  decision: "inequality",
  oracle: ["estimatorMoments (mean of KLhat)", "klBon"],
  arbitrary: extendedCase,
  describe: describeBonCase,
  check: (arena, c) => lessOrEqual(kl(arena, c), estimatorMoments(arena, distributionOf(c.dist), c.n).estimateMean),
  nearMiss: {
    description: "the expectation scaled by 0.99",
    check: (arena, c) => lessOrEqual(kl(arena, c), estimatorMoments(arena, distributionOf(c.dist), c.n).estimateMean.scale(0.99)),
  },
};

export const upperLooseness: Claim<BonCase> = {
  id: "conj.expected-upper-minus-kl-le-fraction",
  title: "KLhat_1 is loose by at most (n-1)/n on average",
  paper: "Section 4, after Eq. (26): \"loose by an additive constant of (n-1)/n\"",
  kind: "conjecture",
  statement: "E_{y ~ pi_n} KLhat_1(p(y)) - KL(pi_n || p) <= (n-1)/n",
  domain: PAPER_DOMAIN,
  reading: EPS_N,
  decision: "inequality",
  oracle: ["klBoundLemma2", "klBon"],
  arbitrary: paperCase,
  describe: describeBonCase,
  check: (arena, c) => {
    const upper = estimatorMoments(arena, distributionOf(c.dist), c.n).upperMean;
    return lessOrEqual(upper.sub(kl(arena, c)), Interval.fromRational(arena, BigInt(c.n - 1), BigInt(c.n)));
  },
  nearMiss: {
    description: "(n-1)/n scaled by 0.99",
    check: (arena, c) => {
      const upper = estimatorMoments(arena, distributionOf(c.dist), c.n).upperMean;
      return lessOrEqual(upper.sub(kl(arena, c)), Interval.fromRational(arena, BigInt(99 * (c.n - 1)), BigInt(100 * c.n)));
    },
  },
};

export const upperLoosenessExtended: Claim<BonCase> = {
  ...upperLooseness,
  id: "conj.expected-upper-minus-kl-le-fraction+ties",
  title: "KLhat_1's looseness with ties and zero masses",
  kind: "ours",
  domain: EXTENDED_DOMAIN,
  arbitrary: extendedCase,
  refutedBy: {
    counterexample: { dist: { p: ["1/3", "1/3", "1/3"], r: [0, 0, 0], label: "uniform L=3, rewards in 1 level(s)" }, n: 2 },
    correctedBy: null,
    explanation:
      "With all three outcomes tied, pi_2 = p and KL = 0, but eps_n = 1/3 for every draw and KLhat_1(1/3) = log(5/3) = 0.511 > (n-1)/n = 0.5. Read per reward level (eps_n = 1) the estimator would be 0; no corrected form is asserted because practitioners observe p(y) per outcome.",
  },
};

export const estimateBelowFormula: Claim<EpsCase> = {
  id: "ours.estimate-le-formula",
  title: "the estimator of Eq. (28) never exceeds the formula",
  paper: null,
  kind: "conjecture",
  statement:
    "KLhat(eps) <= log n - (n-1)/n for every eps in (0, 1] and n >= 1 (so Theorem 4's bound is never worse than Theorem 1's, and a per-sample KLhat never exceeds the formula)",
  domain: "eps log-uniform in [1e-304, 1] (and eps = 1), n from 1 to 1e9",
  reading: "not applicable (a function of n and eps)",
  decision: "inequality",
  budget: { maxPrecision: 16384 },
  oracle: ["estimators (KLhat)", "klFormula"],
  arbitrary: epsCase,
  describe: describeEpsCase,
  check: (arena, c) => lessOrEqual(estimators(arena, c.n, epsPoint(arena, c)).estimate, formula(arena, c.n)),
  nearMiss: {
    description: "n replaced by n - 1 in the formula",
    check: (arena, c) => lessOrEqual(estimators(arena, c.n, epsPoint(arena, c)).estimate, c.n === 1 ? Interval.fromDouble(arena, -1) : formula(arena, c.n - 1)),
  },
};

/** Where this module lives (the spec links each claim to its definition). */
export const SOURCE_URL = import.meta.url;
