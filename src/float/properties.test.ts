import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { bonPmf, epsInfinity, klBon, klEstimate, klEstimateUpper, klFormula, renyi2 } from "./index.ts";
import { U, normalise, relErr, sum } from "./test-helpers.ts";

/** Masses over the whole binary64 range: zeros, ordinary values, powers of two down to 2^-1074, tiny values. */
const mass = fc.oneof(
  fc.constant(0),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.integer({ min: -1074, max: 0 }).map((e) => 2 ** e),
  fc.double({ min: 1e-320, max: 1e-6, noNaN: true }),
);

/** A (reward, mass) outcome; rewards drawn from a few values so that ties are common. */
const outcomes = fc
  .array(fc.tuple(mass, fc.integer({ min: -3, max: 3 })), { minLength: 1, maxLength: 40 })
  .filter((xs) => xs.some(([w]) => w > 0))
  .map((xs) => ({ p: normalise(xs.map(([w]) => w)), r: xs.map(([, r]) => r) }));

const n = fc.oneof(
  fc.integer({ min: 1, max: 64 }),
  fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  fc.constantFrom(1, 2, 1000, 1e9, 2 ** 53 - 1),
);

const finite = (v: number) => Number.isFinite(v) && !Number.isNaN(v);
/** Under Stryker (vitest.stryker.config.ts sets BONKL_STRYKER=1) fast-check runs fewer cases, same fixed seeds. */
const STRYKER = process.env.BONKL_STRYKER === "1";
const options = (seed: number) => ({ numRuns: STRYKER ? 60 : 200, seed });

