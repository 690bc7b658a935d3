/**
 * The oracle's quantities against closed forms derived independently of its code paths, its accuracy
 * contract, input validation and memory discipline.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import * as oracle from "./index.ts";
import { InputError } from "../errors.ts";
import { compareDyadic, type Enclosure } from "../numerics/enclosure.ts";
import { enclosureContains } from "../numerics/exact-compare.ts";

const SEED = 99;
/** Under Stryker (vitest.stryker.config.ts sets BONKL_STRYKER=1) fast-check runs fewer cases, same fixed seed. */
const STRYKER = process.env.BONKL_STRYKER === "1";

/** Enclosures a and b overlap (both contain the exact value, so they must). */
function overlap(a: Enclosure, b: Enclosure): boolean {
  return compareDyadic(a.lo, b.hi) <= 0 && compareDyadic(b.lo, a.hi) <= 0;
}

describe("closed forms", () => {
  test("Example 1: KL of p = (1/2, 1/2) equals log 2 - h(2^-n), Eq. (6)", () => {
    for (const n of [1, 2, 3, 10, 64, 1000, 1e6, 1e9]) {
      const kl = oracle.klBon({ p: [0.5, 0.5], n });
      const closed = oracle.klExample1({ n });
      expect(overlap(kl, closed), `n=${n}`).toBe(true);
    }
  });

  test("pi^(1) = p exactly enclosed, and KL(pi_1 || p) = 0", () => {
    const p = [0.1, 0.2, 0.3, 0.4];
    const pmf = oracle.bonPmf({ p, n: 1 });
    pmf.forEach((e, i) => expect(enclosureContains(e, { num: BigInt(Math.round(p[i]! * 10)), den: 10n }) || overlapNumber(e, p[i]!)).toBe(true));
    const kl = oracle.klBon({ p, n: 1 });
    expect(kl.loNumber).toBeLessThanOrEqual(0);
    expect(kl.hiNumber).toBeGreaterThanOrEqual(0);
    expect(kl.width).toBeLessThanOrEqual(1e-40);
    expect(kl.precision).toBeLessThanOrEqual(256); // the absolute target stops n = 1 early
  });

  test("formula, Eq. (5): n = 1 gives exactly 0; n = 2 gives log 2 - 1/2", () => {
    const one = oracle.klFormula({ n: 1 });
    expect(one.lo.m).toBe(0n);
    expect(one.hi.m).toBe(0n);
    const two = oracle.klFormula({ n: 2 });
    expect(two.mid).toBeCloseTo(Math.LN2 - 0.5, 15);
  });

  test("uniform p on L outcomes: pi_n is F^n - F_-^n with F = i/L, and KL tends to log L", () => {
    const L = 7;
    const n = 5;
    const pmf = oracle.bonPmf({ p: Array(L).fill("1/7"), n });
    pmf.forEach((e, i) => {
      // exact rational ((i+1)^n - i^n) / L^n
      const value = { num: BigInt((i + 1) ** n - i ** n), den: BigInt(L ** n) };
      expect(enclosureContains(e, value)).toBe(true);
    });
    const kl = oracle.klBon({ p: Array(L).fill("1/7"), n: 1e9 });
    expect(kl.mid).toBeCloseTo(Math.log(L), 12);
  });

  test("two-point p = (1-m, m): KL in closed form from pi = ((1-m)^n, 1-(1-m)^n)", () => {
    for (const [m, n] of [
      [0.3, 4],
      [1e-3, 50],
      [0.75, 3],
    ] as const) {
      const a = (1 - m) ** n;
      const closed = a * Math.log(a / (1 - m)) + (1 - a) * Math.log((1 - a) / m);
      const kl = oracle.klBon({ p: [1 - m, m], n });
      expect(Math.abs(kl.mid - closed) / closed).toBeLessThan(1e-12);
    }
  });

  test("estimators: eps = 1 gives 0; log eps and eps agree; KLhat_1 at n = 1 is 0", () => {
    for (const n of [1, 2, 1000, 2 ** 53 - 1]) {
      expect(oracle.klEstimate({ n, eps: 1 }).mid).toBe(0);
      expect(oracle.klEstimateUpper({ n, logEps: 0 }).mid).toBe(0);
    }
    for (const eps of [0.5, 1e-3, 1e-200]) {
      const a = oracle.klEstimate({ n: 100, eps });
      const b = oracle.klEstimate({ n: 100, logEps: Math.log(eps) });
      // log(eps) is rounded to a double, so compare to double accuracy only
      expect(Math.abs(a.mid - b.mid)).toBeLessThan(1e-12);
    }
    expect(Math.abs(oracle.klEstimateUpper({ n: 1, eps: 0.37 }).mid)).toBeLessThan(1e-39);
  });

  test("estimators far below the double range: log eps = -1e5 and -1e10", () => {
    for (const logEps of [-1e5, -1e10]) {
      const upper = oracle.klEstimateUpper({ n: 1000, logEps });
      const estimate = oracle.klEstimate({ n: 1000, logEps });
      expect(upper.mid).toBeCloseTo(Math.log(1000), 14);
      expect(estimate.mid).toBeCloseTo(Math.log(1000) - 999 / 1000, 14);
      expect(upper.accurate && estimate.accurate).toBe(true);
    }
  });

  test("Theorem 2's bound is 2n(n-1) sum p^2 exactly", () => {
    const e = oracle.gapBoundThm2({ p: ["1/4", "3/4"], n: 3 });
    expect(enclosureContains(e, { num: 12n * 10n, den: 16n })).toBe(true);
  });

  test("Theorem 3's bound at e = 1 is the formula; its tiny values keep their sign at high precision", () => {
    const e = oracle.gapBoundThm3({ n: 7, eps: 1 });
    expect(overlap(e, oracle.klFormula({ n: 7 }))).toBe(true);
    const tiny = oracle.gapBoundThm3({ n: 10, eps: "1e-30" }, { absolute: 0 });
    expect(tiny.loNumber).toBeGreaterThan(0);
    expect(Math.abs(tiny.mid / ((10 * 81 * 1e-90) / 24) - 1)).toBeLessThan(1e-6); // ~ n (n-1)^2 e^3 / 24 for small e
  });

  test("a sign asked is a sign proved: Theorem 3's bound 4.2e-284 at n = 1e6, eps = 1e-100 is not reported as 0", () => {
    const plain = oracle.gapBoundThm3({ n: 1e6, eps: "1e-100" });
    expect(plain.sign).toBeNull(); // the default absolute accuracy 1e-40 is met long before the sign is known
    const signed = oracle.gapBoundThm3({ n: 1e6, eps: "1e-100" }, { sign: true });
    expect(signed.sign).toBe(1);
    expect(signed.accurate).toBe(true);
    // n (n-1)^2 e^3 / 24 (1 + O(n e)) with n e = 1e-94
    expect(Math.abs(signed.mid / ((1e6 * (1e6 - 1) ** 2 * 1e-300) / 24) - 1)).toBeLessThan(1e-6);
    expect(oracle.gapBoundThm3({ n: 1, eps: "0.3" }, { sign: true, maxPrecision: 512 }).sign).not.toBe(-1); // exactly 0: never a wrong sign
  });
});

