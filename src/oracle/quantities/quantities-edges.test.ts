/**
 * The quantity functions at fixed working precisions, against values known independently: exact rationals,
 * hand derivations, and mpmath (50 digits, `from mpmath import *; mp.dps = 50`):
 *   log(18/7)                       = 0.94446160884085138710236985186004824773339652042389
 *   log(4/3)                        = 0.28768207245178092743921900599382743150350971089776
 *   log(15/16)                      = -0.064538521137571171672923915683992928128908625349754
 *   log(1 - exp(-1e-40))            = -92.103403719761827360719658187374568304044109545151
 *   log1p(-exp(-100))               = -3.7200759760208359629596958038631183373588923615716e-44
 *   log(1.75)/16 + 15 log(1.25)/16  = 0.24417306610303556392283217844839650900656879650509
 * Each enclosure must contain the exact value (lo <= exact <= hi) and be as narrow as its working precision
 * allows for a well-conditioned evaluation (the accuracy the certify loop relies on).
 */
import { describe, expect, test } from "vitest";
import { Distribution } from "../distribution.ts";
import { Enclosure, dyadicOf } from "../../numerics/enclosure.ts";
import type { Interval } from "../../numerics/interval.ts";
import { withArena } from "../../numerics/arena.ts";
import { compareDyadicRational, enclosureContains, enclosureMeetsDecimal } from "../../numerics/exact-compare.ts";
import type { Rational } from "../../numerics/rational.ts";
import { bonLevelPmf, bonLevels, bonPmf, logLevelProb } from "./bon-policy.ts";
import { complementPowerOf, epsFromLog, epsFromRational, estimators, logOneMinusPower } from "./estimators.ts";
import { estimatorMoments } from "./estimator-moments.ts";
import { collisionProbability, epsInfinity, epsInfinityMass, renyi, renyi2 } from "./renyi.ts";
import { klExample1 } from "./example1.ts";
import { mpfr, RNDU } from "../../numerics/mpfr.ts";

const enc = (v: Interval, prec: number): Enclosure => new Enclosure(dyadicOf(v.lo), dyadicOf(v.hi), prec);
/** v contains the value `ref` (given to `digits` digits) and is at most `relWidth` wide relative to it. */
function expectNear(v: Interval, prec: number, ref: string, digits: number, relWidth: number): void {
  const e = enc(v, prec);
  expect(enclosureMeetsDecimal(e, ref, digits), `${e.toString()} vs ${ref}`).toBe(true);
  expect(e.relativeWidth, e.toString()).toBeLessThanOrEqual(relWidth);
}

describe("collision probability (e^{-H_2}, Eq. 18) with denominators that do not divide each other", () => {
  test("p = (1/2, 1/3, 1/6): sum p^2 = 1/4 + 1/9 + 1/36 = 7/18 exactly, H_2 = log(18/7)", () => {
    const dist = Distribution.parse({ p: ["1/2", "1/3", "1/6"] });
    withArena(64, (arena) => {
      const c = enc(collisionProbability(arena, dist), 64);
      const exact: Rational = { num: 7n, den: 18n };
      expect(enclosureContains(c, exact)).toBe(true);
      expect(c.relativeWidth).toBeLessThanOrEqual(2 ** -62); // one outward rounding of 7/18
      expectNear(renyi2(arena, dist), 64, "0.94446160884085138710236985186004824773339652042389", 50, 2 ** -58);
    });
  });
});

describe("renyi for huge alpha: the sum is taken relative to the largest mass", () => {
  test("alpha = 1e300: H_alpha = log(4/3) alpha / (alpha - 1) + log(1 + 3^-alpha) / (1 - alpha), i.e. log(4/3), whichever order", () => {
    for (const p of [
      ["0.25", "0.75"],
      ["0.75", "0.25"],
    ]) {
      const dist = Distribution.parse({ p });
      withArena(64, (arena) => {
        // the relative correction alpha/(alpha-1) - 1 = 1e-300 is far below the 2^-55 tolerance
        expectNear(renyi(arena, dist, 1e300), 64, "0.28768207245178092743921900599382743150350971089776", 50, 2 ** -55);
      });
    }
  });
});

