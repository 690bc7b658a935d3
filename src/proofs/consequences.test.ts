/**
 * The identities behind the section "Consequences" of spec/proofs.md, at random points against the oracle:
 * the telescoping identity KLhat(e) - KL(pi_n || p) = q (KLtilde_n - KL(pi'_n || p')) over reward levels, and the
 * exact decompositions used by the written proofs of Corollary 3 (from Theorem 3) and of KLhat <= KLhat_1.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { gapBoundCor3, klBon, klEstimate, klEstimateUpper, klFormula } from "../oracle/index.ts";
import { Interval, withArena, type Arena } from "./intervals.ts";
import { at, enclosureInterval, overlap, phiPoint, runs, TEST_PRECISION, width } from "./test-helpers.ts";

const SEED = 20261208;

function oracle(arena: Arena, e: { lo: { m: bigint; e: number }; hi: { m: bigint; e: number } }): Interval {
  return enclosureInterval(arena, e.lo, e.hi);
}

describe("the telescoping identity over reward levels", () => {
  test("KLhat(e) - KL(pi_n || p) = q (log n - (n-1)/n - KL(pi'_n || p')), e the top level's mass, p' the rest renormalised", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 2, maxLength: 6 }), fc.integer({ min: 1, max: 300 }), (weights, n) => {
        const total = weights.reduce((a, b) => a + b, 0);
        const top = weights[weights.length - 1] as number;
        const p = weights.map((w) => `${w}/${total}`); // outcomes in increasing reward order, exact ratios
        const rest = weights.slice(0, -1).map((w) => `${w}/${total - top}`);
        withArena(TEST_PRECISION, (arena) => {
          const kl = oracle(arena, klBon({ p, n }));
          const klRest = oracle(arena, klBon({ p: rest, n }));
          const estimate = oracle(arena, klEstimate({ n, eps: `${top}/${total}` }));
          const formula = oracle(arena, klFormula({ n }));
          const q = Interval.fromRational(arena, BigInt(total - top) ** BigInt(n), BigInt(total) ** BigInt(n));
          const left = estimate.sub(kl);
          const right = q.mul(formula.sub(klRest));
          expect(overlap(left, right)).toBe(true);
          expect(width(left) + width(right)).toBeLessThan(1e-25);
        });
      }),
      { seed: SEED, numRuns: runs(60) },
    );
  });
});

describe("decompositions of the written proofs", () => {
  const ns = fc.integer({ min: 2, max: 10 ** 6 });
  const es = fc.double({ min: 1e-6, max: 1 - 1e-9, noNaN: true });

  test("A - Cor3 = (e^-m - e^-y) log m - (1 - e^-y) log(1 - e^-y) + v + (1 - v) e^-y (1 + y), m = n e", () => {
    fc.assert(
      fc.property(es, ns, (e, n) => {
        withArena(TEST_PRECISION, (arena) => {
          const E = at(arena, e);
          const y = E.neg().log1p().neg().scale(n);
          const v = Interval.fromRational(arena, 1n, BigInt(n));
          const m = E.scale(n);
          const expY = y.neg().exp();
          const oneMinusExpY = y.neg().expm1().neg();
          const ours = m.neg().exp().sub(expY).mul(m.log()).sub(oneMinusExpY.mul(oneMinusExpY.log())).add(v).add(v.neg().addDouble(1).mul(expY).mul(y.addDouble(1)));
          const theirs = oracle(arena, klFormula({ n })).sub(oracle(arena, klEstimate({ n, eps: e }))).sub(oracle(arena, gapBoundCor3({ n, eps: e })));
          expect(overlap(ours, theirs)).toBe(true);
          expect(width(theirs)).toBeLessThan(1e-20);
        });
      }),
      { seed: SEED + 1, numRuns: runs(100) },
    );
  });

  test("KLhat_1 - KLhat = e^-y ((1 - v)(1 + y) - phi(vy) + phi(y))", () => {
    fc.assert(
      fc.property(es, ns, (e, n) => {
        withArena(TEST_PRECISION, (arena) => {
          const y = at(arena, -e).log1p().neg().scale(n);
          const v = Interval.fromRational(arena, 1n, BigInt(n));
          const ours = y.neg().exp().mul(v.neg().addDouble(1).mul(y.addDouble(1)).sub(phiPoint(v.mul(y))).add(phiPoint(y)));
          const theirs = oracle(arena, klEstimateUpper({ n, eps: e })).sub(oracle(arena, klEstimate({ n, eps: e })));
          expect(overlap(ours, theirs)).toBe(true);
        });
      }),
      { seed: SEED + 2, numRuns: runs(100) },
    );
  });
});
