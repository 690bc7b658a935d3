/**
 * The interval layer: every operation must contain the exact result. Arithmetic is checked against exact
 * rationals; transcendental functions (whose values are irrational) against enclosures computed at four
 * times the precision with the two-call evaluation, so both the one-call mean-value bounds and MPFR's
 * directed rounding are exercised.
 */
import fc from "fast-check";
import { afterEach, describe, expect, test } from "vitest";
import { Interval, hull, setTwoCallTranscendentals } from "./interval.ts";
import { withArena } from "./arena.ts";
import { Enclosure, dyadicOf, compareDyadic } from "./enclosure.ts";
import { compareDyadicRational, enclosureContains } from "./exact-compare.ts";
import type { Rational } from "./rational.ts";
import { liveReals } from "./mpfr.ts";

const SEED = 20261127;
/** Under Stryker (vitest.stryker.config.ts sets BONKL_STRYKER=1) fast-check runs fewer cases, same fixed seed. */
const STRYKER = process.env.BONKL_STRYKER === "1";

function enclosure(v: Interval, prec: number): Enclosure {
  return new Enclosure(dyadicOf(v.lo), dyadicOf(v.hi), prec);
}

const rational = fc
  .record({ num: fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), den: fc.bigInt({ min: 1n, max: 10n ** 30n }) })
  .map((r): Rational => r);
const positiveRational = fc
  .record({ num: fc.bigInt({ min: 1n, max: 10n ** 40n }), den: fc.bigInt({ min: 1n, max: 10n ** 30n }) })
  .map((r): Rational => r);

const mulR = (a: Rational, b: Rational): Rational => ({ num: a.num * b.num, den: a.den * b.den });
const addR = (a: Rational, b: Rational): Rational => ({ num: a.num * b.den + b.num * a.den, den: a.den * b.den });
const negR = (a: Rational): Rational => ({ num: -a.num, den: a.den });
const divR = (a: Rational, b: Rational): Rational => (b.num < 0n ? { num: -a.num * b.den, den: a.den * -b.num } : { num: a.num * b.den, den: a.den * b.num });

/** The hull of the enclosures of two rationals: a random, usually non-point, interval. */
function intervalFrom(arena: Parameters<typeof Interval.alloc>[0], a: Rational, b: Rational): Interval {
  const out = Interval.alloc(arena);
  hull(out, Interval.fromRational(arena, a.num, a.den), Interval.fromRational(arena, b.num, b.den));
  return out;
}

afterEach(() => setTwoCallTranscendentals(false));

describe("interval arithmetic contains the exact rational result", () => {
  test("fromRational, add, sub, mul, div, neg, square", () => {
    fc.assert(
      fc.property(rational, rational, rational, rational, fc.constantFrom(64, 128, 200), (a, b, c, d, prec) => {
        withArena(prec, (arena) => {
          const x = intervalFrom(arena, a, b);
          const y = intervalFrom(arena, c, d);
          expect(enclosureContains(enclosure(x, prec), a)).toBe(true);
          expect(enclosureContains(enclosure(x, prec), b)).toBe(true);
          for (const [u, v] of [
            [a, c],
            [b, d],
            [a, d],
          ] as const) {
            expect(enclosureContains(enclosure(x.add(y), prec), addR(u, v))).toBe(true);
            expect(enclosureContains(enclosure(x.sub(y), prec), addR(u, negR(v)))).toBe(true);
            expect(enclosureContains(enclosure(x.mul(y), prec), mulR(u, v))).toBe(true);
            expect(enclosureContains(enclosure(x.neg(), prec), negR(u))).toBe(true);
            expect(enclosureContains(enclosure(x.square(), prec), mulR(u, u))).toBe(true);
            const yContainsZero = compareDyadicRational(dyadicOf(y.lo), { num: 0n, den: 1n }) <= 0 && compareDyadicRational(dyadicOf(y.hi), { num: 0n, den: 1n }) >= 0;
            if (!yContainsZero) expect(enclosureContains(enclosure(x.div(y), prec), divR(u, v))).toBe(true);
          }
          const s = 0.1875 * (Number(a.num % 1000n) + 1);
          expect(enclosureContains(enclosure(x.scale(s), prec), mulR(a, { num: BigInt(s * 16), den: 16n }))).toBe(true);
          expect(enclosureContains(enclosure(x.scale(-s), prec), mulR(a, { num: BigInt(-s * 16), den: 16n }))).toBe(true);
        });
      }),
      { numRuns: STRYKER ? 40 : 300, seed: SEED },
    );
  });

  test("division by an interval containing 0 is refused", () => {
    withArena(128, (arena) => {
      const x = Interval.fromDouble(arena, 1);
      const y = Interval.fromBounds(arena, -1, 1);
      expect(() => x.div(y)).toThrow(/containing 0/);
    });
  });
});

