/**
 * F4 and F5 of spec/proofs.md at random points, with certified enclosures of the functions computed from their
 * definitions: the series bounds on x coth x - 1, Lsh and (x coth x)', and the Taylor models D >= x^2 pA,
 * D <= x^2 ((1-v)^2/6 + x^2/180), D_x >= x pDx that decide the small-y region. Also: the lower bounds are
 * tight (the leading coefficient (1-v)^2/6 is right), and the box forms enclose the point values.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { hull, Interval, withArena, type Arena } from "./intervals.ts";
import { gapTaylorLowerOverBox, slopeTaylorLowerOverBox } from "./taylor-models.ts";
import { at, certainlyAtMost, contains, dForm, dFormSlope, lsh, runs, TEST_PRECISION, xCothX, xCothXSlope } from "./test-helpers.ts";

const SEED = 20261204;
const xs = fc.double({ min: 1e-4, max: 30, noNaN: true });
const vs = fc.double({ min: 1e-6, max: 1, noNaN: true });

function rational(arena: Arena, num: number, den: number): Interval {
  return Interval.fromRational(arena, BigInt(num), BigInt(den));
}

describe("F4: series bounds, for every x >= 0", () => {
  test("x^2/3 - x^4/45 <= x coth x - 1 <= x^2/3; x^2/6 - x^4/180 <= Lsh(x) <= x^2/6; 2x/3 - 4x^3/45 <= (x coth x)' <= 2x/3", () => {
    fc.assert(
      fc.property(xs, (x) => {
        withArena(TEST_PRECISION, (arena) => {
          const X = at(arena, x);
          const x2 = X.square();
          const x4 = x2.square();
          const f1 = xCothX(X).addDouble(-1);
          expect(certainlyAtMost(x2.div(rational(arena, 3, 1)).sub(x4.div(rational(arena, 45, 1))), f1)).toBe(true);
          expect(certainlyAtMost(f1, x2.div(rational(arena, 3, 1)))).toBe(true);
          const l = lsh(X);
          expect(certainlyAtMost(x2.div(rational(arena, 6, 1)).sub(x4.div(rational(arena, 180, 1))), l)).toBe(true);
          expect(certainlyAtMost(l, x2.div(rational(arena, 6, 1)))).toBe(true);
          expect(certainlyAtMost(at(arena, 0), l) && certainlyAtMost(l, X)).toBe(true); // 0 <= Lsh(x) <= x
          const slope = xCothXSlope(X);
          expect(certainlyAtMost(X.scale(2).div(rational(arena, 3, 1)).sub(X.mul(x2).scale(4).div(rational(arena, 45, 1))), slope)).toBe(true);
          expect(certainlyAtMost(slope, X.scale(2).div(rational(arena, 3, 1)))).toBe(true);
        });
      }),
      { seed: SEED, numRuns: runs(300) },
    );
  });

  test("the bounds are not loose: near 0 the ratios approach 1 (x^4 terms are the next ones)", () => {
    withArena(TEST_PRECISION, (arena) => {
      const x = 1e-3;
      expect(xCothX(at(arena, x)).addDouble(-1).midDouble() / (x * x / 3)).toBeCloseTo(1 - x * x / 15, 12);
      expect(lsh(at(arena, x)).midDouble() / (x * x / 6)).toBeCloseTo(1 - x * x / 30, 12);
    });
  });
});

describe("F5: Taylor models of D and D_x", () => {
  test("D >= x^2 pA and D <= x^2 ((1-v)^2/6 + x^2/180); D_x >= x pDx, at random (x, v)", () => {
    fc.assert(
      fc.property(xs, vs, (x, v) => {
        withArena(TEST_PRECISION, (arena) => {
          const X = at(arena, x);
          const V = at(arena, v);
          const d = dForm(X, V);
          const x2 = X.square();
          const pA = gapTaylorLowerOverBox(X, V);
          expect(certainlyAtMost(x2.mul(pA), d)).toBe(true);
          const w = V.neg().addDouble(1);
          const upper = x2.mul(w.square().div(rational(arena, 6, 1)).add(x2.div(rational(arena, 180, 1))));
          expect(certainlyAtMost(d, upper)).toBe(true);
          expect(certainlyAtMost(X.mul(slopeTaylorLowerOverBox(X, V)), dFormSlope(X, V))).toBe(true);
        });
      }),
      { seed: SEED + 1, numRuns: runs(300) },
    );
  });

  test("the leading coefficient is right: D/x^2 -> (1-v)^2/6 and D_x/x -> (1-v)^2/3 as x -> 0", () => {
    withArena(TEST_PRECISION, (arena) => {
      const x = 1e-4;
      for (const v of [0.001, 0.25, 0.5, 0.9]) {
        const X = at(arena, x);
        const V = at(arena, v);
        expect(dForm(X, V).midDouble() / (x * x)).toBeCloseTo(((1 - v) ** 2) / 6, 8);
        expect(dFormSlope(X, V).midDouble() / x).toBeCloseTo(((1 - v) ** 2) / 3, 8);
      }
    });
  });

  test("over a box, pA and pDx enclose their values at the box's corners and centre", () => {
    fc.assert(
      fc.property(xs, xs, vs, vs, (x0, x1, v0, v1) => {
        withArena(TEST_PRECISION, (arena) => {
          const X = Interval.alloc(arena);
          hull(X, at(arena, Math.min(x0, x1)), at(arena, Math.max(x0, x1)));
          const V = Interval.alloc(arena);
          hull(V, at(arena, Math.min(v0, v1)), at(arena, Math.max(v0, v1)));
          const overA = gapTaylorLowerOverBox(X, V);
          const overDx = slopeTaylorLowerOverBox(X, V);
          for (const x of [x0, x1, (x0 + x1) / 2])
            for (const v of [v0, v1, (v0 + v1) / 2]) {
              expect(contains(overA, gapTaylorLowerOverBox(at(arena, x), at(arena, v)))).toBe(true);
              expect(contains(overDx, slopeTaylorLowerOverBox(at(arena, x), at(arena, v)))).toBe(true);
            }
        });
      }),
      { seed: SEED + 2, numRuns: runs(100) },
    );
  });
});
