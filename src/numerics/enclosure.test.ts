/**
 * Enclosures and their exact dyadic ends: reading MPFR numbers exactly, exact comparison, directed conversions to
 * doubles and decimals, and the certified-digits rule. Expected values are powers of two and hand-built dyadics.
 */
import { describe, expect, test } from "vitest";
import { ZERO, compareDyadic, isInfinite, sign, type Dyadic } from "./dyadic.ts";
import { Enclosure, dyadicOf, dyadicToDecimal, dyadicToNumber, withExactReal } from "./enclosure.ts";
import { withArena } from "./arena.ts";
import { mpfr, RNDD, RNDN, RNDU } from "./mpfr.ts";
import { Interval } from "./interval.ts";

const d = (m: bigint, e = 0): Dyadic => ({ m, e });
const INF: Dyadic = { m: 1n, e: Number.POSITIVE_INFINITY };
const NEG_INF: Dyadic = { m: -1n, e: Number.POSITIVE_INFINITY };
/** The exact dyadic value of a double (its bits), built independently of the oracle. */
function ofDouble(x: number): Dyadic {
  if (x === 0) return ZERO;
  let m = x;
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e -= 1;
  }
  let big = BigInt(m);
  while (big % 2n === 0n) {
    big /= 2n;
    e += 1;
  }
  return { m: big, e };
}

describe("dyadicOf reads MPFR numbers exactly, with an odd mantissa", () => {
  test("ordinary, large, tiny and negative values", () => {
    withArena(128, (arena) => {
      const read = (x: number) => dyadicOf(Interval.fromDouble(arena, x).lo);
      expect(read(12)).toEqual(d(3n, 2));
      expect(read(1)).toEqual(d(1n, 0));
      expect(read(-0.75)).toEqual(d(-3n, -2));
      expect(read(2 ** 40)).toEqual(d(1n, 40));
      expect(read(2 ** -100)).toEqual(d(1n, -100));
      expect(read(3 * 2 ** 33)).toEqual(d(3n, 33));
      expect(read(2 ** 52 + 1)).toEqual(d(2n ** 52n + 1n, 0));
      expect(read(0)).toEqual(ZERO);
    });
  });
  test("infinities and NaN", () => {
    withArena(64, (arena) => {
      const x = arena.real();
      mpfr.mpfr_set_inf(x, 1);
      expect(dyadicOf(x)).toEqual(INF);
      mpfr.mpfr_set_inf(x, -1);
      expect(dyadicOf(x)).toEqual(NEG_INF);
      mpfr.mpfr_set_nan(x);
      expect(() => dyadicOf(x)).toThrow(/^NaN has no dyadic value$/);
    });
  });
});

describe("sign, isInfinite, compareDyadic", () => {
  test("sign and isInfinite", () => {
    expect([sign(d(-5n)), sign(ZERO), sign(d(7n, -3))]).toEqual([-1, 0, 1]);
    expect([isInfinite(INF), isInfinite(NEG_INF), isInfinite(d(1n, 1000))]).toEqual([true, true, false]);
  });
  test("orders exactly across signs, magnitudes and exponents", () => {
    const ordered = [NEG_INF, d(-3n, 100), d(-5n, -1), d(-1n, -1), ZERO, d(1n, -1074), d(1n, -1), d(5n, -1), d(3n, 0), d(1n, 2), d(3n, 100), INF];
    for (let i = 0; i < ordered.length; i++) {
      for (let j = 0; j < ordered.length; j++) {
        expect(Math.sign(compareDyadic(ordered[i]!, ordered[j]!)) || 0, `${i} vs ${j}`).toBe(Math.sign(i - j));
      }
    }
  });
  test("equal values written alike compare equal; same leading bit, different exponents", () => {
    expect(compareDyadic(d(3n, 0), d(3n, 0))).toBe(0);
    expect(compareDyadic(INF, INF)).toBe(0);
    expect(compareDyadic(NEG_INF, NEG_INF)).toBe(0);
    // 3 = 11b and 2.5 = 101b * 2^-1 share their top bit position
    expect(compareDyadic(d(3n, 0), d(5n, -1))).toBe(1);
    expect(compareDyadic(d(5n, -1), d(3n, 0))).toBe(-1);
    expect(compareDyadic(d(-3n, 0), d(-5n, -1))).toBe(-1);
    expect(compareDyadic(d(7n, -1), d(3n, 0))).toBe(1); // 3.5 > 3, top bits equal, a.e < b.e
  });
});

