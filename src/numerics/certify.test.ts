/**
 * The adaptive-precision loop and its accuracy test, driven by synthetic evaluations whose width is known exactly.
 */
import { describe, expect, test } from "vitest";
import { InputError } from "../errors.ts";
import { DEFAULT_ACCURACY, certify, certifyAll, evaluateAt, meetsAccuracy } from "./certify.ts";
import { Interval } from "./interval.ts";
import { withArena, type Arena } from "./arena.ts";
import { mpfr, RNDD, RNDU } from "./mpfr.ts";

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error("expected an InputError");
}

/** [1, 1 + 2^-(prec/2)]: relative width 2^-(prec/2), so it meets relative 1e-30 (about 2^-99.7) from prec 200 on. */
function halfPrecisionWide(arena: Arena): Interval {
  const v = Interval.alloc(arena);
  mpfr.mpfr_set_d(v.lo, 1, RNDD);
  const t = arena.real();
  mpfr.mpfr_set_ui(t, 1, RNDU);
  mpfr.mpfr_mul_2si(t, t, -Math.floor(arena.prec / 2), RNDU);
  mpfr.mpfr_add_ui(v.hi, t, 1, RNDU);
  return v;
}

describe("accuracy settings", () => {
  test("the defaults", () => {
    expect(DEFAULT_ACCURACY).toEqual({ relative: 1e-30, absolute: 1e-40, startPrecision: 128, maxPrecision: 8192, sign: false });
  });
  test("bad accuracies are InputErrors naming the setting", () => {
    const point = (arena: Arena) => Interval.fromDouble(arena, 1);
    const rejections: [object, string, string][] = [
      [{ relative: -1 }, "accuracy", "relative and absolute accuracy must be >= 0"],
      [{ absolute: -1e-9 }, "accuracy", "relative and absolute accuracy must be >= 0"],
      [{ relative: Number.NaN }, "accuracy", "relative and absolute accuracy must be >= 0"],
      [{ relative: 0, absolute: 0 }, "accuracy", "one of relative and absolute accuracy must be > 0"],
      [{ startPrecision: 63 }, "startPrecision", "must be an integer from 64 to 1048576"],
      [{ startPrecision: 100.5 }, "startPrecision", "must be an integer from 64 to 1048576"],
      [{ startPrecision: 2 ** 20 + 1, maxPrecision: 2 ** 21 }, "startPrecision", "must be an integer from 64 to 1048576"],
      [{ maxPrecision: 127 }, "maxPrecision", "must be an integer from startPrecision to 1048576"],
      [{ maxPrecision: 1000.5 }, "maxPrecision", "must be an integer from startPrecision to 1048576"],
      [{ maxPrecision: 2 ** 20 + 1 }, "maxPrecision", "must be an integer from startPrecision to 1048576"],
    ];
    for (const [accuracy, field, reason] of rejections) {
      const e = inputError(() => certify(point, accuracy));
      expect(e.field, JSON.stringify(accuracy)).toBe(field);
      expect(e.reason, JSON.stringify(accuracy)).toBe(reason);
    }
  });
  test("the edges are allowed", () => {
    const point = (arena: Arena) => Interval.fromDouble(arena, 1);
    expect(certify(point, { relative: 0, absolute: 1 }).precision).toBe(128);
    expect(certify(point, { relative: 1, absolute: 0 }).precision).toBe(128);
    expect(certify(point, { startPrecision: 64, maxPrecision: 64 }).precision).toBe(64);
    expect(certify(point, { startPrecision: 2 ** 20, maxPrecision: 2 ** 20 }).precision).toBe(2 ** 20);
  });
});

describe("meetsAccuracy", () => {
  const acc = (relative: number, absolute: number) => ({ ...DEFAULT_ACCURACY, relative, absolute });
  test("absolute: width at most `absolute`, ends included", () => {
    withArena(128, (arena) => {
      expect(meetsAccuracy(Interval.fromBounds(arena, 1, 2), acc(0, 1))).toBe(true);
      expect(meetsAccuracy(Interval.fromBounds(arena, 1, 2), acc(0, 0.5))).toBe(false);
      expect(meetsAccuracy(Interval.fromBounds(arena, -1, 1), acc(0, 2))).toBe(true);
      expect(meetsAccuracy(Interval.fromBounds(arena, -1, 1), acc(1e10, 1))).toBe(false); // straddles 0: no relative
      expect(meetsAccuracy(Interval.fromBounds(arena, 0, 1), acc(1e10, 0.5))).toBe(false);
    });
  });
  test("relative: width at most `relative` times the smaller magnitude, either sign", () => {
    withArena(128, (arena) => {
      expect(meetsAccuracy(Interval.fromBounds(arena, 2, 3), acc(0.5, 0))).toBe(true);
      expect(meetsAccuracy(Interval.fromBounds(arena, 2, 3), acc(0.49, 0))).toBe(false);
      expect(meetsAccuracy(Interval.fromBounds(arena, -3, -2), acc(0.5, 0))).toBe(true);
      expect(meetsAccuracy(Interval.fromBounds(arena, -3, -2), acc(0.49, 0))).toBe(false);
      expect(meetsAccuracy(Interval.fromBounds(arena, 4, 6), acc(0.5, 0))).toBe(true); // 2 <= 0.5 * 4, not 0.5 * 6 only
      expect(meetsAccuracy(Interval.fromBounds(arena, -6, -4), acc(0.4, 0))).toBe(false);
    });
  });
  test("infinite or NaN ends never meet it", () => {
    withArena(128, (arena) => {
      const v = Interval.fromBounds(arena, 1, 1);
      mpfr.mpfr_set_inf(v.hi, 1);
      expect(meetsAccuracy(v, acc(1e300, 1e300))).toBe(false);
      const w = Interval.fromBounds(arena, 1, 1);
      mpfr.mpfr_set_inf(w.lo, -1);
      expect(meetsAccuracy(w, acc(1e300, 1e300))).toBe(false);
      const x = Interval.fromBounds(arena, 1, 1);
      mpfr.mpfr_set_nan(x.lo);
      expect(meetsAccuracy(x, acc(1e300, 1e300))).toBe(false);
      const y = Interval.fromBounds(arena, 1, 1);
      mpfr.mpfr_set_nan(y.hi);
      expect(meetsAccuracy(y, acc(1e300, 1e300))).toBe(false);
    });
  });
});

