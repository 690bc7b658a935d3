/**
 * Interval multiplication by the signs of the ends (two MPFR products) against the four corners computed here
 * independently (the min of the four products rounded down, the max rounded up): the same ends, bit for bit, in every
 * sign case, aliased or not, and for an output interval of another precision.
 */
import { describe, expect, test } from "vitest";
import { Interval, mul } from "./interval.ts";
import { withArena, type Arena } from "./arena.ts";
import { dyadicOf } from "./enclosure.ts";
import { compareDyadic, type Dyadic } from "./dyadic.ts";
import { allocReal, mpfr, releaseReal, RNDD, RNDU } from "./mpfr.ts";

/** [min, max] of the four corner products, each rounded outward, at `prec` bits. */
function cornersOf(a: Interval, b: Interval, prec: number): [Dyadic, Dyadic] {
  const t = allocReal(prec);
  try {
    let lo: Dyadic | null = null;
    let hi: Dyadic | null = null;
    for (const x of [a.lo, a.hi]) {
      for (const y of [b.lo, b.hi]) {
        mpfr.mpfr_mul(t, x, y, RNDD);
        const down = dyadicOf(t);
        if (lo === null || compareDyadic(down, lo) < 0) lo = down;
        mpfr.mpfr_mul(t, x, y, RNDU);
        const up = dyadicOf(t);
        if (hi === null || compareDyadic(up, hi) > 0) hi = up;
      }
    }
    return [lo as Dyadic, hi as Dyadic];
  } finally {
    releaseReal(t);
  }
}

/** A random interval of the given sign pattern, its ends divided by 3 so that products are inexact. */
function randomInterval(arena: Arena, next: () => number, sign: "pos" | "neg" | "mixed" | "zeroLo" | "zeroHi"): Interval {
  const a = next() * 10;
  const b = next() * 10;
  const [small, large] = a < b ? [a, b] : [b, a];
  const v = Interval.alloc(arena);
  const set = (lo: number, hi: number) => {
    mpfr.mpfr_set_d(v.lo, lo, RNDD);
    mpfr.mpfr_set_d(v.hi, hi, RNDU);
    // a few extra low bits so that products are inexact at the arena's precision
    mpfr.mpfr_div_ui(v.lo, v.lo, 3, RNDD);
    mpfr.mpfr_div_ui(v.hi, v.hi, 3, RNDU);
  };
  if (sign === "pos") set(small, large);
  else if (sign === "neg") set(-large, -small);
  else if (sign === "mixed") set(-small, large);
  else if (sign === "zeroLo") set(0, large);
  else set(-large, 0);
  return v;
}

/** Whether v's ends are exactly lo and hi. */
function same(v: Interval, lo: Dyadic, hi: Dyadic): boolean {
  return compareDyadic(dyadicOf(v.lo), lo) === 0 && compareDyadic(dyadicOf(v.hi), hi) === 0;
}

function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return (s + 1) / 2 ** 31;
  };
}

describe("mul by the signs of the ends", () => {
  const signs = ["pos", "neg", "mixed", "zeroLo", "zeroHi"] as const;
  test("equals the four corners in every sign combination, at several precisions", () => {
    const next = lcg(7);
    for (const prec of [64, 113, 160, 256]) {
      withArena(prec, (arena) => {
        for (const sa of signs) {
          for (const sb of signs) {
            for (let i = 0; i < 20; i++) {
              const a = randomInterval(arena, next, sa);
              const b = randomInterval(arena, next, sb);
              const [lo, hi] = cornersOf(a, b, prec);
              const o = Interval.alloc(arena);
              mul(o, a, b);
              expect(same(o, lo, hi), `${sa} x ${sb} at ${prec}`).toBe(true);
              // aliased output (o = a): the same ends
              const a2 = a.copy();
              mul(a2, a2, b);
              expect(same(a2, lo, hi), `aliased ${sa} x ${sb}`).toBe(true);
            }
          }
        }
      });
    }
  });
  test("an output of higher precision keeps its precision and gets the products rounded to it", () => {
    withArena(64, (arena) => {
      const next = lcg(11);
      const a = randomInterval(arena, next, "pos");
      const b = randomInterval(arena, next, "mixed");
      const o = Interval.allocAt(arena, 192);
      mul(o, a, b);
      expect([mpfr.mpfr_get_prec(o.lo), mpfr.mpfr_get_prec(o.hi)]).toEqual([192, 192]);
      const [lo, hi] = cornersOf(a, b, 192);
      expect(same(o, lo, hi)).toBe(true);
    });
  });
});
