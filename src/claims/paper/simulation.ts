/**
 * Lemma 1 against simulation: draw best-of-n samples the way Eq. (4) defines them (n i.i.d. draws from p,
 * keep a draw of maximal reward, ties broken uniformly among the tied draws) and compare the frequencies with
 * the certified pi_n. A statistical check, with a fixed seed and a stated significance level: by Hoeffding's
 * inequality and a union bound over the L outcomes, every frequency lies within
 * sqrt(log(2L / alpha) / (2N)) of its probability with probability at least 1 - alpha.
 */
import fc from "fast-check";
import type { Claim } from "../claim.ts";
import type { Evidence } from "../evidence.ts";
import { seededRandom } from "../../util/seeded-random.ts";
import { bonPmf } from "../../oracle/interval-api.ts";
import type { Interval } from "../../numerics/interval.ts";
import { describeBonCase, distributionOf, type BonCase } from "../arbitraries/cases.ts";
import { dirichletLike, twoPoint, uniform, withTiedRewards, withZeros } from "../arbitraries/distributions.ts";

/** Draws per case. */
export const SIMULATION_DRAWS = 20_000;
/** Significance level of each case's test. */
export const SIMULATION_ALPHA = 1e-6;

export interface SimulationCase extends BonCase {
  /** Seed of the simulation's random stream. */
  readonly seed: number;
}

/** Frequencies of best-of-n draws, by direct simulation of Eq. (4) with the protocol's tie rule. */
export function simulateBestOfN(p: readonly number[], r: readonly number[], n: number, draws: number, seed: number): number[] {
  const random = seededRandom(seed);
  const total = p.reduce((a, b) => a + b, 0);
  const cdf: number[] = [];
  let acc = 0;
  for (const x of p) cdf.push((acc += x / total));
  const counts = p.map(() => 0);
  const drawOne = (): number => {
    const u = random() * acc;
    let i = 0;
    while (i < cdf.length - 1 && (cdf[i] as number) <= u) i++;
    while (p[i] === 0) i--; // never land on a zero-mass outcome (u < cdf boundary rounding)
    return i;
  };
  for (let d = 0; d < draws; d++) {
    let best = -1;
    let bestReward = Number.NEGATIVE_INFINITY;
    let tied = 0;
    for (let k = 0; k < n; k++) {
      const y = drawOne();
      const reward = r[y] as number;
      if (reward > bestReward) {
        bestReward = reward;
        best = y;
        tied = 1;
      } else if (reward === bestReward) {
        tied++;
        if (random() * tied < 1) best = y; // reservoir choice: uniform among the tied draws
      }
    }
    counts[best] = (counts[best] as number) + 1;
  }
  return counts.map((c) => c / draws);
}

function hoeffdingRadius(L: number): number {
  return Math.sqrt(Math.log((2 * L) / SIMULATION_ALPHA) / (2 * SIMULATION_DRAWS));
}

function compare(pmf: readonly Interval[], frequencies: readonly number[]): Evidence {
  const radius = hoeffdingRadius(pmf.length);
  for (let i = 0; i < pmf.length; i++) {
    const v = pmf[i] as Interval;
    const f = frequencies[i] as number;
    const distance = f < v.loDouble() ? v.loDouble() - f : f > v.hiDouble() ? f - v.hiDouble() : 0;
    if (distance > radius) return { status: "disproved", detail: `outcome ${i}: frequency ${f} vs pi_n in [${v.loDouble()}, ${v.hiDouble()}], beyond the radius ${radius.toExponential(3)}` };
  }
  return { status: "open", reason: `every frequency within the Hoeffding radius (a test at alpha = ${SIMULATION_ALPHA.toExponential()} per case; it cannot verify)` };
}

/** A probability given as a number or an exact string, as the nearest double (enough for simulation). */
function toNumber(x: number | string): number {
  if (typeof x === "number") return x;
  const slash = x.indexOf("/");
  return slash < 0 ? Number(x) : Number(x.slice(0, slash)) / Number(x.slice(slash + 1));
}

function asNumbers(c: BonCase): { p: number[]; r: number[] } {
  const p = c.dist.p.map(toNumber);
  return { p, r: c.dist.r ? [...c.dist.r] : p.map((_, i) => i) };
}

/** Small cases whose masses are all 0 or >= 1e-3 (so that the frequencies say something about every outcome). */
const smallCase: fc.Arbitrary<SimulationCase> = fc.record({
  dist: fc
    .oneof(twoPoint, uniform(5), withTiedRewards(uniform(5)), withTiedRewards(dirichletLike), withZeros(uniform(4)))
    .filter((d) => d.p.length <= 6 && d.p.every((x) => toNumber(x) >= 1e-3 || toNumber(x) === 0)),
  n: fc.integer({ min: 1, max: 6 }),
  seed: fc.nat(),
});

export const pmfMatchesSimulation: Claim<SimulationCase> = {
  id: "lemma1.matches-simulation",
  title: "pi_n matches simulated best-of-n draws",
  paper: "Lemma 1, Eq. (4) and (7)",
  kind: "lemma",
  statement: `the frequencies of ${SIMULATION_DRAWS} simulated best-of-n draws lie within the Hoeffding radius sqrt(log(2L/alpha)/(2N)) of pi_n, alpha = ${SIMULATION_ALPHA} per case`,
  domain: "two-point and uniform (L <= 5), Dirichlet-like with ties (L <= 5), uniform with zero masses; masses >= 1e-3; n from 1 to 6; a seeded random stream per case",
  reading: "ties broken uniformly among the tied draws (protocol.md)",
  decision: "statistical",
  oracle: ["bonPmf"],
  arbitrary: smallCase,
  describe: (c) => `${describeBonCase(c)}, simulation seed ${c.seed}`,
  check: (arena, c) => {
    const { p, r } = asNumbers(c);
    return compare(bonPmf(arena, distributionOf(c.dist), c.n), simulateBestOfN(p, r, c.n, SIMULATION_DRAWS, c.seed));
  },
  nearMiss: {
    description: "simulated best-of-n against pi_(n+1)",
    check: (arena, c) => {
      const { p, r } = asNumbers(c);
      return compare(bonPmf(arena, distributionOf(c.dist), c.n + 1), simulateBestOfN(p, r, c.n, SIMULATION_DRAWS, c.seed));
    },
  },
};

/** Where this module lives (the spec links each claim to its definition). */
export const SOURCE_URL = import.meta.url;
