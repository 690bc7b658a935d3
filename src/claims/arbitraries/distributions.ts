/**
 * Distributions that reach the corners where the paper's claims are tight or fragile. Each is built from
 * fast-check primitives so failures shrink to a small readable case, and carries a short label.
 *
 * p is given the way users give it: JSON numbers (exact binary64) or exact strings ("1/3", "1e-300");
 * r (optional) are rewards in any order; without r, p is in increasing reward order.
 */
import fc from "fast-check";

export interface DistributionCase {
  readonly p: readonly (number | string)[];
  readonly r?: readonly number[];
  readonly label: string;
}

/** Two outcomes (1 - m, m) with m log-uniform down to 1e-30, the small mass at the top or the bottom. */
export const twoPoint: fc.Arbitrary<DistributionCase> = fc
  .record({ exponent: fc.integer({ min: 0, max: 30 }), digit: fc.integer({ min: 1, max: 9 }), top: fc.boolean() })
  .map(({ exponent, digit, top }) => {
    const m = `${digit}e-${exponent + 1}`; // in (0, 0.9]
    const rest = `${10 ** (exponent + 1) - digit}/${10 ** (exponent + 1)}`;
    const exactRest = exponent + 1 <= 15 ? rest : complementString(m);
    return { p: top ? [exactRest, m] : [m, exactRest], label: `two-point m=${m} at the ${top ? "top" : "bottom"}` };
  });

/** "1 - m" as an exact decimal string for m = "de-k". */
function complementString(m: string): string {
  const [digit, exponent] = m.split("e-").map(Number) as [number, number];
  // 1 - d * 10^-k = 0.999...9(10-d) with k digits after the point
  return `0.${"9".repeat(exponent - 1)}${10 - digit}`;
}

/** Uniform on L outcomes, L up to 10^4 (large L rarely: each costs ~L level evaluations). */
export function uniform(maxL = 10_000): fc.Arbitrary<DistributionCase> {
  const small = fc.integer({ min: 1, max: Math.min(50, maxL) });
  const L = maxL <= 50 ? small : fc.oneof({ weight: 9, arbitrary: small }, { weight: 1, arbitrary: fc.integer({ min: 51, max: maxL }) });
  return L.map((size) => ({ p: Array<string>(size).fill(`1/${size}`), label: `uniform L=${size}` }));
}

/**
 * Dirichlet-like shapes from flat to very concentrated: integer weights w_i raised to a power k
 * (k = 0 flat ... k = 8 concentrated), as exact ratios.
 */
export const dirichletLike: fc.Arbitrary<DistributionCase> = fc
  .record({ weights: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 40 }), power: fc.constantFrom(0, 1, 2, 4, 8) })
  .map(({ weights, power }) => {
    const powered = weights.map((w) => BigInt(w) ** BigInt(power));
    const total = powered.reduce((a, b) => a + b, 0n);
    return { p: powered.map((w) => `${w}/${total}`), label: `dirichlet-like L=${weights.length} power=${power}` };
  });

/** A single tiny mass (down to 1e-300) at the top, middle or bottom of a small flat-ish distribution. */
export const tinyMass: fc.Arbitrary<DistributionCase> = fc
  .record({
    base: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 8 }),
    exponent: fc.integer({ min: 1, max: 300 }),
    where: fc.constantFrom("top", "middle", "bottom"),
  })
  .map(({ base, exponent, where }) => {
    const total = base.reduce((a, b) => a + b, 0);
    const rest = base.map((w) => (w / total) * (1 - 10 ** -exponent)); // the others share 1 - tiny
    const tiny = `1e-${exponent}`;
    const at = where === "top" ? rest.length : where === "bottom" ? 0 : Math.floor(rest.length / 2);
    const p: (number | string)[] = [...rest];
    p.splice(at, 0, tiny);
    return { p, label: `tiny mass 1e-${exponent} at the ${where}, L=${p.length}` };
  });

/** Heavy tails: Zipf p_i ~ 1/i^s or geometric p_i ~ q^i, heavy end at the top or the bottom. */
export const heavyTailed: fc.Arbitrary<DistributionCase> = fc
  .record({
    L: fc.integer({ min: 2, max: 1000 }),
    family: fc.constantFrom("zipf", "geometric"),
    shape: fc.integer({ min: 1, max: 30 }),
    headAtTop: fc.boolean(),
  })
  .map(({ L, family, shape, headAtTop }) => {
    const raw = Array.from({ length: L }, (_, i) => (family === "zipf" ? (i + 1) ** -(0.2 * shape) : (1 - shape / 31) ** i));
    const total = raw.reduce((a, b) => a + b, 0);
    const p = raw.map((x) => x / total);
    if (headAtTop) p.reverse();
    return { p, label: `${family} L=${L} shape=${shape} head at the ${headAtTop ? "top" : "bottom"}` };
  })
  .filter((d) => d.p.some((x) => (x as number) > 0));

