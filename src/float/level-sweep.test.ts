/**
 * The level sweep (level-sweep.ts) against exact values: binary rationals raised to small integer powers with
 * BigInt, rounded once to binary64, so that the references carry no error of their own beyond that rounding.
 */
import { describe, expect, test } from "vitest";
import { bonPmf, klBon } from "./index.ts";
import { checkedKl, sweepLevels } from "./level-sweep.ts";
import { U, relErr } from "./test-helpers.ts";

/** num / den (positive BigInts) rounded to binary64 (80 quotient bits, then one rounding; normal range only). */
function ratio(num: bigint, den: bigint): number {
  const shift = den.toString(2).length - num.toString(2).length + 80;
  const q = shift >= 0 ? (num << BigInt(shift)) / den : num / (den << BigInt(-shift));
  return Number(q) * 2 ** -shift;
}

describe("sweepLevels at n = 1", () => {
  test("writes p / S into levelProb and returns KL = 0", () => {
    const prob = new Float64Array(3);
    expect(sweepLevels(Float64Array.from([1, 0, 3]), 1, prob)).toBe(0);
    expect(Array.from(prob)).toEqual([0.25, 0, 0.75]);
  });
});

describe("series regime (x <= 2^-10, n x <= 2^-5): top level of p = (1 - 2^-e, 2^-e)", () => {
  // pi = ((1 - q)^n, 1 - (1 - q)^n) with q = 2^-e, exact rationals; the top level is in the series regime
  // (x = q exactly, n q <= 2^-5) with F = 1, so its P is m alone (relative error <= 7u by the error model) and the
  // KL (two terms, no cancellation to speak of) is within a few ulps.
  for (const [e, n] of [
    [10, 32],
    [11, 64],
  ] as const) {
    test(`q = 2^-${e}, n = ${n}`, () => {
      const q = 2 ** -e;
      const denominator = 2n ** BigInt(e * n);
      const lowExact = (2n ** BigInt(e) - 1n) ** BigInt(n);
      const top = ratio(denominator - lowExact, denominator);
      const low = ratio(lowExact, denominator);
      const [gotLow, gotTop] = bonPmf([1 - q, q], n);
      expect(relErr(gotTop!, top)).toBeLessThanOrEqual(7 * U);
      expect(relErr(gotLow!, low)).toBeLessThanOrEqual(2 * U);
      // KL = P_top log(P_top / q) + P_low log((1 - q)^(n-1))
      const kl = top * Math.log(top / q) + low * (n - 1) * Math.log1p(-q);
      expect(relErr(klBon([1 - q, q], n), kl)).toBeLessThanOrEqual(16 * U);
    });
  }
});

describe("general regime: d = log1p(-x) keeps log F relative-accurate for small x", () => {
  test("p = (S - b, b) with S near 1 + 2^-30: P_low = (1 - b/S)^n with n |log F| ~ 100", () => {
    // F_low / F_top = (S - b)/S is not a double, so log of its rounding would be off by up to u/2 absolute, i.e.
    // a relative error of about u / (2 x) in d and up to n u / 2 ~ 5e5 u in P_low; log1p(-x) is off by about x u.
    for (const [b, n] of [
      [1e-4, 1e6],
      [7e-5, 2e6],
    ] as const) {
      const rest = 1 + 2 ** -30 - b;
      const a = n * Math.log1p(-b / (rest + b)); // reference: relative error about u in b/S, so about |a| u in a
      const [low] = bonPmf([rest, b], n);
      // the documented u (18 + 6 |a|), plus the reference's own 2 |a| u
      expect(relErr(low!, Math.exp(a))).toBeLessThanOrEqual((18 + 8 * Math.abs(a)) * U);
    }
  });
});

describe("long runs of series-regime levels: the chained powers stay within the documented bound", () => {
  // Uniform p over L: level k has x = 1/k, so every level from k = 1024 up is in the series regime, and F^n is carried
  // down the chain E_{k-1} = E_k (1 - m_k). Exact P_k = (k^n - (k-1)^n) / L^n (numerator and L^n below 2^53, so one
  // rounding in the division); documented: relative error <= u (18 + 6 |a|), a = n log(k / L).
  for (const [L, n] of [
    [100_000, 2],
    [100_000, 3],
  ] as const) {
    test(`L = ${L}, n = ${n}`, () => {
      const got = bonPmf(new Array<number>(L).fill(1 / L), n);
      const denominator = Number(BigInt(L) ** BigInt(n));
      let worst = 0;
      for (let k = 1; k <= L; k++) {
        const want = Number(BigInt(k) ** BigInt(n) - BigInt(k - 1) ** BigInt(n)) / denominator;
        worst = Math.max(worst, relErr(got[k - 1]!, want) / (U * (18 + 6 * Math.abs(n * Math.log(k / L)))));
      }
      expect(worst).toBeLessThanOrEqual(1);
    });
  }
});

describe("checkedKl: the documented sign rule of a computed KL", () => {
  // header: KL >= 0 exactly and the computed value is within 16 u (2 log n + 3) of it; below 0 within that bound is
  // 0, beyond it an internal error
  test("a KL above 0 is returned as computed; 0 and -0 as +0", () => {
    for (const kl of [Number.MIN_VALUE, 1e-300, 0.25, Math.log(1e6)]) expect(Object.is(checkedKl(kl, 7), kl)).toBe(true);
    expect(Object.is(checkedKl(0, 7), 0)).toBe(true);
    expect(Object.is(checkedKl(-0, 7), 0)).toBe(true);
  });
  test("slightly below 0: 0 within the bound, an internal error beyond it", () => {
    for (const n of [2, 7, 1e6, 2 ** 53]) {
      const bound = 16 * 2 ** -53 * (2 * Math.log(n) + 3);
      expect(Object.is(checkedKl(-0.99 * bound, n), 0), `n = ${n}`).toBe(true);
      expect(Object.is(checkedKl(-bound, n), 0), `n = ${n}, at the bound`).toBe(true); // within: the bound included
      expect(Object.is(checkedKl(-Number.MIN_VALUE, n), 0), `n = ${n}`).toBe(true);
      expect(() => checkedKl(-1.01 * bound, n), `n = ${n}`).toThrow(/^internal: KL computed as -[0-9.e-]+, below its rounding bound -[0-9.e-]+$/);
    }
    expect(() => checkedKl(-0.5, 2)).toThrow("internal: KL computed as -0.5, below its rounding bound -");
  });
});
