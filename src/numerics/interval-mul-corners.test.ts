// mul at two corners the other interval tests leave out: the output aliasing the second operand in every sign case
// (the ends it reads must not be overwritten first), an infinite end in the fast path for operands >= 0, and the
// refusal of 0 * inf (a NaN end) when the infinite end is a lower one.
// Operands are small dyadics, so every product is exact and the expected ends are worked out by hand.
import { describe, expect, test } from "vitest";
import { withArena, type Arena } from "./arena.ts";
import { Interval, mul } from "./interval.ts";
import { mpfr, RNDN } from "./mpfr.ts";

function interval(arena: Arena, lo: number, hi: number): Interval {
  const v = Interval.alloc(arena);
  mpfr.mpfr_set_d(v.lo, lo, RNDN);
  mpfr.mpfr_set_d(v.hi, hi, RNDN);
  return v;
}

describe("mul", () => {
  test("into its second operand, in every sign case", () => {
    const cases: [number, number, number, number, number, number][] = [
      // a.lo, a.hi, b.lo, b.hi, then the exact product's ends
      [2, 3, -0.5, 0.25, -1.5, 0.75], // a >= 0, b mixed
      [2, 3, -0.5, -0.25, -1.5, -0.5], // a >= 0, b <= 0
      [-3, -2, 0.25, 0.5, -1.5, -0.5], // a <= 0, b >= 0
      [-3, -2, -0.5, -0.25, 0.5, 1.5], // a <= 0, b <= 0
      [-3, -2, -0.5, 0.25, -0.75, 1.5], // a <= 0, b mixed
      [-3, 2, 0.25, 0.5, -1.5, 1], // a mixed, b >= 0
      [-3, 2, -0.5, -0.25, -1, 1.5], // a mixed, b <= 0
    ];
    withArena(64, (arena) => {
      for (const [al, ah, bl, bh, lo, hi] of cases) {
        const a = interval(arena, al, ah);
        const b = interval(arena, bl, bh);
        mul(b, a, b);
        expect([b.loDouble(), b.hiDouble()], `[${al}, ${ah}] * [${bl}, ${bh}]`).toEqual([lo, hi]);
      }
    });
  });

  test("of operands >= 0 with an infinite end and a lower end 0: [1, inf] * [0, 1] = [0, inf]", () => {
    withArena(64, (arena) => {
      const o = Interval.alloc(arena);
      mul(o, interval(arena, 1, Number.POSITIVE_INFINITY), interval(arena, 0, 1));
      expect([o.loDouble(), o.hiDouble()]).toEqual([0, Number.POSITIVE_INFINITY]);
    });
  });

  test("refuses 0 * inf, also when the infinite end is the first operand's lower one: [-inf, -1] * [0, 0]", () => {
    withArena(64, (arena) => {
      const o = Interval.alloc(arena);
      expect(() => mul(o, interval(arena, Number.NEGATIVE_INFINITY, -1), interval(arena, 0, 0))).toThrow("produced NaN");
    });
  });
});
