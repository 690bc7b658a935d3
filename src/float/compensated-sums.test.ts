/**
 * Every compensated sum of the float library, on inputs where plain summation loses about 1e-14 relative: K masses
 * of 2^-54 (or 2^-56) next to 1/2 (or 1/4), each of which a plain sum rounds away. The sums involved are then exact
 * doubles, so the expected values follow by hand from a few correctly rounded operations (a few ulps), while losing
 * the crumbs would cost about 100 ulps.
 */
import { describe, expect, test } from "vitest";
import { bonPmf, epsInfinity, klBon, renyi2 } from "./index.ts";
import { U, relErr } from "./test-helpers.ts";

const K = 200;
const CRUMB = 2 ** -54;
const crumbs = (size = CRUMB, count = K): number[] => Array<number>(count).fill(size);
const ones = (reward: number): number[] => Array<number>(K).fill(reward);
/** The exact sum 1 + K 2^-54 (a double: 1 + 50 2^-52). */
const TOTAL = 1 + K * CRUMB;
/** 1/2 + K 2^-54 (a double: 1/2 + 100 2^-53). */
const HALF_PLUS = 0.5 + K * CRUMB;
/** 1 - (F/S)^2 for F = HALF_PLUS, S = TOTAL: (S - F)(S + F) / S^2, with S - F = 1/2 and S + F exact. */
const TOP_P = (0.5 * (TOTAL + HALF_PLUS)) / (TOTAL * TOTAL);
/** What the top level would get if F had lost its crumbs. */
const TOP_P_LOST = 1 - (0.5 / TOTAL) ** 2;

test("the crumbs are lost to plain summation, and worth about 100 ulps here", () => {
  expect([0.5, ...crumbs(), 0.5].reduce((a, b) => a + b, 0)).toBe(1);
  expect(relErr(TOP_P_LOST, TOP_P)).toBeGreaterThan(80 * U);
});

describe("the sum of p (validate.ts) normalises everything", () => {
  test("bonPmf at n = 1 is p / S with the exact S", () => {
    const pi = bonPmf([0.5, ...crumbs(), 0.5], 1);
    expect(pi[0]).toBe(0.5 / TOTAL);
    expect(pi[K + 1]).toBe(0.5 / TOTAL);
    expect(pi[1]).toBe(CRUMB / TOTAL);
  });
  test("epsInfinity without rewards: the last positive mass over the exact S", () => {
    expect(epsInfinity([0.5, ...crumbs(), 0.5, 0])).toBe(0.5 / TOTAL);
  });
});

describe("cumulative masses (cumulative-masses.ts) and level masses (reward-levels.ts)", () => {
  test("without rewards: F_- of the top outcome keeps its crumbs", () => {
    expect(relErr(bonPmf([0.5, ...crumbs(), 0.5], 2)[K + 1]!, TOP_P)).toBeLessThanOrEqual(30 * U);
  });
  test("with tied rewards, already sorted: the level mass keeps its crumbs", () => {
    const pi = bonPmf([0.5, ...crumbs(), 0.5], 2, [1, ...ones(1), 2]);
    expect(relErr(pi[K + 1]!, TOP_P)).toBeLessThanOrEqual(30 * U);
    // the low level gets (g/S)^2, shared in proportion: the 1/2 gets 0.5 / g of it
    expect(relErr(pi[0]!, (HALF_PLUS / TOTAL) ** 2 * (0.5 / HALF_PLUS))).toBeLessThanOrEqual(30 * U);
  });
  test("with tied rewards in any order (the radix-sorted path), for bonPmf and klBon", () => {
    const p = [0.5, 0.5, ...crumbs()];
    const r = [2, 1, ...ones(1)];
    expect(relErr(bonPmf(p, 2, r)[0]!, TOP_P)).toBeLessThanOrEqual(30 * U);
    // KL = P1 log(P1 / q1) + P2 log(P2 / q2), q1 = g/S, P1 = q1^2, q2 = 1/(2S), P2 = 1 - P1
    const q1 = HALF_PLUS / TOTAL;
    const kl = q1 * q1 * Math.log(q1) + TOP_P * Math.log(TOP_P / (0.5 / TOTAL));
    expect(relErr(klBon(p, 2, r), kl)).toBeLessThanOrEqual(32 * U);
  });
  test("epsInfinity with rewards: the top tie group's compensated mass over the exact S", () => {
    expect(epsInfinity([0.5, 0.5, ...crumbs()], [0, 1, ...ones(1)])).toBe(HALF_PLUS / TOTAL);
    expect(epsInfinity([0.5, ...crumbs(), 0.5], [1, ...ones(1), 0])).toBe(HALF_PLUS / TOTAL);
  });
});