describe("eps_infinity (Eq. 20) with a tied top level", () => {
  // top reward level = outcomes 1 and 2 (reward 1): level mass 0.5, its largest single outcome 0.3
  const cases = [Distribution.parse({ p: ["0.1", "0.2", "0.3", "0.4"], r: [0, 1, 1, 0.5] }), Distribution.parse({ p: ["0.1", "0.3", "0.2", "0.4"], r: [0, 1, 1, 0.5] })];
  test("per level by default, the largest member per outcome", () => {
    for (const dist of cases) {
      const level = epsInfinityMass(dist);
      const outcome = epsInfinityMass(dist, "outcome");
      expect(level.num * 2n).toBe(level.den); // 1/2
      expect(outcome.num * 10n).toBe(outcome.den * 3n); // 3/10
      withArena(64, (arena) => {
        expect(enclosureContains(enc(epsInfinity(arena, dist), 64), { num: 1n, den: 2n })).toBe(true);
        expect(enc(epsInfinity(arena, dist), 64).width).toBe(0); // 1/2 is a point
        const e = enc(epsInfinity(arena, dist, "outcome"), 64);
        expect(enclosureContains(e, { num: 3n, den: 10n })).toBe(true);
        expect(e.relativeWidth).toBeLessThanOrEqual(2 ** -62);
      });
    }
  });
});

describe("Lemma 1 levels", () => {
  test("log P_k in log space: p = (1/4, 3/4), n = 2 gives P_1 = 1/16, P_2 = 15/16", () => {
    const dist = Distribution.parse({ p: ["0.25", "0.75"] });
    withArena(64, (arena) => {
      const levels = bonLevels(arena, dist, 2);
      expectNear(logLevelProb(arena, levels, 0), 64, "-2.7725887222397812376689284858327062723020005374410", 50, 2 ** -58); // log(1/16) = -4 log 2
      expectNear(logLevelProb(arena, levels, 1), 64, "-0.064538521137571171672923915683992928128908625349754", 50, 2 ** -50);
    });
  });
  test("log P_2 for a dominant top level, p = (1e-30, 1 - 1e-30), n = 2: log(1 - 1e-60), within 2^-60 at 64 bits", () => {
    const dist = Distribution.parse({ p: ["1e-30", "0.999999999999999999999999999999"] });
    withArena(64, (arena) => {
      const v = logLevelProb(arena, bonLevels(arena, dist, 2), 1);
      const e = enc(v, 64);
      // -1e-60 - 1e-120 < log(1 - 1e-60) < -1e-60
      expect(compareDyadicRational(e.lo, { num: -(10n ** 60n + 1n), den: 10n ** 120n })).toBeLessThanOrEqual(0);
      expect(compareDyadicRational(e.hi, { num: -1n, den: 10n ** 60n })).toBeGreaterThanOrEqual(0);
      expect(e.width).toBeLessThanOrEqual(2 ** -60);
    });
  });
  test("probabilities keep a non-negative lower end when F_k^n and F_{k-1}^n both underflow (n = 2e9)", () => {
    // F = 1/4, 1/2, 1: F_1^n and F_2^n lie far below MPFR's range, so P_2 = F_2^n - F_1^n is a difference of [0, tiny]s
    const dist = Distribution.parse({ p: ["0.25", "0.25", "0.5"] });
    withArena(64, (arena) => {
      for (const P of [...bonLevelPmf(arena, dist, 2e9), ...bonPmf(arena, dist, 2e9)]) {
        expect(compareDyadicRational(dyadicOf(P.lo), { num: 0n, den: 1n })).toBeGreaterThanOrEqual(0);
      }
    });
  });
});

describe("eps in its three forms (Eq. 26, 28 need log eps and log(1 - eps))", () => {
  test("eps = 1e-40 exactly: log(1 - eps) from log1p(-eps), relative 2^-60 at 64 bits", () => {
    withArena(64, (arena) => {
      const e = enc(epsFromRational(arena, { num: 1n, den: 10n ** 40n }).logOneMinusEps, 64);
      // -x - x^2 < log(1 - x) < -x for 0 < x < 1/2
      expect(compareDyadicRational(e.lo, { num: -(10n ** 40n + 1n), den: 10n ** 80n })).toBeLessThanOrEqual(0);
      expect(compareDyadicRational(e.hi, { num: -1n, den: 10n ** 40n })).toBeGreaterThanOrEqual(0);
      expect(e.relativeWidth).toBeLessThanOrEqual(2 ** -60);
    });
  });
  test("log eps = -1e-40 (eps just below 1): log(1 - eps) = log(1 - e^{-1e-40}), relative 2^-56 at 64 bits", () => {
    withArena(64, (arena) => {
      const pt = epsFromLog(arena, { num: -1n, den: 10n ** 40n });
      expectNear(pt.logOneMinusEps, 64, "-92.103403719761827360719658187374568304044109545151", 50, 2 ** -56);
    });
  });
  test("log eps = -100 (eps small): log(1 - e^{-100}), relative 2^-56 at 64 bits", () => {
    withArena(64, (arena) => {
      const pt = epsFromLog(arena, { num: -100n, den: 1n });
      expectNear(pt.logOneMinusEps, 64, "-3.7200759760208359629596958038631183373588923615716e-44", 50, 2 ** -56);
    });
  });
  test("n = 1: KLhat_1(eps) = log((1 - (1 - eps)) / eps) = 0 exactly, even for eps = e^{-1e9} below MPFR's range", () => {
    withArena(64, (arena) => {
      const v = estimators(arena, 1, epsFromLog(arena, { num: -(10n ** 9n), den: 1n }));
      expect(v.upper.isExactZero()).toBe(true);
    });
  });
});

