/** The MPFR layer: bigint <-> mpz conversion, arenas (ownership, scratch slots, release), decimal strings. */
import { describe, expect, test } from "vitest";
import { Arena, withArena } from "./arena.ts";
import {
  allocInteger,
  allocReal,
  bigIntFromInteger,
  liveIntegerCount,
  liveReals,
  MAX_PRECISION,
  MIN_PRECISION,
  mpfr,
  releaseInteger,
  releaseReal,
  RNDD,
  RNDN,
  RNDU,
  RNDZ,
  setIntegerFromBigInt,
} from "./mpfr.ts";
import { decimalString } from "./mpfr-decimal.ts";

describe("binding", () => {
  test("constants: MPFR's rounding codes and the precision range", () => {
    expect([RNDN, RNDZ, RNDU, RNDD]).toEqual([0, 1, 2, 3]);
    expect([MIN_PRECISION, MAX_PRECISION]).toEqual([64, 2 ** 20]);
  });
  test("bigints round-trip through mpz exactly, around the 32-bit boundary and far beyond", () => {
    const z = allocInteger();
    try {
      const values = [0n, 1n, -1n, 2n ** 31n - 1n, -(2n ** 31n - 1n), 2n ** 31n, -(2n ** 31n), 2n ** 32n + 5n, 2n ** 40n, -(2n ** 40n), 10n ** 50n + 7n, -(3n ** 200n)];
      for (const v of values) {
        setIntegerFromBigInt(z, v);
        expect(bigIntFromInteger(z), String(v)).toBe(v);
      }
    } finally {
      releaseInteger(z);
    }
  });
  test("live counts follow allocations and releases", () => {
    const reals = liveReals();
    const integers = liveIntegerCount();
    const r = allocReal(64);
    const z = allocInteger();
    expect([liveReals(), liveIntegerCount()]).toEqual([reals + 1, integers + 1]);
    expect(mpfr.mpfr_get_prec(r)).toBe(64);
    expect(mpfr.mpfr_nan_p(r)).not.toBe(0); // NaN until set
    releaseReal(r);
    releaseInteger(z);
    expect([liveReals(), liveIntegerCount()]).toEqual([reals, integers]);
  });
  test("a precision that is not a positive integer is refused before MPFR sees it; 1 bit is MPFR's least", () => {
    const reals = liveReals();
    for (const bad of [Number.NaN, 0, -64, 64.5, Number.POSITIVE_INFINITY]) {
      expect(() => allocReal(bad), String(bad)).toThrow(new RangeError(`an MPFR precision must be a positive integer number of bits, got ${bad}`));
    }
    expect(liveReals()).toBe(reals);
    const one = allocReal(1);
    expect(mpfr.mpfr_get_prec(one)).toBe(1);
    releaseReal(one);
  });
});

describe("Arena", () => {
  test("owns what it makes and frees it all at once, idempotently", () => {
    const before = liveReals();
    const integersBefore = liveIntegerCount();
    const arena = new Arena(100);
    const a = arena.real();
    const b = arena.realWithPrecision(7);
    arena.scratchInteger();
    expect(mpfr.mpfr_get_prec(a)).toBe(100);
    expect(mpfr.mpfr_get_prec(b)).toBe(7);
    expect(arena.prec).toBe(100);
    expect(liveReals()).toBe(before + 2);
    expect(liveIntegerCount()).toBe(integersBefore + 1);
    arena.release();
    expect(liveReals()).toBe(before);
    expect(liveIntegerCount()).toBe(integersBefore);
    arena.release();
    expect(liveReals()).toBe(before);
    expect(liveIntegerCount()).toBe(integersBefore);
  });
  test("an arena that never made its scratch integer frees no integer", () => {
    const integersBefore = liveIntegerCount();
    const realsBefore = liveReals();
    const arena = new Arena(64);
    arena.real();
    arena.release();
    expect([liveReals(), liveIntegerCount()]).toEqual([realsBefore, integersBefore]);
  });
  test("refuses to make anything after release", () => {
    const arena = new Arena(64);
    arena.scratch(0);
    arena.release();
    expect(() => arena.real()).toThrow(/^arena used after release$/);
    expect(() => arena.realWithPrecision(64)).toThrow(/^arena used after release$/);
    expect(() => arena.scratchInteger()).toThrow(/^arena used after release$/);
    expect(() => arena.scratch(0)).toThrow(/^arena used after release$/);
  });
  test("scratch slots 0..7: made once, then reused; others refused", () => {
    withArena(64, (arena) => {
      const before = liveReals();
      const first = arena.scratch(7);
      expect(arena.scratch(7)).toBe(first);
      expect(arena.scratch(0)).not.toBe(first);
      expect(liveReals()).toBe(before + 2);
      expect(mpfr.mpfr_get_prec(first)).toBe(64);
      expect(() => arena.scratch(8)).toThrow(/^scratch index 8 out of range$/);
      expect(() => arena.scratch(-1)).toThrow(/^scratch index -1 out of range$/);
      expect(arena.scratchInteger()).toBe(arena.scratchInteger());
    });
  });
  test("withArena releases even when the function throws, and returns its value", () => {
    const before = liveReals();
    expect(withArena(64, (arena) => mpfr.mpfr_get_prec(arena.real()))).toBe(64);
    expect(() =>
      withArena(64, (arena) => {
        arena.real();
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(liveReals()).toBe(before);
  });
});

describe("decimalString", () => {
  const show = (set: (x: number) => void, digits: number, rnd: number): string =>
    withArena(128, (arena) => {
      const x = arena.real();
      set(x);
      return decimalString(x, digits, rnd);
    });
  const of = (v: number) => (x: number) => mpfr.mpfr_set_d(x, v, RNDN);
  test("special values", () => {
    expect(show((x) => mpfr.mpfr_set_nan(x), 5, RNDN)).toBe("NaN");
    expect(show((x) => mpfr.mpfr_set_inf(x, 1), 5, RNDN)).toBe("Infinity");
    expect(show((x) => mpfr.mpfr_set_inf(x, -1), 5, RNDN)).toBe("-Infinity");
    expect(show((x) => mpfr.mpfr_set_zero(x, 1), 5, RNDN)).toBe("0");
    expect(show((x) => mpfr.mpfr_set_zero(x, -1), 5, RNDN)).toBe("0");
  });
  test("d.ddd format, trailing zeros dropped, no exponent for e0", () => {
    expect(show(of(1.5), 10, RNDN)).toBe("1.5");
    expect(show(of(-1.5), 10, RNDN)).toBe("-1.5");
    expect(show(of(7), 10, RNDN)).toBe("7");
    expect(show(of(100), 10, RNDN)).toBe("1e2");
    expect(show(of(12345), 10, RNDN)).toBe("1.2345e4");
    expect(show(of(-0.00125), 10, RNDN)).toBe("-1.25e-3");
    expect(show(of(1e300), 3, RNDN)).toBe("1e300");
  });
  test("rounding direction and digit count", () => {
    expect(show(of(2 / 3), 3, RNDD)).toBe("6.66e-1");
    expect(show(of(2 / 3), 3, RNDU)).toBe("6.67e-1");
    expect(show(of(-2 / 3), 3, RNDD)).toBe("-6.67e-1");
    expect(show(of(-2 / 3), 3, RNDU)).toBe("-6.66e-1");
    expect(show(of(9.96), 2, RNDN)).toBe("1e1");
    expect(show(of(0.1), 25, RNDN)).toBe("1.000000000000000055511151e-1");
  });
});