describe("renyi2 (renyi2.ts): the masses other than the largest", () => {
  test("R = 1/4 + K 2^-56 survives next to M = 3/4", () => {
    // D = (2 M R + (R^2 - Q)) / S^2 with R^2 - Q = 2 (1/4) K 2^-56 + (K^2 - K) 2^-112; H_2 = -log1p(-D)
    const R = 0.25 + K * 2 ** -56;
    const S = 1 + K * 2 ** -56;
    const D = (2 * 0.75 * R + (0.5 * K * 2 ** -56 + (K * K - K) * 2 ** -112)) / (S * S);
    const p = [0.75, 0.25, ...crumbs(2 ** -56)];
    expect(relErr(renyi2(p), -Math.log1p(-D))).toBeLessThanOrEqual(16 * U);
    expect(relErr(-Math.log1p(-(2 * 0.75 * 0.25) / (S * S)), -Math.log1p(-D))).toBeGreaterThan(50 * U);
  });
});

describe("the level sweep (level-sweep.ts): log F_k and the KL", () => {
  test("log F_k = sum of d_j keeps the crumbs' d_j ~ -2^-54 next to log(1/4)", () => {
    // p = (1/4, K crumbs of 2^-56, 3/4): F_0 = (1/4) / S with S = 1 + K 2^-56, so P_0 = F_0^n =
    // 2^-2n exp(-n log1p(K 2^-56)) (a power of two times a correctly rounded exp: a reference within an ulp or two).
    // Losing the crumbs' d_j (a quarter ulp of log F each) would shift n log F_0 by n K 2^-54 ~ 5e4 u.
    const n = 500;
    const p0 = bonPmf([0.25, ...crumbs(2 ** -56), 0.75], n)[0]!;
    const want = 2 ** (-2 * n) * Math.exp(-n * Math.log1p(K * 2 ** -56));
    const a = n * Math.log(0.25);
    expect(relErr(p0, want)).toBeLessThanOrEqual((18 + 6 * Math.abs(a)) * U);
  });

  test("the KL sum keeps terms far below an ulp of the running sum", () => {
    // p = (1/4, M crumbs t = 2^-56, 3/4), n = 2, S = 1 + M t (a double for M = 3008). By Lemma 1, with F_j the mass
    // at or below the j-th crumb: P_0 = (1/4 / S)^2, P_j = t (1/2 + (2j - 1) t) / S^2, P_top = 3/4 (S + 1/4 + M t) / S^2,
    // and log(P/g) = log(1/4 / S), log((1/2 + (2j - 1) t) / S), log1p((1/4 + M t) / S). The crumbs' terms
    // (about -5e-18 each) come after the top term (~0.21, half an ulp 1.4e-17) and add up to about -1.4e-14.
    const M = 3008;
    const t = 2 ** -56;
    const S = 1 + M * t;
    const terms: number[] = [];
    const bound: number[] = []; // P (|n log F| + |log(P/g)| + log n + 1), the documented error model's B
    const add = (P: number, l: number, logF: number): void => {
      terms.push(P * l);
      bound.push(P * (Math.abs(2 * logF) + Math.abs(l) + Math.LN2 + 1));
    };
    add(0.25 * ((S + 0.25 + M * t) / (S * S)) * 3, Math.log1p((0.25 + M * t) / S), 0);
    for (let j = M; j >= 1; j--) {
      const Fj = (0.25 + j * t) / S;
      add((t * (0.5 + (2 * j - 1) * t)) / (S * S), Math.log((0.5 + (2 * j - 1) * t) / S), Math.log(Fj));
    }
    add((0.25 / S) ** 2, Math.log(0.25 / S), Math.log(0.25 / S));
    // Neumaier-compensated reference sum (each term is within a few ulps; the sum is exact to about u)
    let s = 0;
    let c = 0;
    for (const v of terms) {
      const x = s + v;
      c += Math.abs(s) >= Math.abs(v) ? s - x + v : v - x + s;
      s = x;
    }
    const want = s + c;
    const B = bound.reduce((x, y) => x + y, 0);
    expect(Math.abs(klBon([0.25, ...crumbs(t, M), 0.75], 2) - want)).toBeLessThanOrEqual(16 * U * B);
    // the crumbs matter at this tolerance
    expect(Math.abs(terms.slice(1, M + 1).reduce((x, y) => x + y, 0))).toBeGreaterThan(3 * 16 * U * B);
  });
});