function overlapNumber(e: Enclosure, x: number): boolean {
  return e.loNumber <= x && x <= e.hiNumber;
}

describe("accuracy contract", () => {
  test("default: relative 1e-30 on KL for many shapes", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1e6 }), { minLength: 2, maxLength: 40 }), fc.integer({ min: 2, max: 1e9 }), (w, n) => {
        const total = w.reduce((a, b) => a + b, 0);
        const kl = oracle.klBon({ p: w.map((x) => `${x}/${total}`), n });
        expect(kl.accurate).toBe(true);
        expect(kl.relativeWidth).toBeLessThanOrEqual(1e-30);
      }),
      { numRuns: STRYKER ? 10 : 60, seed: SEED },
    );
  });

  test("a tiny precision cap returns an honest wider enclosure marked inaccurate", () => {
    const e = oracle.gapBoundThm3({ n: 2, eps: "1e-300" }, { absolute: 0, maxPrecision: 256 });
    expect(e.accurate).toBe(false);
    expect(e.loNumber).toBeLessThanOrEqual(0);
  });

  test("masses of 1e-300 at the top with n = 1e9 need no giant precision", () => {
    const pmf = oracle.bonPmf({ p: ["0.5", "0.5", "1e-300"], n: 1e9, r: [0, 1, 2] });
    const top = pmf[2]!;
    expect(top.precision).toBe(128);
    expect(top.mid / 1e-291).toBeCloseTo(1, 12); // 1 - (1 - 1e-300)^1e9 ~ 1e-291
  });
});

