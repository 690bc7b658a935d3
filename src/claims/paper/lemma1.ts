/** Lemma 1 (the PMF of best-of-n), Eq. (7)-(14), and the identity pi^(1) = p. */
import fc from "fast-check";
import { Interval, setZero, add } from "../../numerics/interval.ts";
import { bonLevels, bonPmf, exactBonPmf, bigToFraction } from "../../oracle/interval-api.ts";
import { dyadicOf } from "../../numerics/enclosure.ts";
import { compareDyadicRational } from "../../numerics/exact-compare.ts";
import type { Claim } from "../claim.ts";
import { type Evidence, equal } from "../evidence.ts";
import { describeBonCase, distributionOf, extendedCase, type BonCase } from "../arbitraries/cases.ts";
import { dirichletLike, twoPoint, uniform, withTiedRewards, withZeros, type DistributionCase } from "../arbitraries/distributions.ts";
import { smallN } from "../arbitraries/n.ts";

const READING = "Per outcome. With ties, the protocol's rule pi_i = (p_i/g)((F_- + g)^n - F_-^n); zero-mass outcomes get 0.";

/** All entries >= 0: proved when every lower end is >= 0, disproved when some upper end is < 0. */
function allNonNegative(values: readonly Interval[]): Evidence {
  let proved = true;
  let minMid = Number.POSITIVE_INFINITY;
  for (const v of values) {
    if (v.isNegative()) return { status: "disproved", slack: v.midDouble() };
    if (!v.isNonNegative()) proved = false;
    minMid = Math.min(minMid, v.midDouble());
  }
  return proved ? { status: "proved", slack: minMid } : { status: "open", slack: minMid };
}

export const pmfNonNegative: Claim<BonCase> = {
  id: "lemma1.pmf-nonnegative",
  title: "pi_n is non-negative",
  paper: "Lemma 1, Eq. (7)",
  kind: "lemma",
  statement: "pi_n(y) = F(y)^n - F^-(y)^n >= 0 for every outcome y",
  domain: "p from every generator (two-point, uniform, Dirichlet-like, tiny mass, heavy tails), with ties and zero masses; n from 1 to 1e9",
  reading: READING,
  decision: "inequality",
  oracle: ["bonPmf"],
  arbitrary: extendedCase,
  describe: describeBonCase,
  check: (arena, c) => allNonNegative(bonPmf(arena, distributionOf(c.dist), c.n)),
  nearMiss: {
    description: "the worst-of-n order: F^-(y)^n - F(y)^n >= 0",
    check: (arena, c) => allNonNegative(bonPmf(arena, distributionOf(c.dist), c.n).map((v) => v.neg())),
  },
};

function sumOf(arena: Parameters<Claim<BonCase>["check"]>[0], values: readonly Interval[]): Interval {
  const s = Interval.alloc(arena);
  setZero(s);
  for (const v of values) add(s, s, v);
  return s;
}

export const pmfSumsToOne: Claim<BonCase> = {
  id: "lemma1.pmf-sums-to-one",
  title: "pi_n sums to 1",
  paper: "Lemma 1, Eq. (7)",
  kind: "lemma",
  statement: "sum_y pi_n(y) = 1",
  domain: pmfNonNegative.domain,
  reading: READING,
  decision: "identity",
  oracle: ["bonPmf"],
  arbitrary: extendedCase,
  describe: describeBonCase,
  check: (arena, c) => equal(sumOf(arena, bonPmf(arena, distributionOf(c.dist), c.n)), Interval.fromDouble(arena, 1)),
  nearMiss: {
    description: "n replaced by n + 1 in F^-: sum_k (F_k^n - F_{k-1}^(n+1)) = 1",
    check: (arena, c) => {
      const dist = distributionOf(c.dist);
      const levels = bonLevels(arena, dist, c.n);
      const next = bonLevels(arena, dist, c.n + 1);
      // F_k^n from P_1 + ... + P_k (telescoping), F_{k-1}^(n+1) likewise from the (n+1) levels
      const total = Interval.alloc(arena);
      setZero(total);
      const cumulative = Interval.alloc(arena);
      setZero(cumulative);
      const cumulativeNext = Interval.alloc(arena);
      setZero(cumulativeNext);
      levels.prob.forEach((P, k) => {
        add(cumulative, cumulative, P); // F_k^n
        add(total, total, cumulative.sub(cumulativeNext)); // F_k^n - F_{k-1}^(n+1)
        add(cumulativeNext, cumulativeNext, next.prob[k] as Interval);
      });
      return equal(total, Interval.fromDouble(arena, 1));
    },
    arbitrary: fc.record({ dist: fc.oneof(uniform(20), dirichletLike), n: smallN }),
  },
};