describe("the precision loop", () => {
  test("doubles the precision until the accuracy is met", () => {
    const seen: number[] = [];
    const e = certify((arena) => {
      seen.push(arena.prec);
      return halfPrecisionWide(arena);
    });
    expect(seen).toEqual([128, 256]);
    expect(e.precision).toBe(256);
    expect(e.accurate).toBe(true);
  });
  test("stops at the cap (which need not be a power of two) with an honest enclosure marked inaccurate", () => {
    const seen: number[] = [];
    const e = certify(
      (arena) => {
        seen.push(arena.prec);
        return halfPrecisionWide(arena);
      },
      { startPrecision: 64, maxPrecision: 192 },
    );
    expect(seen).toEqual([64, 128, 192]);
    expect(e.precision).toBe(192);
    expect(e.accurate).toBe(false);
    expect(e.hiNumber).toBeGreaterThan(1);
  });
  test("a vector waits for its least accurate entry; each entry says whether it met the target", () => {
    const seen: number[] = [];
    const values = certifyAll(
      (arena) => {
        seen.push(arena.prec);
        return [Interval.fromDouble(arena, 2), halfPrecisionWide(arena)];
      },
      { maxPrecision: 160 },
    );
    expect(seen).toEqual([128, 160]);
    expect(values.map((v) => [v.precision, v.accurate])).toEqual([
      [160, true],
      [160, false],
    ]);
    expect(values[0]!.mid).toBe(2);
  });
  test("sign: true refines past the absolute accuracy until the sign is proved", () => {
    // 2^-300 +- 2^-(prec/2): meets absolute 1e-40 from 512 bits on, excludes 0 only from 1024 bits on
    const tinyPositive = (arena: Arena) => {
      const v = Interval.alloc(arena);
      const width = arena.real();
      mpfr.mpfr_set_ui(width, 1, RNDU);
      mpfr.mpfr_mul_2si(width, width, -Math.floor(arena.prec / 2), RNDU); // 2^-(prec/2)
      mpfr.mpfr_set_ui(v.lo, 1, RNDD);
      mpfr.mpfr_mul_2si(v.lo, v.lo, -300, RNDD); // value 2^-300
      mpfr.mpfr_set(v.hi, v.lo, RNDU);
      mpfr.mpfr_sub(v.lo, v.lo, width, RNDD);
      mpfr.mpfr_add(v.hi, v.hi, width, RNDU);
      return v;
    };
    const plain = certify(tinyPositive);
    expect(plain.precision).toBe(512); // width 2^-255 <= 1e-40 from 512 bits on, while 0 is still inside
    expect(plain.sign).toBeNull();
    const signed = certify(tinyPositive, { sign: true });
    expect(signed.precision).toBe(1024); // 2^-512 < 2^-300: now positive
    expect(signed.sign).toBe(1);
    expect(signed.accurate).toBe(true);
    const zero = certify((arena) => Interval.fromBounds(arena, -Number.MIN_VALUE, Number.MIN_VALUE), { sign: true, maxPrecision: 256 });
    expect([zero.sign, zero.accurate, zero.precision]).toEqual([null, false, 256]); // never decided: the cap, marked inaccurate
    expect(certify((arena) => Interval.fromDouble(arena, 0), { sign: true }).sign).toBe(0);
    expect(certify((arena) => Interval.fromDouble(arena, -3), { sign: true }).sign).toBe(-1);
  });
  test("evaluateAt: one precision, no accuracy target", () => {
    const values = evaluateAt(96, (arena) => [Interval.fromBounds(arena, 1, 3), halfPrecisionWide(arena)]);
    expect(values.map((v) => [v.precision, v.accurate, v.loNumber])).toEqual([
      [96, true, 1],
      [96, true, 1],
    ]);
    expect(values[0]!.hiNumber).toBe(3);
  });
});

describe("onWork", () => {
  test("is called at the start of every pass, and does not change the result", () => {
    let calls = 0;
    const third = (arena: Arena) => Interval.fromRational(arena, 1n, 3n);
    // 1/3 to 1e-30 relative needs about 100 bits: passes at 64 and 128 bits
    const e = certify(third, { relative: 1e-30, startPrecision: 64, onWork: () => calls++ });
    expect(calls).toBe(2);
    expect(e.precision).toBe(128);
    expect(e.toString()).toBe(certify(third, { relative: 1e-30, startPrecision: 64 }).toString());
  });
});