describe("conversions with a rounding direction", () => {
  test("dyadicToNumber: nearest by default, or directed", () => {
    const x = d(2n ** 53n + 1n, 0); // halfway between 2^53 and 2^53 + 2
    expect(dyadicToNumber(x)).toBe(2 ** 53);
    expect(dyadicToNumber(x, RNDN)).toBe(2 ** 53);
    expect(dyadicToNumber(x, RNDU)).toBe(2 ** 53 + 2);
    expect(dyadicToNumber(x, RNDD)).toBe(2 ** 53);
    expect(dyadicToNumber(d(-(2n ** 53n) - 1n), RNDD)).toBe(-(2 ** 53) - 2);
    expect(dyadicToNumber(INF)).toBe(Number.POSITIVE_INFINITY);
    expect(dyadicToNumber(NEG_INF)).toBe(Number.NEGATIVE_INFINITY);
    expect(dyadicToNumber(ZERO)).toBe(0);
    expect(dyadicToNumber(d(1n, -1074))).toBe(5e-324);
  });
  test("dyadicToDecimal keeps every bit of a wide mantissa", () => {
    expect(dyadicToDecimal(d(2n ** 100n + 1n), 40, RNDN)).toBe("1.267650600228229401496703205377e30");
    expect(dyadicToDecimal(d(1n, -1), 40, RNDN)).toBe("5e-1");
    expect(dyadicToDecimal(d(-3n, 0), 40, RNDN)).toBe("-3");
    expect(dyadicToDecimal(ZERO, 10, RNDN)).toBe("0");
    expect(dyadicToDecimal(INF, 10, RNDN)).toBe("Infinity");
    expect(dyadicToDecimal(NEG_INF, 10, RNDN)).toBe("-Infinity");
    // 1/3 rounded to 5 digits each way (x = (2^62 + 1) / 3 * 2^-62, just above 1/3)
    const third = d((2n ** 62n + 2n) / 3n, -62);
    expect(dyadicToDecimal(third, 5, RNDD)).toBe("3.3333e-1");
    expect(dyadicToDecimal(third, 5, RNDU)).toBe("3.3334e-1");
  });
  test("withExactReal holds the value exactly and frees it", () => {
    const wide = d(2n ** 200n - 1n, -7);
    expect(withExactReal(wide, (ptr) => dyadicOf(ptr))).toEqual(wide);
    expect(withExactReal(ZERO, (ptr) => mpfr.mpfr_zero_p(ptr) !== 0)).toBe(true);
    expect(withExactReal(NEG_INF, (ptr) => mpfr.mpfr_inf_p(ptr) !== 0 && mpfr.mpfr_sgn(ptr) < 0)).toBe(true);
    expect(withExactReal(INF, (ptr) => mpfr.mpfr_sgn(ptr) > 0)).toBe(true);
  });
});

describe("Enclosure", () => {
  const e = (lo: Dyadic, hi: Dyadic) => new Enclosure(lo, hi, 128);

  test("refuses lo > hi; keeps precision and the accuracy flag", () => {
    expect(() => e(d(2n), d(1n))).toThrow(/^enclosure with lo > hi$/);
    const x = new Enclosure(d(1n), d(1n), 256, false);
    expect([x.precision, x.accurate]).toEqual([256, false]);
    expect(e(d(1n), d(1n)).accurate).toBe(true);
  });
  test("mid, loNumber, hiNumber", () => {
    expect(e(d(1n), d(3n)).mid).toBe(2);
    expect(e(d(-3n), d(1n)).mid).toBe(-1);
    expect(e(d(1n, -1074), d(1n, -1074)).mid).toBe(5e-324); // a point: no halving (it would underflow)
    const x = d(2n ** 60n + 1n, -60); // 1 + 2^-60
    expect(e(x, x).loNumber).toBe(1);
    expect(e(x, x).hiNumber).toBe(1 + 2 ** -52);
  });
  test("width is an upper bound rounded up to a double", () => {
    expect(e(d(1n), d(2n ** 60n + 1n, -60)).width).toBe(2 ** -60);
    expect(e(ZERO, d(2n ** 60n + 1n)).width).toBe(2 ** 60 + 256); // 2^60 + 1 rounded up
    expect(e(d(-1n), d(1n)).width).toBe(2);
    expect(e(d(5n), d(5n)).width).toBe(0);
  });
  test("relativeWidth", () => {
    expect(e(d(2n), d(4n)).relativeWidth).toBe(1);
    expect(e(d(-4n), d(-2n)).relativeWidth).toBe(1);
    expect(e(d(-1n), d(1n)).relativeWidth).toBe(Number.POSITIVE_INFINITY);
    expect(e(ZERO, d(1n)).relativeWidth).toBe(Number.POSITIVE_INFINITY);
    expect(e(d(-1n), ZERO).relativeWidth).toBe(Number.POSITIVE_INFINITY);
    expect(e(ZERO, ZERO).relativeWidth).toBe(0);
  });
  test("bounds are rounded outward; toString shows 20 digits", () => {
    const third = d((2n ** 62n + 2n) / 3n, -62);
    expect(e(third, third).bounds(5)).toEqual(["3.3333e-1", "3.3334e-1"]);
    const [lo, hi] = e(third, third).bounds();
    // exact value 0.33333333333333333347789362299806725786766037... (Python fractions + decimal)
    expect(lo).toBe("3.333333333333333334778936229980672578676e-1");
    expect(hi).toBe("3.333333333333333334778936229980672578677e-1");
    expect(e(third, d(1n)).toString()).toBe("[3.3333333333333333347e-1, 1]");
  });
  test("contains: ends included", () => {
    const x = e(d(1n), d(3n));
    expect([x.contains(d(1n)), x.contains(d(3n)), x.contains(d(5n, -1)), x.contains(d(1n, -1)), x.contains(d(7n, -1))]).toEqual([true, true, true, false, false]);
  });
});