describe("input validation", () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ["klBon", { p: [0.5, -0.5, 1], n: 2 }, "p[1]"],
    ["klBon", { p: [0.5, Number.NaN], n: 2 }, "p[1]"],
    ["klBon", { p: [0.5, "abc"], n: 2 }, "p[1]"],
    ["klBon", { p: [0.5, null], n: 2 }, "p[1]"],
    ["klBon", { p: [], n: 2 }, "p"],
    ["klBon", { p: "0.5", n: 2 }, "p"],
    ["klBon", { p: [0.5, 0.4], n: 2 }, "p"],
    ["klBon", { p: [0.5, 0.5], r: [1], n: 2 }, "r"],
    ["klBon", { p: [0.5, 0.5], r: [1, Number.POSITIVE_INFINITY], n: 2 }, "r[1]"],
    ["klBon", { p: [0.5, 0.5], n: 0 }, "n"],
    ["klBon", { p: [0.5, 0.5], n: 1.5 }, "n"],
    ["klBon", { p: [0.5, 0.5], n: 2 ** 53 }, "n"],
    ["klBon", { p: [0.5, 0.5], n: "12x" }, "n"],
    ["klEstimate", { n: 2, eps: 0 }, "eps"],
    ["klEstimate", { n: 2, eps: 1.5 }, "eps"],
    ["klEstimate", { n: 2, logEps: 0.1 }, "logEps"],
    ["klEstimate", { n: 2 }, "eps"],
    ["klEstimate", { n: 2, eps: 0.5, logEps: -1 }, "eps"],
    ["klMixture", { n: 2, components: [{ weight: 1, p: [0.5, 0.6] }] }, "components[0].p"],
  ];
  for (const [op, args, field] of cases) {
    test(`${op} ${JSON.stringify(args)} -> InputError on ${field}`, () => {
      let error: unknown;
      try {
        oracle.compute(op, args);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).field).toBe(field);
      expect((error as InputError).message.startsWith(`${field}: `)).toBe(true);
    });
  }

  test("sum within 1e-6 is accepted and normalised exactly", () => {
    const a = oracle.bonPmf({ p: [0.5000004, 0.5], n: 1 });
    expect(a[0]!.mid).toBeCloseTo(0.5000004 / 1.0000004, 15);
  });

  test("unknown op", () => {
    expect(() => oracle.compute("nope", {})).toThrow(oracle.UnknownOpError);
  });
});

describe("memory", () => {
  test("no MPFR number leaks over 1,000 cases, including failing ones", () => {
    const before = oracle.liveReals();
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 1e6 }), (w, n) => {
        const total = w.reduce((a, b) => a + b, 0);
        const p = total > 0 ? w.map((x) => x / total) : w;
        try {
          oracle.klBon({ p, n });
          oracle.klEstimateMean({ p, n });
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
        }
      }),
      { numRuns: STRYKER ? 100 : 1000, seed: SEED },
    );
    expect(oracle.liveReals()).toBe(before);
  });
});
