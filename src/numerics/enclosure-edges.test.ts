/**
 * Edge cases of enclosures beyond enclosure.test.ts: comparisons where truncating a mantissa would flip the answer,
 * the extreme exponents MPFR can produce, no MPFR/GMP memory left behind, and certifiedDecimal away from 0.
 * Expected values are hand-derived (powers of two, small dyadics) or MPFR's own exact comparison (mpfr_cmp).
 */
import { describe, expect, test } from "vitest";
import { Enclosure, compareDyadic, dyadicOf, dyadicToDecimal, dyadicToNumber, withExactReal, type Dyadic } from "./enclosure.ts";
import { withArena } from "./arena.ts";
import { liveIntegerCount, liveReals, mpfr, RNDD, RNDN } from "./mpfr.ts";

const d = (m: bigint, e = 0): Dyadic => ({ m, e });
const e = (lo: Dyadic, hi: Dyadic) => new Enclosure(lo, hi, 128);

describe("compareDyadic", () => {
  test("same leading bit, the larger exponent first: every low bit of the other mantissa counts", () => {
    // 2 = 1 * 2^1 and 2.5 = 101b * 2^-1 both have their top bit at 2^1; 2 < 2.5 although 5 >> 2 = 1
    expect(compareDyadic(d(1n, 1), d(5n, -1))).toBe(-1);
    expect(compareDyadic(d(5n, -1), d(1n, 1))).toBe(1);
    // 2 < 2.25 = 1001b * 2^-2; -2 > -2.25
    expect(compareDyadic(d(1n, 1), d(9n, -2))).toBe(-1);
    expect(compareDyadic(d(-1n, 1), d(-9n, -2))).toBe(1);
    // 6 = 11b * 2^1 vs 6.5 = 1101b * 2^-1
    expect(compareDyadic(d(3n, 1), d(13n, -1))).toBe(-1);
    // equal values written with different exponents (not reduced): 2 = 1 * 2^1 = 4 * 2^-1
    expect(compareDyadic(d(1n, 1), d(4n, -1))).toBe(0);
  });

  test("the extreme exponents of MPFR's range compare quickly and agree with mpfr_cmp", () => {
    // MPFR's default exponent range is [1 - 2^30, 2^30 - 1]: values from 2^-2^30 up to 2^(2^30 - 2) and beyond.
    // Aligning such mantissas would need a 2^31-bit integer, more than a BigInt can hold.
    withArena(64, (arena) => {
      const big = arena.real();
      const bigger = arena.real();
      const tiny = arena.real();
      mpfr.mpfr_set_si_2exp(big, 3, 2 ** 30 - 4, RNDN); // 3 * 2^(2^30 - 4)
      mpfr.mpfr_set_si_2exp(bigger, 1, 2 ** 30 - 2, RNDN); // 2^(2^30 - 2) = 4 * 2^(2^30 - 4) > big
      mpfr.mpfr_set_si_2exp(tiny, -5, -(2 ** 30) + 1, RNDN); // -5 * 2^(1 - 2^30)
      const values = [tiny, big, bigger];
      for (const a of values) {
        for (const b of values) {
          expect(Math.sign(compareDyadic(dyadicOf(a), dyadicOf(b))) + 0).toBe(Math.sign(mpfr.mpfr_cmp(a, b)) + 0);
        }
      }
      expect(dyadicOf(big)).toEqual(d(3n, 2 ** 30 - 4));
      expect(dyadicOf(tiny)).toEqual(d(-5n, -(2 ** 30) + 1));
    });
    expect(compareDyadic(d(1n, 2 ** 30 - 1), d(1n, -(2 ** 30)))).toBe(1);
    expect(compareDyadic(d(1n, -(2 ** 30)), d(1n, 2 ** 30 - 1))).toBe(-1);
    expect(compareDyadic(d(-7n, 2 ** 30), d(-1n, -(2 ** 30)))).toBe(-1);
  });
});

describe("no MPFR or GMP numbers are left behind", () => {
  test("reading, converting, measuring and printing free what they allocate", () => {
    const reals = liveReals();
    const integers = liveIntegerCount();
    withArena(64, (arena) => {
      const x = arena.real();
      mpfr.mpfr_set_si_2exp(x, -3, -70, RNDN);
      expect(dyadicOf(x)).toEqual(d(-3n, -70));
    });
    const wide = d(2n ** 100n + 1n, -50);
    expect(dyadicToNumber(wide, RNDD)).toBe(2 ** 50);
    expect(dyadicToDecimal(d(5n, -1), 5, RNDN)).toBe("2.5");
    expect(withExactReal(wide, (ptr) => dyadicOf(ptr))).toEqual(wide);
    // [2^49, 2^50 + 2^-50]: width 2^49 + 2^-50, rounded up to the next double 2^49 + 2^-3; relative width
    // (2^49 + 2^-3) / 2^49 = 1 + 2^-52; 2^49 = 562949953421312 and 2^50 = 1125899906842624
    const x = e(d(1n, 49), wide);
    expect(x.width).toBe(2 ** 49 + 2 ** -3);
    expect(x.relativeWidth).toBe(1 + 2 ** -52);
    expect(x.certifiedDecimal()).toBeNull();
    expect(x.bounds(3)).toEqual(["5.62e14", "1.13e15"]);
    expect(liveReals()).toBe(reals);
    expect(liveIntegerCount()).toBe(integers);
  });
  test("withExactReal frees its number when the callback throws", () => {
    const reals = liveReals();
    const integers = liveIntegerCount();
    expect(() =>
      withExactReal(d(-12345n, 7), () => {
        throw new Error("callback failed");
      }),
    ).toThrow(/^callback failed$/);
    expect(liveReals()).toBe(reals);
    expect(liveIntegerCount()).toBe(integers);
  });
});

describe("certifiedDecimal away from 0", () => {
  test("negative enclosures certify their digits with the sign", () => {
    // [-(1 + 2^-60), -1]: both ends round to -1 at 18 digits or fewer
    expect(e(d(-(2n ** 60n) - 1n, -60), d(-1n)).certifiedDecimal()).toBe("-1");
    // [-1.25, -1.125] = [-101b * 2^-2, -1001b * 2^-3]: agree on "-1" at one digit only
    expect(e(d(-5n, -2), d(-9n, -3)).certifiedDecimal()).toBe("-1");
    // [-2.5, -2.4375]: "-2.5" and "-2.4" at two digits, "-2" at one (2.4375 = 39/16)
    expect(e(d(-5n, -1), d(-39n, -4)).certifiedDecimal()).toBe("-2");
  });
  test("a tiny enclosure that excludes 0 is not \"0\" when no digit is certified", () => {
    // [2^-200, 2^-190] ~ [6.2e-61, 6.4e-58]: lies within 1e-40 of 0 but does not contain it, and its ends
    // differ in the first digit; [-2^-190, -2^-200] likewise
    expect(e(d(1n, -200), d(1n, -190)).certifiedDecimal()).toBeNull();
    expect(e(d(-1n, -190), d(-1n, -200)).certifiedDecimal()).toBeNull();
    // with a digit in common the digit is certified: [2^-200, 2^-200 (1 + 2^-10)] both round to 6e-61
    expect(e(d(1n, -200), d(1025n, -210)).certifiedDecimal(1)).toBe("6e-61");
  });
});
