/**
 * The interval layer at its edges: refused operands, infinite and zero ends, the predicates, and the one-call
 * (mean value) bounds of log, log1p, exp and expm1, whose ends are known exactly for dyadic arguments.
 */
import { describe, expect, test } from "vitest";
import { bitLength } from "./dyadic.ts";
import { Interval, add, assign, hull, log, setBounds, setDouble, setRational, setTwoCallTranscendentals, setZero } from "./interval.ts";
import { withArena, type Arena } from "./arena.ts";
import { mpfr, RNDD, RNDN, RNDU } from "./mpfr.ts";

const ends = (v: Interval): [number, number] => [mpfr.mpfr_get_d(v.lo, RNDN), mpfr.mpfr_get_d(v.hi, RNDN)];
/** [lo, hi] with infinite ends allowed. */
function bounds(arena: Arena, lo: number, hi: number): Interval {
  const v = Interval.alloc(arena);
  if (lo === Number.NEGATIVE_INFINITY) mpfr.mpfr_set_inf(v.lo, -1);
  else mpfr.mpfr_set_d(v.lo, lo, RNDD);
  if (hi === Number.POSITIVE_INFINITY) mpfr.mpfr_set_inf(v.hi, 1);
  else mpfr.mpfr_set_d(v.hi, hi, RNDU);
  return v;
}

describe("construction", () => {
  test("doubles must be finite; denominators positive", () => {
    withArena(64, (arena) => {
      expect(() => Interval.fromDouble(arena, Number.NaN)).toThrow(/^not a finite double: NaN$/);
      expect(() => Interval.fromDouble(arena, Number.POSITIVE_INFINITY)).toThrow(/^not a finite double: Infinity$/);
      expect(() => Interval.fromRational(arena, 1n, 0n)).toThrow(/^setRational: denominator must be positive$/);
      expect(() => Interval.fromRational(arena, 1n, -3n)).toThrow(/^setRational: denominator must be positive$/);
    });
  });
  test("a rational is rounded outward once, however wide its numerator", () => {
    withArena(64, (arena) => {
      // (2^100 + 1) / 2^100 needs 101 bits: at 64 bits it lies strictly between its ends, the next doubles around 1
      const v = Interval.fromRational(arena, 2n ** 100n + 1n, 2n ** 100n);
      expect(mpfr.mpfr_get_d(v.lo, RNDD)).toBe(1);
      expect(mpfr.mpfr_cmp_ui(v.lo, 1)).toBe(0);
      expect(mpfr.mpfr_cmp_ui(v.hi, 1)).toBeGreaterThan(0);
      const w = Interval.fromRational(arena, -(2n ** 100n) - 1n, 2n ** 100n);
      expect(mpfr.mpfr_cmp_si(w.hi, -1)).toBe(0);
      expect(mpfr.mpfr_cmp_si(w.lo, -1)).toBeLessThan(0);
      expect(ends(Interval.fromRational(arena, 3n, 4n))).toEqual([0.75, 0.75]);
      expect(ends(Interval.fromRational(arena, 0n, 7n))).toEqual([0, 0]);
    });
  });
  test("fromBounds, setBounds, setDouble, setZero, copy, assign", () => {
    withArena(64, (arena) => {
      expect(ends(Interval.fromBounds(arena, -1, 2))).toEqual([-1, 2]);
      const v = Interval.alloc(arena);
      setBounds(v, 0.25, 0.5);
      expect(ends(v)).toEqual([0.25, 0.5]);
      setDouble(v, -3);
      expect(ends(v)).toEqual([-3, -3]);
      const c = v.copy();
      setZero(v);
      expect(ends(c)).toEqual([-3, -3]);
      expect(v.isExactZero()).toBe(true);
      assign(v, c);
      expect(ends(v)).toEqual([-3, -3]);
      assign(v, v);
      expect(ends(v)).toEqual([-3, -3]);
    });
  });
  test("bitLength", () => {
    expect([bitLength(0n), bitLength(1n), bitLength(2n), bitLength(255n), bitLength(256n)]).toEqual([0, 1, 2, 8, 9]);
  });
});

