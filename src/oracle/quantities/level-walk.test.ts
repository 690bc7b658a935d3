/**
 * The streaming level walk (issue 13) against the implementation it replaced (fixtures/levels-before-streaming.ts)
 * and against exact values: both are rigorous, so every pair of enclosures must intersect, and the streamed ones
 * must be as narrow (within a factor 1.5) or narrower; the walk holds O(1) MPFR numbers whatever L; the KL's bottom
 * block is cut off only when provably negligible, and not when a tiny mass below forbids it.
 */
import { describe, expect, test, vi } from "vitest";
import { Distribution } from "../distribution.ts";
import { withArena } from "../../numerics/arena.ts";
import { Enclosure, dyadicOf } from "../../numerics/enclosure.ts";
import { Interval } from "../../numerics/interval.ts";
import { liveReals, mpfr } from "../../numerics/mpfr.ts";
import { enclosureContains } from "../../numerics/exact-compare.ts";
import { bigToFraction, exactBonPmf } from "../exact/exact-pmf.ts";
import { bonLevelPmf, bonLevels, bonPmf } from "./bon-policy.ts";
import { klBon, levelTerm } from "./kl.ts";
import { LevelWalk, MAX_POWER_N } from "./level-walk.ts";
import { levelMasses } from "./level-masses.ts";
import { bonLevelsBefore, klBonBefore } from "./fixtures/levels-before-streaming.ts";

const enc = (v: Interval, prec: number): Enclosure => new Enclosure(dyadicOf(v.lo), dyadicOf(v.hi), prec);

function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return (s + 1) / 2 ** 31;
  };
}

function randomP(L: number, seed: number): number[] {
  const next = lcg(seed);
  const w = Array.from({ length: L }, () => next() ** 3);
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / total);
}

const CASES: [string, { p: unknown[]; r?: unknown[] }][] = [
  ["two points", { p: [0.25, 0.75] }],
  ["random, L = 5", { p: randomP(5, 1) }],
  ["random, L = 300", { p: randomP(300, 2) }],
  ["decimal strings", { p: ["0.1", "0.2", "0.3", "0.4"] }],
  ["ratios with coprime denominators", { p: ["1/3", "1/7", "11/21"] }],
  // the common denominator is not the last level's: 3, then 2, then 10^7 (sum 1 within 1e-6), so D = 3 * 10^7
  ["denominators whose lcm no single level carries", { p: ["1/3", "1/2", "0.1666667"] }],
  // denominators 2^k - 1 (3, 7, 63): one off a power of two, never to be taken for one
  ["denominators one below powers of two", { p: ["1/3", "1/7", "33/63"] }],
  ["ties and a zero mass", { p: [0.125, 0.25, 0, 0.25, 0.375], r: [1, 2, 5, 2, 3] }],
  // decimal strings and numbers together (denominators 2^a 5^b: the scaled common denominator), masses below the
  // double range
  ["decimals, numbers and masses below the double range", { p: ["0.4", 0.25, "3e-400", "0.35", "1e-401"] }],
  ["a tiny bottom mass", { p: [1e-300, 0.5 - 1e-300, 0.25, 0.25] }],
  ["a tiny top mass", { p: [0.5, 0.5 - 1e-200, 1e-200] }],
];
const NS = [1, 2, 3, 10, 1000, 1e6, MAX_POWER_N, MAX_POWER_N + 1, 2e9];

/** Both rigorous: they intersect; the new one is at most 1.5 times as wide (or both are points). */
function expectAsGoodAs(now: Enclosure, before: Enclosure, what: string): void {
  expect(now.hiNumber >= before.loNumber && before.hiNumber >= now.loNumber, `${what}: ${now} and ${before} are disjoint`).toBe(true);
  expect(now.width <= 1.5 * before.width, `${what}: ${now} (width ${now.width}) wider than before ${before} (${before.width})`).toBe(true);
}

