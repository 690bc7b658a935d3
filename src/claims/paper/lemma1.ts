/** Lemma 1 (the PMF of best-of-n), Eq. (7)-(14), and the identity pi^(1) = p. */
import fc from "fast-check";
import { Interval, setZero, add } from "../../numerics/interval.ts";
import { bonLevels, bonPmf, exactBonPmf, bigToFraction } from "../../oracle/interval-api.ts";
import { dyadicOf } from "../../numerics/enclosure.ts";
import { compareDyadicRational } from "../../numerics/exact-compare.ts";
import { mpfr, RNDD, RNDU } from "../../numerics/mpfr.ts";
import { certifiedOf } from "../certified-number.ts";
import type { Claim } from "../claim.ts";
import { type Evidence, equal } from "../evidence.ts";
import { describeBonCase, distributionOf, extendedCase, type BonCase } from "../arbitraries/cases.ts";
import { dirichletLike, twoPoint, uniform, withTiedRewards, withZeros, type DistributionCase } from "../arbitraries/distributions.ts";
import { smallN } from "../arbitraries/n.ts";

const READING = "Per outcome. With ties, the protocol's rule pi_i = (p_i/g)((F_- + g)^n - F_-^n); zero-mass outcomes get 0.";

/**
 * All entries >= 0: proved when every lower end is >= 0, disproved when some upper end is < 0. The slack is the
 * certified minimum over the entries that are not exactly 0 (zero-mass outcomes get pi = 0 exactly).
 */
function allNonNegative(values: readonly Interval[]): Evidence {
  let proved = true;
  let least: Interval | null = null;
  for (const v of values) {
    if (v.isNegative()) return { status: "disproved", slack: certifiedOf(v) };
    if (!v.isNonNegative()) proved = false;
    if (v.isExactZero()) continue;
    if (least === null) least = v.copy();
    else {
      mpfr.mpfr_min(least.lo, least.lo, v.lo, RNDD);
      mpfr.mpfr_min(least.hi, least.hi, v.hi, RNDU);
    }
  }
  const slack = least === null ? {} : { slack: certifiedOf(least) };
  return proved ? { status: "proved", ...slack } : { status: "open", ...slack };
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
    nontrivial: (c) => distributionOf(c.dist).levels.length >= 2, // the claim is about n = 1; pi^(2) is compared
  },
};

/**
 * pi_n by its definition (Eq. 4), in exact rational arithmetic: every one of the L^n ordered tuples of draws, with
 * probability prod_j p(t_j); the winner is a draw of maximal reward, chosen uniformly among the tied ones (so outcome
 * i gets c_i / c of the tuple, c the number of maximal draws and c_i those equal to i). No use of Eq. (13).
 * Returns numerators over the common denominator W^n lcm(1..n), W the sum of the integer weights.
 */
export function enumeratedPmf(weights: readonly bigint[], rewards: readonly number[], n: number): { num: bigint[]; den: bigint } {
  const L = weights.length;
  let lcm = 1n;
  for (let k = 2n; k <= BigInt(n); k++) lcm = (lcm * k) / gcdOf(lcm, k);
  const num = weights.map(() => 0n);
  const tuple = new Array<number>(n).fill(0);
  for (;;) {
    let product = 1n;
    let best = Number.NEGATIVE_INFINITY;
    for (const t of tuple) {
      product *= weights[t] as bigint;
      best = Math.max(best, rewards[t] as number);
    }
    if (product !== 0n) {
      const winners = tuple.filter((t) => rewards[t] === best);
      const share = (product * lcm) / BigInt(winners.length); // exact: winners.length divides lcm
      for (const t of winners) num[t] = (num[t] as bigint) + share;
    }
    let j = 0;
    while (j < n && (tuple[j] = ((tuple[j] as number) + 1) % L) === 0) j++;
    if (j === n) break;
  }
  const total = weights.reduce((a, b) => a + b, 0n);
  return { num, den: total ** BigInt(n) * lcm };
}

function gcdOf(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** A case's masses as integer weights over a common denominator (exact). */
function integerWeights(c: BonCase): bigint[] {
  const masses = distributionOf(c.dist).masses;
  let den = 1n;
  for (const m of masses) den = (den * m.den) / gcdOf(den, m.den);
  return masses.map((m) => (m.num * den) / m.den);
}

/** Whether each enclosure contains the enumerated exact value. */
function containsEnumerated(values: readonly Interval[], c: BonCase, n: number): Evidence {
  const rewards = c.dist.r ? [...c.dist.r] : c.dist.p.map((_, i) => i);
  const { num, den } = enumeratedPmf(integerWeights(c), rewards, n);
  for (let i = 0; i < num.length; i++) {
    const v = values[i] as Interval;
    const value = { num: num[i] as bigint, den };
    if (compareDyadicRational(dyadicOf(v.lo), value) > 0 || compareDyadicRational(dyadicOf(v.hi), value) < 0) {
      return { status: "disproved", detail: `pi[${i}]: the enumeration of all ${c.dist.p.length}^${n} draws gives ${num[i]}/${den}, outside the enclosure` };
    }
  }
  return { status: "proved" };
}

/** Dirichlet-like weights on at most 5 outcomes (as distributions.ts's dirichletLike). */
const smallDirichlet: fc.Arbitrary<DistributionCase> = fc
  .record({ weights: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 5 }), power: fc.constantFrom(0, 1, 2, 4) })
  .map(({ weights, power }) => {
    const powered = weights.map((w) => BigInt(w) ** BigInt(power));
    const total = powered.reduce((a, b) => a + b, 0n);
    return { p: powered.map((w) => `${w}/${total}`), label: `dirichlet-like L=${weights.length} power=${power}` };
  });

/** Small L and n for the enumeration: L^n <= 5^6 tuples; ties and zero masses. */
const enumerationCase: fc.Arbitrary<BonCase> = fc
  .record({
    dist: fc.oneof(twoPoint, uniform(5), smallDirichlet, withTiedRewards(smallDirichlet), withZeros(uniform(3))) as fc.Arbitrary<DistributionCase>,
    n: fc.integer({ min: 1, max: 6 }),
  })
  .filter((c) => c.dist.p.length <= 5 && c.dist.p.length ** c.n <= 5 ** 6);

export const pmfByEnumeration: Claim<BonCase> = {
  id: "lemma1.pmf-by-enumeration",
  title: "the certified PMF contains pi_n computed from its definition by enumerating every tuple of draws",
  paper: "Lemma 1, Eq. (4) and (7)",
  kind: "lemma",
  statement: "for L <= 5 and n <= 6 (L^n <= 5^6), each enclosure of pi_n(y) contains the exact rational obtained by summing prod_j p(t_j) over all L^n tuples of draws whose winner (uniform among maximal rewards) is y",
  domain: "two-point, uniform (L <= 5), Dirichlet-like (L <= 5) with and without ties, uniform with zero masses; n from 1 to 6",
  reading: READING,
  decision: "exact",
  oracle: ["bonPmf"],
  arbitrary: enumerationCase,
  describe: describeBonCase,
  check: (arena, c) => containsEnumerated(bonPmf(arena, distributionOf(c.dist), c.n), c, c.n),
  nearMiss: {
    description: "the enumeration for n + 1 draws",
    check: (arena, c) => containsEnumerated(bonPmf(arena, distributionOf(c.dist), c.n), c, c.n + 1),
    arbitrary: enumerationCase.filter((c) => c.dist.p.length ** (c.n + 1) <= 5 ** 6),
  },
};

/** Where this module lives (the spec links each claim to its definition). */
export const SOURCE_URL = import.meta.url;
