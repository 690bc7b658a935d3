// The level masses the walk reads (level-masses.ts), checked against exact rational arithmetic done here: every mass
// and the total set in MPFR are exact in the common units (mass / total is g_k / sum p exactly, the total lies in
// [1/2, 1), all on a grid of 2^-bits), the approximate doubles are g_k / total, c_k / total and a_k / total to
// within a few roundings, and prefixMin points to a smallest mass of each prefix (exact comparison).
import { describe, expect, test } from "vitest";
import { scaleByPowerOfTwo } from "../../numerics/dyadic.ts";
import { dyadicOf } from "../../numerics/enclosure.ts";
import { allocInteger, allocReal, releaseInteger, releaseReal } from "../../numerics/mpfr.ts";
import { Distribution } from "../distribution.ts";
import { levelMasses } from "./level-masses.ts";

interface Q {
  num: bigint;
  den: bigint;
}
const cmp = (a: Q, b: Q): number => {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l > r ? 1 : l < r ? -1 : 0;
};
const add = (a: Q, b: Q): Q => ({ num: a.num * b.den + b.num * a.den, den: a.den * b.den });
/** a / b as a double, to about 1e-15 relative (both positive). */
const ratio = (a: Q, b: Q): number => {
  const num = a.num * b.den;
  const den = a.den * b.num;
  const shift = BigInt(Math.max(0, den.toString(2).length - num.toString(2).length + 80));
  return scaleByPowerOfTwo(Number((num << shift) / den), -Number(shift));
};

/** The value an MPFR number holds, as a rational m 2^e, and whether it lies on the grid 2^-bits. */
function read(ptr: number, bits: number): { q: Q; onGrid: boolean } {
  const d = dyadicOf(ptr);
  const q = d.e >= 0 ? { num: d.m << BigInt(d.e), den: 1n } : { num: d.m, den: 1n << BigInt(-d.e) };
  return { q, onGrid: d.m === 0n || d.e >= -bits };
}

const CASES: [string, { p: unknown[]; r?: unknown[] }][] = [
  // numbers summing to 1 - 5e-7 (within the accepted 1e-6): the total is not 1
  ["JSON numbers, total below 1", { p: [0.25, 0.125, 0.0625, 0.5625 - 5e-7] }],
  ["decimal strings", { p: ["0.3", "0.1", "0.2", "0.4"] }],
  ["ratios, the smallest mass last", { p: ["11/21", "1/3", "1/7"] }],
  // denominators 3, 2, 10^7: the common denominator 3 * 10^7 is no single level's (nor a multiple of the last one)
  ["denominators whose lcm no single level carries", { p: ["1/3", "1/2", "0.1666667"] }],
  // denominators 2^k - 1 (3, 7, 63), one off powers of two
  ["denominators one below powers of two", { p: ["1/3", "1/7", "33/63"] }],
  // numbers and strings mixed: a string mass (no double) smaller than a number's, and the other way round
  ["numbers and strings mixed", { p: [0.5, "0.125", 0.25, "1/8"] }],
  ["strings then a smaller number", { p: ["0.5", "0.375", 0.125] }],
  ["ties grouped into levels", { p: [0.125, 0.25, 0, 0.25, 0.375], r: [1, 2, 5, 2, 3] }],
  ["a tiny mass in the middle", { p: [0.25, 1e-300, 0.5, 0.25 - 1e-300] }],
];

describe("levelMasses", () => {
  for (const [name, input] of CASES) {
    test(name, () => {
      const dist = Distribution.parse(input);
      const masses = levelMasses(dist);
      const levels = dist.levels;
      const K = levels.length;
      const total: Q = dist.total;
      expect(masses.count).toBe(K);
      expect(masses.bits).toBeGreaterThanOrEqual(64);
      const ptr = allocReal(masses.bits);
      const z = allocInteger();
      try {
        masses.setTotal(ptr, z);
        const units = read(ptr, masses.bits);
        // the total in units lies in [1/2, 1)
        expect(cmp(units.q, { num: 1n, den: 2n }) >= 0 && cmp(units.q, { num: 1n, den: 1n }) < 0).toBe(true);
        expect(units.onGrid).toBe(true);
        let below: Q = { num: 0n, den: 1n };
        for (let k = 0; k < K; k++) {
          const g: Q = levels[k]!.mass;
          masses.setMass(ptr, k, z);
          const mass = read(ptr, masses.bits);
          // mass / total in units is g_k / sum p exactly
          expect(cmp({ num: mass.q.num * units.q.den, den: mass.q.den * units.q.num }, { num: g.num * total.den, den: g.den * total.num })).toBe(0);
          expect(mass.onGrid).toBe(true);
          below = add(below, g);
          const above: Q = { num: total.num * below.den - below.num * total.den, den: total.den * below.den };
          expect(Math.abs(masses.approxMass[k]! / ratio(g, total) - 1)).toBeLessThan(1e-14);
          expect(Math.abs(masses.approxAtOrBelow[k]! / ratio(below, total) - 1)).toBeLessThan(1e-14);
          if (above.num === 0n) expect(masses.approxAbove[k]).toBe(0);
          else expect(Math.abs(masses.approxAbove[k]! / ratio(above, total) - 1)).toBeLessThan(1e-12);
          // prefixMin[k] is a level among 0..k whose mass no level among 0..k undercuts
          const i = masses.prefixMin[k]!;
          expect(i >= 0 && i <= k).toBe(true);
          for (let j = 0; j <= k; j++) expect(cmp(levels[j]!.mass, levels[i]!.mass)).toBeGreaterThanOrEqual(0);
        }
      } finally {
        releaseReal(ptr);
        releaseInteger(z);
      }
    });
  }
});