describe("streamed levels against the implementation before issue 13", () => {
  for (const [name, input] of CASES) {
    test(`${name}: P_k and KL intersect the previous enclosures and are no wider`, () => {
      const dist = Distribution.parse(input);
      for (const n of NS) {
        for (const prec of [64, 128, 256]) {
          withArena(prec, (arena) => {
            const now = bonLevelPmf(arena, dist, n);
            const before = bonLevelsBefore(arena, dist, n).prob;
            now.forEach((P, k) => expectAsGoodAs(enc(P, prec), enc(before[k] as Interval, prec), `P_${k}, n = ${n}, ${prec} bits`));
            expectAsGoodAs(enc(klBon(arena, dist, n), prec), enc(klBonBefore(arena, dist, n), prec), `KL, n = ${n}, ${prec} bits`);
          });
        }
      }
    });
  }
  test("bonLevels (the arrays the claims compose) holds the walk's P_k and the same F_k, n log F_k as before", () => {
    const dist = Distribution.parse({ p: randomP(40, 3) });
    for (const n of [2, 1000, 2e9]) {
      withArena(128, (arena) => {
        const now = bonLevels(arena, dist, n);
        const before = bonLevelsBefore(arena, dist, n);
        now.prob.forEach((P, k) => expectAsGoodAs(enc(P, 128), enc(before.prob[k] as Interval, 128), `P_${k}`));
        now.nLogF.forEach((x, k) => expectAsGoodAs(enc(x, 128), enc(before.nLogF[k] as Interval, 128), `n log F_${k}`));
        now.atOrBelow.forEach((x, k) => expectAsGoodAs(enc(x, 128), enc(before.atOrBelow[k] as Interval, 128), `c_${k}`));
      });
    }
  });
});

describe("exact values (big.js, no rounding) inside the streamed enclosures", () => {
  test("bonPmf for small n, with ties and zero masses, at 64 bits", () => {
    const inputs = [{ p: [0.1, 0.2, 0.3, 0.4] }, { p: [0.125, 0.25, 0, 0.25, 0.375], r: [1, 2, 5, 2, 3] }, { p: randomP(12, 4) }];
    for (const input of inputs) {
      const dist = Distribution.parse(input);
      for (const n of [1, 2, 7, 30]) {
        const exact = exactBonPmf(input.p, n, input.r);
        withArena(64, (arena) => {
          bonPmf(arena, dist, n).forEach((v, i) => {
            const f = exact[i]!;
            const a = bigToFraction(f.num);
            const b = bigToFraction(f.den);
            expect(enclosureContains(enc(v, 64), { num: a.num * b.den, den: a.den * b.num }), `pi[${i}], n = ${n}`).toBe(true);
          });
        });
      }
    }
  });
});

describe("memory and the bottom block", () => {
  test("a pass holds the same number of MPFR numbers for L = 2,000 and L = 20,000", () => {
    const held = (L: number): number =>
      withArena(160, (arena) => {
        const before = liveReals();
        klBon(arena, Distribution.parse({ p: randomP(L, 5) }), 10);
        return liveReals() - before;
      });
    expect(held(20_000)).toBe(held(2000));
    expect(held(2000)).toBeLessThan(40);
  });
  test("n = 1e6, L = 1e4: the walk stops after the top levels, and the result agrees with the full sum", () => {
    const weights = Array.from({ length: 10_000 }, (_, i) => 1 + (i % 7));
    const total = weights.reduce((a, b) => a + b, 0);
    const dist = Distribution.parse({ p: weights.map((w) => w / total) });
    const steps = vi.spyOn(LevelWalk.prototype, "next");
    try {
      withArena(160, (arena) => {
        const now = enc(klBon(arena, dist, 1e6), 160);
        expect(steps.mock.calls.length).toBeLessThan(100);
        expectAsGoodAs(now, enc(klBonBefore(arena, dist, 1e6), 160), "KL");
        expect(now.relativeWidth).toBeLessThan(2 ** -140);
      });
    } finally {
      steps.mockRestore();
    }
  });
  test("a mass below F_j^n forbids the cut: the walk goes on down until F_j^n is below it", () => {
    // uniform over 1000 levels, n = 2e5: F_998^n = e^-200 is negligible at once; with a bottom level of mass 1e-300
    // the cut must wait until F_j^n < 1e-300 (about 4 levels further down)
    const count = (p: number[]): number => {
      const steps = vi.spyOn(LevelWalk.prototype, "next");
      try {
        const dist = Distribution.parse({ p });
        withArena(160, (arena) => expectAsGoodAs(enc(klBon(arena, dist, 2e5), 160), enc(klBonBefore(arena, dist, 2e5), 160), "KL"));
        return steps.mock.calls.length;
      } finally {
        steps.mockRestore();
      }
    };
    const plain = count(Array.from({ length: 1000 }, () => 1 / 1000));
    const tiny = count([1e-300, ...Array.from({ length: 999 }, () => (1 - 1e-300) / 999)]);
    expect(plain).toBe(1);
    expect(tiny).toBeGreaterThan(plain + 2);
    expect(tiny).toBeLessThan(20);
  });
});