describe("predicates and double views", () => {
  test("signs", () => {
    withArena(64, (arena) => {
      const pos = Interval.fromBounds(arena, 1, 2);
      const neg = Interval.fromBounds(arena, -2, -1);
      const zeroLo = Interval.fromBounds(arena, 0, 1);
      const zeroHi = Interval.fromBounds(arena, -1, 0);
      const straddle = Interval.fromBounds(arena, -1, 1);
      expect([pos, neg, zeroLo, zeroHi, straddle].map((v) => [v.isPositive(), v.isNegative(), v.isNonNegative()])).toEqual([
        [true, false, true],
        [false, true, false],
        [false, false, true],
        [false, false, false],
        [false, false, false],
      ]);
      expect(Interval.fromDouble(arena, 0).isExactZero()).toBe(true);
      expect(zeroLo.isExactZero()).toBe(false);
      expect(zeroHi.isExactZero()).toBe(false);
    });
  });
  test("certainlyBelow is strict", () => {
    withArena(64, (arena) => {
      const a = Interval.fromBounds(arena, 0, 1);
      expect(a.certainlyBelow(Interval.fromBounds(arena, 2, 3))).toBe(true);
      expect(a.certainlyBelow(Interval.fromBounds(arena, 1, 3))).toBe(false);
      expect(Interval.fromBounds(arena, 2, 3).certainlyBelow(a)).toBe(false);
    });
  });
  test("loDouble rounds down, hiDouble up, midDouble to nearest", () => {
    withArena(128, (arena) => {
      const third = Interval.fromRational(arena, 1n, 3n);
      expect(third.loDouble()).toBe(1 / 3); // the double 1/3 lies below the real 1/3 ...
      expect(third.hiDouble()).toBe(1 / 3 + 2 ** -54); // ... and the next double above it
      expect(third.midDouble()).toBe(1 / 3);
      expect(Interval.fromBounds(arena, 1, 3).midDouble()).toBe(2);
      expect(Interval.fromBounds(arena, 5e-324, 5e-324).midDouble()).toBe(5e-324); // a point is not halved
      expect(Interval.fromBounds(arena, -4, 2).midDouble()).toBe(-1);
    });
  });
});

