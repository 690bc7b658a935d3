/**
 * Lemma 1 two ways: the MPFR enclosures of pi_n must contain the exact big.js fractions, for random small
 * distributions with and without ties and zero masses, numbers and decimal strings.
 */
import fc from "fast-check";
import Big from "big.js";
import { describe, expect, test } from "vitest";
import { bonPmf } from "../index.ts";
import { bigToFraction, exactBonPmf, exactDecimalOfDouble } from "./exact-pmf.ts";
import { enclosureContains } from "../../numerics/exact-compare.ts";

const SEED = 7;
/** Under Stryker (vitest.stryker.config.ts sets BONKL_STRYKER=1) fast-check runs fewer cases, same fixed seed. */
const STRYKER = process.env.BONKL_STRYKER === "1";

/** Random p: positive integers (some zero) normalised as doubles, or as exact decimal strings. */
const distribution = fc
  .record({
    weights: fc.array(fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.constant(0)), { minLength: 1, maxLength: 6 }),
    asStrings: fc.boolean(),
    rewards: fc.option(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 6, maxLength: 6 }), { nil: undefined }),
  })
  .filter((d) => d.weights.some((w) => w > 0))
  .map(({ weights, asStrings, rewards }) => {
    const total = weights.reduce((a, b) => a + b, 0);
    const p = asStrings
      ? weights.map((w, i) => (i === weights.length - 1 ? new Big(1).minus(weights.slice(0, -1).reduce((acc, x) => acc.plus(new Big(x).div(total).round(20)), new Big(0))).toString() : new Big(w).div(total).round(20).toString()))
      : weights.map((w) => w / total);
    return { p, r: rewards?.slice(0, weights.length) };
  })
  .filter((d) => d.p.every((x) => Number(x) >= 0));

describe("exact path (big.js) vs certified path (MPFR)", () => {
  test("exactDecimalOfDouble is exact", () => {
    expect(exactDecimalOfDouble(0.1)).toBe("0.1000000000000000055511151231257827021181583404541015625");
    expect(exactDecimalOfDouble(2 ** -1074)).toMatch(/^0\.0{323}4940656458412/);
    expect(exactDecimalOfDouble(3)).toBe("3");
    expect(exactDecimalOfDouble(-0.5)).toBe("-0.5");
  });

  test("the exact PMF sums to 1 and the enclosures contain it", () => {
    fc.assert(
      fc.property(distribution, fc.integer({ min: 1, max: 12 }), ({ p, r }, n) => {
        const exact = exactBonPmf(p, n, r);
        // exact sum of the fractions (bigint arithmetic): must be 1
        const sum = exact.reduce(
          (acc, f) => {
            const a = bigToFraction(f.num);
            const b = bigToFraction(f.den);
            const num = a.num * b.den;
            const den = a.den * b.num;
            return { num: acc.num * den + num * acc.den, den: acc.den * den };
          },
          { num: 0n, den: 1n },
        );
        expect(sum.num).toBe(sum.den);
        const enclosures = bonPmf({ p, n, r });
        exact.forEach((f, i) => {
          const num = bigToFraction(f.num);
          const den = bigToFraction(f.den);
          const value = { num: num.num * den.den, den: num.den * den.num };
          expect(enclosureContains(enclosures[i]!, value), `pi[${i}] for p=${JSON.stringify(p)} r=${JSON.stringify(r)} n=${n}`).toBe(true);
        });
      }),
      { numRuns: STRYKER ? 30 : 150, seed: SEED },
    );
  });

  test("a wrong tie rule is caught: Eq. (7) taken literally is not the PMF with ties", () => {
    // Eq. (7) literally gives each tied outcome F^n - F_-^n with F, F_- of the whole tie group
    const p = [0.25, 0.25, 0.5];
    const r = [1, 1, 0];
    const n = 3;
    const literal = 1 - 0.5 ** 3; // for each of the two tied outcomes
    const enclosures = bonPmf({ p, n, r });
    expect(enclosures[0]!.hiNumber).toBeLessThan(literal);
    expect(enclosures[0]!.mid).toBeCloseTo(literal / 2, 14);
  });
});