describe("level masses (the walk's exact numbers)", () => {
  test("the smallest level so far, compared exactly when a mass has no double; shares to a few ulps", () => {
    const m = levelMasses(Distribution.parse({ p: [0.25, 0.125, "0.0625", 0.5, "0.0625"] }));
    expect([...m.prefixMin]).toEqual([0, 1, 2, 2, 2]); // a tie keeps the first
    [0.25, 0.125, 0.0625, 0.5, 0.0625].forEach((share, k) => expect(m.approxMass[k]).toBeCloseTo(share, 15));
    const huge = levelMasses(Distribution.parse({ p: ["0.4", "1e-5", 0.5, "0.09999", "3e-400"] })); // sum 1 + 3e-400
    expect([...huge.prefixMin]).toEqual([0, 1, 1, 1, 4]);
    expect(huge.approxMass[1]).toBeCloseTo(1e-5, 19);
    expect(huge.approxMass[4]).toBe(0); // 3e-400 underflows, as its nearest double does
  });
});

describe("progress during a pass", () => {
  test("the walk pulses its arena every 1024 levels (levels 2048, 1024 and 0 of 3000)", () => {
    let pulses = 0;
    const dist = Distribution.parse({ p: Array.from({ length: 3000 }, () => "1/3000") });
    withArena(
      64,
      (arena) => {
        const walk = new LevelWalk(arena, dist, 2);
        while (walk.next());
      },
      () => pulses++,
    );
    expect(pulses).toBe(3);
  });
});

describe("log space: log P_k and the KL term of a level whose P_k underflowed", () => {
  // P_k below MPFR's exponent range (about 2^-(2^30)) needs an input of hundreds of MB; both computations are checked
  // at ordinary levels instead: logProb against the log of the walk's P_k (two rigorous enclosures must intersect,
  // and logProb is as tight), and levelTerm with P_k's lower end set to 0 (what an underflow leaves) against the term
  // of the true P_k, which it must contain.
  const inputs = [{ p: [0.1, 0.2, 0.3, 0.4] }, { p: [0.9, 0.05, 0.05], r: [3, 2, 1] }, { p: [0.125, 0.25, 0, 0.25, 0.375], r: [1, 2, 5, 2, 3] }, { p: randomP(30, 6) }];
  test("logProb encloses log P_k at every level (masses above and below the rest: both forms of log(c_{k-1}/c_k))", () => {
    let levels = 0;
    for (const input of inputs) {
      const dist = Distribution.parse(input);
      for (const n of [1, 2, 7, 1000, 2e9]) {
        withArena(128, (arena) => {
          const walk = new LevelWalk(arena, dist, n);
          const viaLog = Interval.alloc(arena);
          while (walk.next()) {
            if (!walk.prob.isPositive()) continue;
            walk.logProb(viaLog);
            const a = enc(viaLog, 128);
            const b = enc(walk.prob.log(), 128);
            expect(a.hiNumber >= b.loNumber && b.hiNumber >= a.loNumber, `k = ${walk.k}, n = ${n}: ${a} and ${b} are disjoint`).toBe(true);
            expect(a.width, `k = ${walk.k}, n = ${n}`).toBeLessThanOrEqual(Math.max(4 * b.width, 2 ** -100 * Math.max(1, Math.abs(b.hiNumber)))); // absolute near log 1 = 0
            levels++;
          }
        });
      }
    }
    expect(levels).toBeGreaterThan(100);
  });

  test("levelTerm with P_k = [0, hi] contains the term of the true P_k, and is finite", () => {
    for (const input of inputs) {
      const dist = Distribution.parse(input);
      for (const n of [2, 7, 1000]) {
        withArena(128, (arena) => {
          const walk = new LevelWalk(arena, dist, n);
          const term = Interval.alloc(arena);
          const underflowed = Interval.alloc(arena);
          const u = Interval.alloc(arena);
          while (walk.next()) {
            if (!walk.prob.isPositive()) continue;
            levelTerm(term, walk, u);
            const hi = walk.prob.hiDouble();
            mpfr.mpfr_set_zero(walk.prob.lo, 1);
            levelTerm(underflowed, walk, Interval.alloc(arena)); // fresh scratch (NaN): nothing left from the call above
            const t = enc(term, 128);
            const w = enc(underflowed, 128);
            expect(Number.isFinite(w.loNumber) && Number.isFinite(w.hiNumber), `k = ${walk.k}, n = ${n}: ${w}`).toBe(true);
            expect(w.loNumber <= t.loNumber && t.hiNumber <= w.hiNumber, `k = ${walk.k}, n = ${n}: ${w} does not contain ${t}`).toBe(true);
            // [0, hi] x log(P/q): no wider than hi times log P_k's size plus log q_k's
            expect(w.width).toBeLessThanOrEqual(hi * (Math.abs(Math.log(hi)) + 50));
          }
        });
      }
    }
  });
});