describe("properties over wide inputs", () => {
  test("bonPmf: finite, non-negative, sums to 1 within a few ulps; zero masses get 0", () => {
    fc.assert(
      fc.property(outcomes, n, fc.boolean(), ({ p, r }, count, withR) => {
        const pi = bonPmf(p, count, withR ? r : undefined);
        expect(pi.length).toBe(p.length);
        pi.forEach((v, i) => {
          expect(finite(v) && v >= 0).toBe(true);
          if (p[i] === 0) expect(v).toBe(0);
        });
        expect(Math.abs(sum(pi) - 1)).toBeLessThanOrEqual((32 + 2 * p.length) * U);
      }),
      options(1),
    );
  });

  test("klBon: finite, 0 <= KL <= log n - (n-1)/n (Theorem 1); exactly 0 for n = 1", () => {
    fc.assert(
      fc.property(outcomes, n, fc.boolean(), ({ p, r }, count, withR) => {
        const kl = klBon(p, count, withR ? r : undefined);
        expect(finite(kl)).toBe(true);
        expect(kl).toBeGreaterThanOrEqual(0);
        expect(kl).toBeLessThanOrEqual(klFormula(count) * (1 + 16 * U) + 1e-300);
        if (count === 1) expect(kl).toBe(0);
      }),
      options(2),
    );
  });

  test("klBon agrees with sum_i pi_i log(pi_i / q_i) over bonPmf's output", () => {
    fc.assert(
      fc.property(outcomes, n, ({ p, r }, count) => {
        const pi = bonPmf(p, count, r);
        const total = sum(p);
        let kl = 0;
        let scale = 0;
        pi.forEach((v, i) => {
          if (v > 0) {
            const term = v * Math.log(v / (p[i]! / total));
            kl += term;
            scale += Math.abs(term) + v * (Math.abs(Math.log(v)) + 1);
          }
        });
        // Per-outcome pi_i carry relative errors up to u (9 + 6 |n log F|) <= u (9 + 6 * 745).
        expect(Math.abs(klBon(p, count, r) - kl)).toBeLessThanOrEqual(4600 * U * scale + 1e-300);
      }),
      options(3),
    );
  });

  test("with rewards: permuting outcomes permutes pi and keeps KL", () => {
    fc.assert(
      fc.property(
        outcomes.chain(({ p, r }) =>
          fc.tuple(fc.constant({ p, r }), fc.shuffledSubarray(p.map((_, i) => i), { minLength: p.length })),
        ),
        n,
        ([{ p, r }, perm], count) => {
          const pi = bonPmf(p, count, r);
          const permuted = bonPmf(perm.map((i) => p[i]!), count, perm.map((i) => r[i]!));
          perm.forEach((i, j) => {
            if (pi[i]! > 1e-290) expect(relErr(permuted[j]!, pi[i]!)).toBeLessThan(1e-12);
            else expect(Math.abs(permuted[j]! - pi[i]!)).toBeLessThan(1e-290);
          });
          const kl = klBon(p, count, r);
          const klPermuted = klBon(perm.map((i) => p[i]!), count, perm.map((i) => r[i]!));
          expect(Math.abs(klPermuted - kl)).toBeLessThanOrEqual(1e-13 * kl + 1e-300);
        },
      ),
      options(4),
    );
  });

  test("ties reduce to the grouped distribution", () => {
    fc.assert(
      fc.property(outcomes, n, ({ p, r }, count) => {
        const levels = [...new Set(r)].sort((a, b) => a - b);
        const grouped = levels.map((level) => sum(p.filter((_, i) => r[i] === level)));
        const pi = bonPmf(p, count, r);
        const groupedPi = bonPmf(grouped, count);
        levels.forEach((level, k) => {
          const got = sum(pi.filter((_, i) => r[i] === level));
          if (groupedPi[k]! > 1e-290) expect(relErr(got, groupedPi[k]!)).toBeLessThan(1e-12);
        });
        const kl = klBon(p, count, r);
        expect(Math.abs(kl - klBon(grouped, count))).toBeLessThanOrEqual(1e-12 * kl + 1e-300);
      }),
      options(5),
    );
  });

  test("renyi2 and epsInfinity: finite and in range", () => {
    fc.assert(
      fc.property(outcomes, ({ p, r }) => {
        const h2 = renyi2(p);
        expect(finite(h2) && h2 >= 0).toBe(true);
        expect(h2).toBeLessThanOrEqual(Math.log(p.length) * (1 + 8 * U));
        const shannon = -sum(p.map((q) => (q > 0 ? q * Math.log(q) : 0)));
        expect(h2).toBeLessThanOrEqual(shannon * (1 + 1e-12) + 1e-300);
        for (const e of [epsInfinity(p), epsInfinity(p, r)]) expect(e > 0 && e <= 1 + 4 * U).toBe(true);
      }),
      options(6),
    );
  });

  test("estimators: finite, KLhat_1 in [0, log n], KLhat >= 0, eps and logEps agree", () => {
    const logEps = fc.oneof(
      fc.double({ min: -50, max: 0, noNaN: true }),
      fc.double({ min: -1e300, max: -50, noNaN: true }),
      fc.double({ min: -1e-12, max: 0, noNaN: true }),
    );
    fc.assert(
      fc.property(n, logEps, (count, le) => {
        const upper = klEstimateUpper(count, { logEps: le });
        const est = klEstimate(count, { logEps: le });
        expect(finite(upper) && finite(est)).toBe(true);
        expect(upper).toBeGreaterThanOrEqual(0);
        expect(upper).toBeLessThanOrEqual(Math.log(count) * (1 + 4 * U));
        expect(est).toBeGreaterThanOrEqual(0);
        const eps = Math.exp(le);
        if (eps > 0) {
          // exp(le) is within 1/2 ulp of e^le: relatively a tiny move of eps, but near eps = 1 an absolute move
          // of up to 2^-54 in 1 - eps, which the values (~ 1 - eps there) follow.
          const slack = 2 ** -50;
          expect(Math.abs(klEstimateUpper(count, { eps }) - upper)).toBeLessThanOrEqual(1e-12 * upper + slack);
          expect(Math.abs(klEstimate(count, { eps }) - est)).toBeLessThanOrEqual(1e-12 * est + slack);
        }
      }),
      options(7),
    );
  });
});