describe("certifiedDecimal: only the digits both ends agree on", () => {
  const e = (lo: Dyadic, hi: Dyadic) => new Enclosure(lo, hi, 128);
  test("a point is printed to the digits asked", () => {
    const x = d(1n, -1);
    expect(e(x, x).certifiedDecimal()).toBe("5e-1");
    const third = d((2n ** 62n + 2n) / 3n, -62);
    expect(e(third, third).certifiedDecimal(6)).toBe("3.33333e-1");
  });
  test("narrow enclosures: the longest common rounding", () => {
    // [1, 1 + 2^-60]: both ends round to "1" once fewer than ~18 digits are shown
    expect(e(d(1n), d(2n ** 60n + 1n, -60)).certifiedDecimal()).toBe("1");
    // [1.1, 1.4] agree only on one digit
    expect(e(ofDouble(1.1), ofDouble(1.4)).certifiedDecimal()).toBe("1");
    // [1.1, 1.6]: "1" and "2" at one digit: nothing certified
    expect(e(ofDouble(1.1), ofDouble(1.6)).certifiedDecimal()).toBeNull();
    expect(e(d(1n), d(2n)).certifiedDecimal()).toBeNull();
    // ln 2 - 1/2 from the oracle's own interval log (independent digits: ln 2 = 0.69314718055994530941723212145817656807550013...)
    const klFormula2 = withArena(192, (arena) => {
      const v = Interval.fromDouble(arena, 2).log().sub(Interval.fromDouble(arena, 0.5));
      return new Enclosure(dyadicOf(v.lo), dyadicOf(v.hi), 192);
    });
    expect(klFormula2.certifiedDecimal()).toBe("1.931471805599453094172321214581765680755e-1");
  });
  test("around 0: \"0\" when within 10^-digits of 0 (ends included), else null", () => {
    expect(e(ofDouble(-1e-50), ofDouble(1e-50)).certifiedDecimal()).toBe("0");
    expect(e(ZERO, ofDouble(1e-45)).certifiedDecimal()).toBe("0");
    expect(e(ofDouble(-1e-45), ZERO).certifiedDecimal()).toBe("0");
    expect(e(ofDouble(-1e-40), ofDouble(1e-40)).certifiedDecimal()).toBe("0");
    expect(e(ofDouble(-1e-30), ofDouble(1e-30)).certifiedDecimal()).toBeNull();
    expect(e(ofDouble(-1e-20), ofDouble(1e-20)).certifiedDecimal(20)).toBe("0");
    expect(e(ofDouble(-1), ofDouble(1e-45)).certifiedDecimal()).toBeNull();
    expect(e(ofDouble(-1e-45), ofDouble(1)).certifiedDecimal()).toBeNull();
    expect(e(d(-1n), d(2n)).certifiedDecimal()).toBeNull();
    expect(e(ZERO, ZERO).certifiedDecimal()).toBe("0");
  });
});