describe("arithmetic corner cases", () => {
  test("sums, differences, negation and scaling by doubles", () => {
    withArena(64, (arena) => {
      const a = Interval.fromBounds(arena, 1, 2);
      const b = Interval.fromBounds(arena, -3, 5);
      expect(ends(a.add(b))).toEqual([-2, 7]);
      expect(ends(a.sub(b))).toEqual([-4, 5]);
      expect(ends(b.neg())).toEqual([-5, 3]);
      expect(ends(a.addDouble(-0.5))).toEqual([0.5, 1.5]);
      expect(ends(b.scale(2))).toEqual([-6, 10]);
      expect(ends(b.scale(-2))).toEqual([-10, 6]);
      expect(ends(b.scale(0)).map((x) => x + 0)).toEqual([0, 0]);
      const o = Interval.alloc(arena);
      add(o, a, a);
      expect(ends(o)).toEqual([2, 4]);
      add(a, a, b); // in place, aliasing an operand
      expect(ends(a)).toEqual([-2, 7]);
    });
  });
  test("products and quotients of every sign pattern", () => {
    withArena(64, (arena) => {
      const iv = (lo: number, hi: number) => Interval.fromBounds(arena, lo, hi);
      expect(ends(iv(1, 2).mul(iv(3, 4)))).toEqual([3, 8]);
      expect(ends(iv(-2, -1).mul(iv(3, 4)))).toEqual([-8, -3]);
      expect(ends(iv(-2, 1).mul(iv(-3, 4)))).toEqual([-8, 6]);
      expect(ends(iv(0, 2).mul(iv(-3, 4)))).toEqual([-6, 8]);
      expect(ends(iv(-1, -0.5).mul(iv(-4, -2)))).toEqual([1, 4]);
      expect(ends(iv(1, 2).div(iv(4, 8)))).toEqual([0.125, 0.5]);
      expect(ends(iv(-1, 2).div(iv(4, 8)))).toEqual([-0.25, 0.5]);
      expect(ends(iv(1, 2).div(iv(-8, -4)))).toEqual([-0.5, -0.125]);
      expect(ends(iv(-2, -1).div(iv(-8, -4)))).toEqual([0.125, 0.5]);
      expect(ends(iv(0, 2).div(iv(4, 8)))).toEqual([0, 0.5]);
      expect(() => iv(1, 2).div(iv(-1, 0))).toThrow(/containing 0/);
      expect(() => iv(1, 2).div(iv(0, 1))).toThrow(/containing 0/);
      expect(() => iv(1, 2).div(iv(0, 0))).toThrow(/^interval division by an interval containing 0$/);
    });
  });
  test("squares: positive, negative and straddling intervals", () => {
    withArena(64, (arena) => {
      const iv = (lo: number, hi: number) => Interval.fromBounds(arena, lo, hi);
      expect(ends(iv(2, 3).square())).toEqual([4, 9]);
      expect(ends(iv(-3, -2).square())).toEqual([4, 9]);
      expect(ends(iv(-3, 2).square())).toEqual([0, 9]);
      expect(ends(iv(-2, 3).square())).toEqual([0, 9]);
      expect(ends(iv(0, 3).square())).toEqual([0, 9]);
      expect(ends(iv(-3, 0).square())).toEqual([0, 9]);
    });
  });
  test("hull", () => {
    withArena(64, (arena) => {
      const o = Interval.alloc(arena);
      hull(o, Interval.fromBounds(arena, 1, 2), Interval.fromBounds(arena, -1, 0.5));
      expect(ends(o)).toEqual([-1, 2]);
    });
  });
  test("infinite ends: 0 * inf is refused, other products stay rigorous", () => {
    withArena(64, (arena) => {
      expect(() => bounds(arena, 0, 1).mul(bounds(arena, Number.NEGATIVE_INFINITY, 1))).toThrow(/^interval operation produced NaN \(0 \* inf\?\)$/);
      // the same refusal whichever corner or path meets 0 * inf
      expect(() => bounds(arena, 0, Number.POSITIVE_INFINITY).mul(bounds(arena, 0, 0))).toThrow(/0 \* inf/);
      expect(() => bounds(arena, 1, 2).mul(bounds(arena, -1, Number.POSITIVE_INFINITY)).mul(bounds(arena, -1, 0))).toThrow(/0 \* inf/);
      expect(() => bounds(arena, -2, 0).mul(bounds(arena, 1, Number.POSITIVE_INFINITY))).toThrow(/0 \* inf/);
      expect(() => bounds(arena, 1, Number.POSITIVE_INFINITY).scale(0)).toThrow(/0 \* inf/);
      expect(ends(bounds(arena, -1, 1).mul(bounds(arena, 2, Number.POSITIVE_INFINITY)))).toEqual([Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]);
      expect(ends(bounds(arena, 1, 2).mul(bounds(arena, 2, Number.POSITIVE_INFINITY)))).toEqual([2, Number.POSITIVE_INFINITY]);
    });
  });
});