describe("estimator moments under pi_n", () => {
  test("p = (1/4, 3/4), n = 2: E[KLhat_1] = pi_1 log(2 - 1/4) + pi_2 log(2 - 3/4) with pi = (1/16, 15/16); the variance is positive", () => {
    // KLhat_1(eps) = log((1 - (1 - eps)^2) / eps) = log(2 - eps) (Eq. 26, n = 2)
    const dist = Distribution.parse({ p: ["0.25", "0.75"] });
    withArena(64, (arena) => {
      const m = estimatorMoments(arena, dist, 2);
      expectNear(m.upperMean, 64, "0.24417306610303556392283217844839650900656879650509", 50, 2 ** -54);
      // variance = (1/16)(15/16) (log 1.75 - log 1.25)^2 = (15/256) log(1.4)^2 > 0.0066
      expect(m.upperVariance.loDouble()).toBeGreaterThan(0.0066);
    });
  });
});

describe("Example 1, Eq. (6), at the last n whose 2^-n MPFR represents", () => {
  test("n = 1073741000: log 2 - h(2^-n) < log 2, so the upper end is at most log 2 rounded up", () => {
    // h(x) > 0 for 0 < x < 1, so the exact value lies strictly below log 2 (by about n 2^-n log 2, far below an ulp)
    withArena(64, (arena) => {
      const v = klExample1(arena, 1_073_741_000);
      const log2Up = arena.real();
      mpfr.mpfr_const_log2(log2Up, RNDU);
      expect(mpfr.mpfr_lessequal_p(v.hi, log2Up)).not.toBe(0);
      expect(v.loDouble()).toBeLessThanOrEqual(Math.LN2); // Math.LN2 = RN(log 2) lies below log 2
    });
  });
});

describe("1 - (1 - eps)^n and its log alone (for callers that need no estimator)", () => {
  test("enclose the exact 1 - (1 - eps)^n (rational arithmetic) and its log (mpmath, 40 digits); 1 and 0 at eps = 1", () => {
    const power = (r: Rational, n: number): Rational => ({ num: r.num ** BigInt(n), den: r.den ** BigInt(n) });
    const drawn = (eps: Rational, n: number): Rational => {
      const q = power({ num: eps.den - eps.num, den: eps.den }, n);
      return { num: q.den - q.num, den: q.den };
    };
    // the log references: mpmath at 60 digits, log(-expm1(n log1p(-eps))), and log1p(-(2/3)^1000) for n = 1000
    const cases: [Rational, number, string][] = [
      [{ num: 1n, den: 3n }, 2, "-0.5877866649021190081897311406188637697694"],
      [{ num: 1n, den: 3n }, 1000, "-8.104774656527566670484265863285729725667e-177"],
      [{ num: 1n, den: 10n ** 300n }, 2, "-690.0823807176537598959802042838510857123"],
    ];
    for (const [eps, n, logRef] of cases) {
      withArena(192, (arena) => {
        const pt = epsFromRational(arena, eps);
        const c = complementPowerOf(arena, n, pt);
        expect(enclosureContains(enc(c, 192), drawn(eps, n)), `1 - (1 - ${eps.num}/${eps.den})^${n}`).toBe(true);
        const l = enc(logOneMinusPower(arena, n, pt, c), 192);
        expect(enclosureMeetsDecimal(l, logRef, 40), `${l.toString()} vs ${logRef}`).toBe(true);
        expect(l.width).toBeLessThanOrEqual(2 ** -120 * Math.max(1, Math.abs(Number(logRef)))); // absolute near log 1 = 0
      });
    }
    withArena(128, (arena) => {
      const pt = epsFromRational(arena, { num: 1n, den: 1n });
      const c = complementPowerOf(arena, 7, pt);
      expect([c.loDouble(), c.hiDouble()]).toEqual([1, 1]);
      const l = logOneMinusPower(arena, 7, pt, c);
      expect([l.loDouble(), l.hiDouble()]).toEqual([0, 0]);
    });
  });
});