describe("transcendental functions enclose the value", () => {
  type Fn = "log" | "log1p" | "exp" | "expm1";
  const domain: Record<Fn, fc.Arbitrary<Rational>> = {
    log: positiveRational,
    log1p: positiveRational.map((r) => (r.num % 2n === 0n ? r : { num: -r.num, den: 2n * r.num + r.den })), // > -1/2
    exp: rational.map((r) => ({ num: r.num % (10n ** 4n * r.den), den: r.den })),
    expm1: rational.map((r) => ({ num: r.num % (10n ** 3n * r.den), den: r.den })),
  };
  for (const fn of ["log", "log1p", "exp", "expm1"] as const) {
    test(`${fn}: one-call bounds and two-call bounds both contain the 4x-precision enclosure`, () => {
      fc.assert(
        fc.property(domain[fn], fc.integer({ min: 0, max: 60 }), fc.constantFrom(64, 128, 192), (a, widthExponent, prec) => {
          // a narrow interval [a, a + a * 2^-(20 + widthExponent)] (or a point when widthExponent = 60)
          const width: Rational = { num: a.num < 0n ? -a.num : a.num, den: a.den * 2n ** BigInt(20 + widthExponent) };
          const b = widthExponent === 60 ? a : addR(a, width);
          const reference = (() => {
            setTwoCallTranscendentals(true);
            try {
              return withArena(prec * 4, (arena) => ({
                lo: enclosure(Interval.fromRational(arena, a.num, a.den)[fn](), prec * 4),
                hi: enclosure(Interval.fromRational(arena, b.num, b.den)[fn](), prec * 4),
              }));
            } finally {
              setTwoCallTranscendentals(false);
            }
          })();
          for (const twoCalls of [false, true]) {
            setTwoCallTranscendentals(twoCalls);
            withArena(prec, (arena) => {
              const x = intervalFrom(arena, a, b);
              const y = enclosure(x[fn](), prec);
              // f is increasing: f([a, b]) contains [f(a), f(b)], whose ends the reference encloses tightly
              expect(compareDyadic(y.lo, reference.lo.hi)).toBeLessThanOrEqual(0);
              expect(compareDyadic(y.hi, reference.hi.lo)).toBeGreaterThanOrEqual(0);
            });
          }
          setTwoCallTranscendentals(false);
        }),
        { numRuns: STRYKER ? 40 : 200, seed: SEED },
      );
    });
  }

  test("exact results stay exact: log(1) = 0, exp(0) = 1, expm1(0) = log1p(0) = 0", () => {
    withArena(128, (arena) => {
      const zero = Interval.fromDouble(arena, 0);
      const one = Interval.fromDouble(arena, 1);
      expect(one.log().isExactZero()).toBe(true);
      expect(zero.expm1().isExactZero()).toBe(true);
      expect(zero.log1p().isExactZero()).toBe(true);
      const e = zero.exp();
      expect(e.loDouble()).toBe(1);
      expect(e.hiDouble()).toBe(1);
    });
  });

  test("exp below MPFR's exponent range gives the rigorous [0, tiny]", () => {
    withArena(128, (arena) => {
      const v = Interval.fromDouble(arena, -1e10).exp();
      expect(v.loDouble()).toBe(0);
      expect(v.hiDouble()).toBeGreaterThan(0);
      expect(v.hiDouble()).toBeLessThan(1e-300);
    });
  });

  test("no MPFR number outlives its arena", () => {
    const before = liveReals();
    withArena(128, (arena) => {
      Interval.fromDouble(arena, 2).log().exp().expm1();
    });
    expect(liveReals()).toBe(before);
    expect(() =>
      withArena(128, (arena) => {
        Interval.fromDouble(arena, -1).log();
      }),
    ).toThrow();
    expect(liveReals()).toBe(before);
  });
});
