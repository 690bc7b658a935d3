/**
 * phi and B over intervals (F1, F2 of spec/proofs.md): the enclosure from the two ends contains the value at every
 * point inside, both functions decrease, their limits at 0 are taken exactly, and F3 (phi(t) = -t/2 + Lsh(t/2)) holds.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { Interval, hull, liveReals, withArena } from "./intervals.ts";
import { bernoulliRatio, phi } from "./monotone-functions.ts";
import { at, bPoint, certainlyAtMost, contains, lsh, overlap, phiPoint, runs, TEST_PRECISION, width } from "./test-helpers.ts";

const SEED = 20261203;
const positive = fc.double({ min: 1e-12, max: 200, noNaN: true });

function segment(arena: Parameters<typeof at>[0], a: number, b: number): Interval {
  const out = Interval.alloc(arena);
  hull(out, at(arena, Math.min(a, b)), at(arena, Math.max(a, b)));
  return out;
}

describe("phi and B through their monotonicity", () => {
  test("the enclosure over [a, b] contains the value at a, b and a point between them", () => {
    fc.assert(
      fc.property(positive, positive, fc.double({ min: 0, max: 1, noNaN: true }), (a, b, s) => {
        withArena(TEST_PRECISION, (arena) => {
          const lo = Math.min(a, b);
          const hi = Math.max(a, b);
          const inside = lo + s * (hi - lo);
          const box = segment(arena, lo, hi);
          for (const [over, point] of [
            [phi(box), phiPoint],
            [bernoulliRatio(box), bPoint],
          ] as const) {
            for (const t of [lo, hi, inside]) expect(contains(over, point(at(arena, t)))).toBe(true);
          }
        });
      }),
      { seed: SEED, numRuns: runs(300) },
    );
  });

  test("phi and B decrease (F1, F2): a < b gives f(b) < f(a), certified", () => {
    fc.assert(
      fc.property(positive, fc.double({ min: 1e-9, max: 1, noNaN: true }), (a, step) => {
        const b = a * (1 + step);
        fc.pre(b > a);
        withArena(TEST_PRECISION, (arena) => {
          expect(certainlyAtMost(phiPoint(at(arena, b)), phiPoint(at(arena, a)))).toBe(true);
          expect(certainlyAtMost(bPoint(at(arena, b)), bPoint(at(arena, a)))).toBe(true);
        });
      }),
      { seed: SEED + 1, numRuns: runs(300) },
    );
  });

  test("the limits at t = 0 are exact: phi(0) = 0, B(0) = 1, and [0, t] encloses [phi(t), 0] and [B(t), 1]", () => {
    withArena(TEST_PRECISION, (arena) => {
      const zero = at(arena, 0);
      expect(phi(zero).isExactZero()).toBe(true);
      const b0 = bernoulliRatio(zero);
      expect([b0.loDouble(), b0.hiDouble()]).toEqual([1, 1]);
      const small = segment(arena, 0, 1e-3);
      expect(phi(small).hiDouble()).toBe(0);
      expect(phi(small).loDouble()).toBeCloseTo(-5e-4, 6);
      expect(bernoulliRatio(small).hiDouble()).toBe(1);
      // near 0 phi(t) ~ -t/2 and B(t) ~ 1 - t/2: the limits are the right ones
      const tiny = at(arena, 1e-30);
      expect(phiPoint(tiny).midDouble() / -5e-31).toBeCloseTo(1, 12);
      expect(1 - bPoint(tiny).midDouble()).toBeLessThan(1e-29);
    });
  });

  test("a negative argument is refused, not silently enclosed", () => {
    withArena(TEST_PRECISION, (arena) => {
      expect(() => phi(segment(arena, -1, 1))).toThrow(/below 0/);
      expect(() => bernoulliRatio(at(arena, -1e-300))).toThrow(/below 0/);
    });
  });

  test("F3: phi(t) = -t/2 + Lsh(t/2) at random t (enclosures overlap, widths tiny)", () => {
    fc.assert(
      fc.property(positive, (t) => {
        withArena(TEST_PRECISION, (arena) => {
          const direct = phiPoint(at(arena, t));
          const viaLsh = at(arena, -t / 2).add(lsh(at(arena, t / 2)));
          expect(overlap(direct, viaLsh)).toBe(true);
          expect(width(direct) + width(viaLsh)).toBeLessThan(1e-60 * Math.max(1, Math.abs(direct.midDouble())));
        });
      }),
      { seed: SEED + 2, numRuns: runs(200) },
    );
  });

  test("no MPFR number leaks", () => {
    const before = liveReals();
    withArena(128, (arena) => phi(segment(arena, 0.5, 2)));
    expect(liveReals()).toBe(before);
  });
});