/**
 * Flat distributions with many outcomes, where the upper bounds on the gap (Theorem 2, Corollary 2) say
 * something: uniform with L log-uniform in [10, 2000] (up to 10^4 rarely), or Dirichlet-like weights with
 * power 0 or 1 on 20 to 300 outcomes.
 */
export const flatDistribution: fc.Arbitrary<DistributionCase> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.noBias(fc.integer({ min: 1000, max: 3300 })).map((k) => {
      const L = Math.round(10 ** (k / 1000));
      return { p: Array<string>(L).fill(`1/${L}`), label: `uniform L=${L}` };
    }),
  },
  { weight: 1, arbitrary: uniform(10_000) },
  {
    weight: 3,
    arbitrary: fc
      .record({ weights: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 20, maxLength: 300, size: "large" }), power: fc.constantFrom(0, 1) })
      .map(({ weights, power }) => {
        const powered = weights.map((w) => w ** power);
        const total = powered.reduce((a, b) => a + b, 0);
        return { p: powered.map((w) => `${w}/${total}`), label: `dirichlet-like L=${weights.length} power=${power}` };
      }),
  },
);

/** The paper's domain: distinct rewards, positive masses, every shape above. */
export const paperDistribution: fc.Arbitrary<DistributionCase> = fc.oneof(
  { weight: 2, arbitrary: twoPoint },
  { weight: 2, arbitrary: uniform() },
  { weight: 3, arbitrary: dirichletLike },
  { weight: 2, arbitrary: tinyMass },
  { weight: 1, arbitrary: heavyTailed },
);

/** Inserts zero-mass outcomes at random positions. */
export function withZeros(d: fc.Arbitrary<DistributionCase>): fc.Arbitrary<DistributionCase> {
  return fc.tuple(d, fc.array(fc.nat(), { minLength: 1, maxLength: 4 })).map(([base, positions]) => {
    const p = [...base.p];
    for (const pos of positions) p.splice(pos % (p.length + 1), 0, 0);
    return { p, label: `${base.label} + ${positions.length} zero mass(es)` };
  });
}

/**
 * Rewards in arbitrary order with ties: outcome i gets reward i mod k or hash(i, salt) mod k, with k levels
 * from 1 (all tied) up to L. The rewards are a function of shrinkable parameters (not a chained array), so a failing case
 * shrinks both its distribution and its ties; k shrinks toward 1, the most tied case.
 */
export function withTiedRewards(d: fc.Arbitrary<DistributionCase>, levelFraction: fc.Arbitrary<number> = anyLevelFraction): fc.Arbitrary<DistributionCase> {
  return fc.tuple(d, levelFraction, fc.nat(1000)).map(([base, fraction, salt]) => {
    const L = base.p.length;
    const levels = 1 + Math.floor((fraction / 1000) * (L - 1));
    // even salt: round robin i mod k (balanced, readable levels); odd salt: scattered by a hash
    const r = base.p.map((_, i) => (salt % 2 === 0 ? i : mix(i, salt)) % levels);
    return { p: base.p, r, label: `${base.label}, rewards in ${levels} level(s)` };
  });
}

/** The number of reward levels as a fraction (per mille) of L: uniform over [0, 1000]. */
export const anyLevelFraction: fc.Arbitrary<number> = fc.noBias(fc.integer({ min: 0, max: 1000 }));
/** Few levels (large tie groups) most of the time. */
export const fewLevels: fc.Arbitrary<number> = fc.integer({ min: 0, max: 1000 });
/** Many levels (small tie groups) most of the time. */
export const manyLevels: fc.Arbitrary<number> = fc.oneof({ weight: 3, arbitrary: fc.noBias(fc.integer({ min: 500, max: 1000 })) }, { weight: 1, arbitrary: anyLevelFraction });

/** A small integer hash of (i, salt): scatters outcomes over reward levels. */
function mix(i: number, salt: number): number {
  let h = Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(salt + 7, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 1;
}

/** The extended domain: ties and zero masses as well. */
export const extendedDistribution: fc.Arbitrary<DistributionCase> = fc.oneof(
  { weight: 2, arbitrary: withTiedRewards(paperDistribution) },
  { weight: 1, arbitrary: withZeros(paperDistribution) },
  { weight: 1, arbitrary: withTiedRewards(withZeros(paperDistribution)) },
);

/** A short readable rendering of a distribution (long vectors abbreviated). */
export function describeDistribution(d: DistributionCase): string {
  const show = (xs: readonly (number | string)[]) => (xs.length <= 8 ? JSON.stringify(xs) : `${JSON.stringify(xs.slice(0, 4)).slice(0, -1)}, ... (${xs.length} entries)]`);
  return `${d.label}: p=${show(d.p)}${d.r ? ` r=${show(d.r)}` : ""}`;
}