describe("transcendental functions", () => {
  test("log needs a positive upper end; a zero lower end gives -inf", () => {
    withArena(64, (arena) => {
      expect(() => Interval.fromBounds(arena, -1, 0).log()).toThrow(/^log of an interval that is not positive$/);
      expect(() => Interval.fromBounds(arena, -2, -1).log()).toThrow(/not positive/);
      const v = Interval.fromBounds(arena, 0, 1).log();
      expect(ends(v)).toEqual([Number.NEGATIVE_INFINITY, 0]);
      const w = Interval.fromBounds(arena, -1, 2).log();
      expect(mpfr.mpfr_inf_p(w.lo)).not.toBe(0);
      expect(w.hiDouble()).toBeGreaterThanOrEqual(Math.LN2);
      expect(w.hiDouble()).toBeLessThan(Math.LN2 + 1e-15);
    });
  });
  test("log1p needs a lower end above -1", () => {
    withArena(64, (arena) => {
      expect(() => Interval.fromBounds(arena, -1, 0).log1p()).toThrow(/^log1p of an interval reaching -1$/);
      expect(() => Interval.fromBounds(arena, -2, 0).log1p()).toThrow(/reaching -1/);
      expect(Interval.fromBounds(arena, -0.5, 0).log1p().hiDouble()).toBe(0);
    });
  });
  test("points: exact results stay points, inexact ones are one rounding wide", () => {
    withArena(64, (arena) => {
      for (const v of [Interval.fromDouble(arena, 2).log(), Interval.fromDouble(arena, 1).exp(), Interval.fromDouble(arena, 0.5).log1p(), Interval.fromDouble(arena, 0.5).expm1()]) {
        const up = arena.real();
        mpfr.mpfr_set(up, v.lo, RNDN);
        mpfr.mpfr_nextabove(up);
        expect(mpfr.mpfr_equal_p(up, v.hi)).not.toBe(0);
      }
      expect(ends(Interval.fromDouble(arena, 1).log())).toEqual([0, 0]);
      expect(ends(Interval.fromDouble(arena, 0).exp())).toEqual([1, 1]);
    });
  });
  test("narrow intervals (relative width up to 2^-16) take the one-call mean value bound", () => {
    withArena(64, (arena) => {
      const w = 2 ** -16;
      // log [1, 1 + w]: log(1) = 0 exactly, plus the width over the lower end: w
      expect(ends(Interval.fromBounds(arena, 1, 1 + w).log())).toEqual([0, w]);
      // log1p [0, w]: log1p(0) = 0, plus w / (1 + 0)
      expect(ends(Interval.fromBounds(arena, 0, w).log1p())).toEqual([0, w]);
      // exp [0, w]: 1 * (1 + w + w^2)
      expect(ends(Interval.fromBounds(arena, 0, w).exp())).toEqual([1, 1 + w + w * w]);
      // expm1 [0, w]: 0 + (1 + 0) (w + w^2)
      expect(ends(Interval.fromBounds(arena, 0, w).expm1())).toEqual([0, w + w * w]);
      // a little wider: both ends from MPFR (log(1 + 2w) < 2w)
      const wider = Interval.fromBounds(arena, 1, 1 + 2 * w).log();
      expect(wider.hiDouble()).toBeLessThan(2 * w);
      expect(wider.hiDouble()).toBeGreaterThan(2 * w - 2 * w * w);
      expect(Interval.fromBounds(arena, 0, 2 * w).log1p().hiDouble()).toBeLessThan(2 * w);
      // the one-call bound with d = 2w would be 1 + d + d^2 = 1 + 2w + 4w^2; exp(2w) = 1 + 2w + 2w^2 + ...
      expect(Interval.fromBounds(arena, 0, 2 * w).exp().hiDouble()).toBeLessThan(1 + 2 * w + 3 * w * w);
      expect(Interval.fromBounds(arena, 0, 2 * w).expm1().hiDouble()).toBeLessThan(2 * w + 3 * w * w);
    });
  });
  test("the one-call bound of log uses the relative width (hi - lo) / lo", () => {
    withArena(64, (arena) => {
      // [4, 4 + 4w] has width 4w but relative width w: one call, hi = log 4 rounded up + w
      const v = Interval.fromBounds(arena, 4, 4 + 4 * 2 ** -16).log();
      const up = arena.real();
      mpfr.mpfr_log(up, Interval.fromDouble(arena, 4).lo, RNDU);
      mpfr.mpfr_add_d(up, up, 2 ** -16, RNDU);
      expect(mpfr.mpfr_equal_p(up, v.hi)).not.toBe(0);
      // log1p [1, 1 + 2w]: (hi - lo) / (1 + lo) = w
      const u = Interval.fromBounds(arena, 1, 1 + 2 * 2 ** -16).log1p();
      mpfr.mpfr_log1p(up, Interval.fromDouble(arena, 1).lo, RNDU);
      mpfr.mpfr_add_d(up, up, 2 ** -16, RNDU);
      expect(mpfr.mpfr_equal_p(up, u.hi)).not.toBe(0);
    });
  });
  test("exp and expm1 of a narrow interval away from 0 scale by the lower end", () => {
    withArena(64, (arena) => {
      const w = 2 ** -20;
      const e = Interval.fromBounds(arena, 1, 1 + w).exp();
      // exp(1 + w) <= e_up (1 + w + w^2) and that is what the one-call bound gives
      const bound = arena.real();
      mpfr.mpfr_exp(bound, Interval.fromDouble(arena, 1).hi, RNDU);
      const t = arena.real();
      mpfr.mpfr_set_d(t, 1 + w + w * w, RNDU);
      mpfr.mpfr_mul(bound, bound, t, RNDU);
      expect(mpfr.mpfr_equal_p(bound, e.hi)).not.toBe(0);
      const m = Interval.fromBounds(arena, 1, 1 + w).expm1();
      // expm1(1 + w) <= expm1_up(1) + (1 + expm1_up(1)) (w + w^2)
      const em = arena.real();
      mpfr.mpfr_expm1(em, Interval.fromDouble(arena, 1).hi, RNDU);
      const factor = arena.real();
      mpfr.mpfr_add_ui(factor, em, 1, RNDU);
      mpfr.mpfr_mul_d(factor, factor, w + w * w, RNDU);
      mpfr.mpfr_add(em, em, factor, RNDU);
      expect(mpfr.mpfr_equal_p(em, m.hi)).not.toBe(0);
      expect(mpfr.mpfr_cmp(m.lo, m.hi)).toBeLessThan(0);
    });
  });
  test("in place: the output may alias the operand", () => {
    withArena(64, (arena) => {
      const v = Interval.fromBounds(arena, 1, 2);
      log(v, v);
      expect(v.loDouble()).toBe(0);
      expect(v.hiDouble()).toBeGreaterThanOrEqual(Math.LN2);
    });
  });
});