/** Small cases for the exact path: L <= 10, n <= 30, with ties and zero masses. */
const smallExactCase: fc.Arbitrary<BonCase> = fc.record({
  dist: fc.oneof(twoPoint, uniform(10), withTiedRewards(dirichletLike.filter((d) => d.p.length <= 10)), withZeros(uniform(6))) as fc.Arbitrary<DistributionCase>,
  n: fc.integer({ min: 1, max: 30 }),
});

/** Whether every enclosure contains the exact big.js fraction. */
function containsExact(values: readonly Interval[], c: BonCase, n: number): Evidence {
  const exact = exactBonPmf(c.dist.p, n, c.dist.r);
  for (let i = 0; i < exact.length; i++) {
    const f = exact[i]!;
    const a = bigToFraction(f.num);
    const b = bigToFraction(f.den);
    const value = { num: a.num * b.den, den: a.den * b.num };
    const v = values[i] as Interval;
    if (compareDyadicRational(dyadicOf(v.lo), value) > 0 || compareDyadicRational(dyadicOf(v.hi), value) < 0) {
      return { status: "disproved", detail: `pi[${i}] = ${f.num.toExponential(6)} / ${f.den.toExponential(6)} outside the enclosure` };
    }
  }
  return { status: "proved" };
}

export const pmfExact: Claim<BonCase> = {
  id: "lemma1.pmf-exact",
  title: "the certified PMF contains the exact rational PMF",
  paper: "Lemma 1, Eq. (13)-(14)",
  kind: "lemma",
  statement: "for small n, each enclosure of pi_n(y) contains the exact rational ((B+g)^n - B^n) p(y) / (g s^n) computed with big.js",
  domain: "two-point, uniform (L <= 10), Dirichlet-like (L <= 10) with ties, uniform with zero masses; n from 1 to 30",
  reading: READING,
  decision: "exact",
  oracle: ["bonPmf", "exactBonPmf (big.js)"],
  arbitrary: smallExactCase,
  describe: describeBonCase,
  check: (arena, c) => containsExact(bonPmf(arena, distributionOf(c.dist), c.n), c, c.n),
  nearMiss: {
    description: "n replaced by n + 1 in the exact PMF",
    check: (arena, c) => containsExact(bonPmf(arena, distributionOf(c.dist), c.n), c, c.n + 1),
  },
};

export const piOneIsP: Claim<BonCase> = {
  id: "identity.pi1-equals-p",
  title: "pi^(1) = p",
  paper: "Section 1 (after Eq. 4) and after Lemma 1",
  kind: "identity",
  statement: "pi_1(y) = p(y) for every outcome y, exactly (checked in exact rational arithmetic)",
  domain: "as lemma1.pmf-exact, with n = 1",
  reading: READING,
  decision: "exact",
  oracle: ["exactBonPmf (big.js)", "bonPmf"],
  arbitrary: smallExactCase.map((c) => ({ ...c, n: 1 })),
  describe: describeBonCase,
  check: (arena, c) => {
    const exact = exactBonPmf(c.dist.p, 1, c.dist.r);
    const dist = distributionOf(c.dist);
    for (let i = 0; i < exact.length; i++) {
      const a = bigToFraction(exact[i]!.num);
      const b = bigToFraction(exact[i]!.den);
      const m = dist.masses[i]!;
      // a.num/a.den / (b.num/b.den) == m / total  <=>  a.num * b.den * m.den * total.num == a.den * b.num * m.num * total.den
      if (a.num * b.den * m.den * dist.total.num !== a.den * b.num * m.num * dist.total.den) return { status: "disproved", detail: `pi_1[${i}] != p[${i}]` };
    }
    return containsExact(bonPmf(arena, dist, 1), c, 1);
  },
  nearMiss: {
    description: "pi^(2) = p",
    check: (arena, c) => containsExact(bonPmf(arena, distributionOf(c.dist), 2), c, 1),
    arbitrary: fc.record({ dist: fc.oneof(twoPoint, uniform(10)), n: fc.constant(1) }),
  },
};

/** Where this module lives (the spec links each claim to its definition). */
export const SOURCE_URL = import.meta.url;