describe("signed zeros and the two-call mode", () => {
  test("log of [-0, 1] (a lower end of negative zero, as neg of [-1, 0] makes it) is [-inf, 0]", () => {
    withArena(64, (arena) => {
      const negZeroLo = Interval.fromBounds(arena, -1, 0).neg();
      expect(mpfr.mpfr_zero_p(negZeroLo.lo)).not.toBe(0);
      expect(mpfr.mpfr_signbit(negZeroLo.lo)).not.toBe(0);
      for (const v of [negZeroLo, Interval.fromBounds(arena, -0, 1)]) {
        // log x over (0, 1] ranges over [-inf, 0]: the upper end must be >= log 1 = 0
        expect(ends(v.log())).toEqual([Number.NEGATIVE_INFINITY, 0]);
      }
    });
  });
  test("setTwoCallTranscendentals(true) takes both ends from MPFR: tighter than the one-call bound", () => {
    const w = 2 ** -16;
    try {
      setTwoCallTranscendentals(true);
      withArena(64, (arena) => {
        // log(1 + w) = w - w^2/2 + w^3/3 - ...: strictly between w - w^2/2 and w (the one-call bound is w itself)
        const v = Interval.fromBounds(arena, 1, 1 + w).log();
        expect(v.loDouble()).toBe(0);
        expect(v.hiDouble()).toBeLessThan(w);
        expect(v.hiDouble()).toBeGreaterThan(w - (w * w) / 2);
        // exp(w) = 1 + w + w^2/2 + ... < 1 + w + w^2 (the one-call bound)
        const e = Interval.fromBounds(arena, 0, w).exp();
        expect(e.hiDouble()).toBeLessThan(1 + w + w * w);
        expect(e.hiDouble()).toBeGreaterThanOrEqual(1 + w + (w * w) / 2);
      });
    } finally {
      setTwoCallTranscendentals(false);
    }
  });
});
