import { describe, expect, test } from "vitest";
import { klBon } from "./index.ts";
import { U, binaryEntropy, naiveKl, normalise, relErr } from "./test-helpers.ts";

describe("klBon closed forms", () => {
  test("Example 1: KL = log 2 - h(2^-n), n up to 1e9", () => {
    for (const n of [2, 3, 5, 10, 30, 52, 100, 1000, 1e6, 1e9, 2 ** 53 - 1]) {
      const want = Math.LN2 - binaryEntropy(2 ** -n);
      expect(relErr(klBon([0.5, 0.5], n), want)).toBeLessThan(16 * U);
    }
  });

  test("n = 1 gives exactly 0", () => {
    expect(klBon([0.1, 0.2, 0.7], 1)).toBe(0);
    expect(klBon([0.1, 0.2, 0.7], 1, [3, 1, 2])).toBe(0);
    expect(klBon([1e-300, 1 - 1e-300], 1)).toBe(0);
  });

  test("a single outcome or a single positive level gives 0", () => {
    expect(klBon([1], 12345)).toBe(0);
    expect(klBon([0, 1, 0], 7)).toBe(0);
    expect(klBon([0.5, 0.5], 9, [4, 4])).toBe(0);
  });

  test("two points (1-q, q), top mass q: independent formula", () => {
    // pi = ((1-q)^n, 1 - (1-q)^n); KL = A log(A/(1-q)) + B log(B/q), with A = (1-q)^n, B = q sum_{j<n} (1-q)^j.
    for (const q of [0.5, 0.25, 2 ** -4, 2 ** -12]) {
      for (const n of [2, 3, 10, 40]) {
        const a = (1 - q) ** n;
        let geometric = 0;
        for (let j = 0; j < n; j++) geometric += (1 - q) ** j;
        const b = q * geometric;
        const want = a * Math.log(a / (1 - q)) + b * Math.log(geometric);
        expect(relErr(klBon([1 - q, q], n), want)).toBeLessThan(1e-13);
      }
    }
  });

  test("concentrated mass keeps relative accuracy (KL ~ delta)", () => {
    for (const delta of [1e-6, 1e-10, 1e-15, 1e-100, 1e-300]) {
      // top outcome has 1 - delta: pi = (delta^2, 1 - delta^2) for n = 2.
      // KL = delta^2 log(delta) + (1 - delta^2) log((1 + delta)) since (1-delta^2)/(1-delta) = 1 + delta.
      const topHeavy = delta * delta * Math.log(delta) + (1 - delta * delta) * Math.log1p(delta);
      expect(relErr(klBon([delta, 1 - delta], 2), topHeavy)).toBeLessThan(1e-14);
      // bottom outcome has 1 - delta: pi = ((1-delta)^2, delta (2 - delta)).
      // KL = (1-delta)^2 log(1-delta) + delta (2-delta) log(2-delta).
      const bottomHeavy = (1 - delta) ** 2 * Math.log1p(-delta) + delta * (2 - delta) * Math.log(2 - delta);
      expect(relErr(klBon([1 - delta, delta], 2), bottomHeavy)).toBeLessThan(1e-14);
    }
  });

  test("uniform over L, n = 2: KL = sum_k (2k-1)/L^2 log((2k-1)/L); tends to log L for n >> L", () => {
    const L = 1000;
    const p = new Array<number>(L).fill(1 / L);
    let want = 0;
    for (let k = 1; k <= L; k++) want += ((2 * k - 1) / (L * L)) * Math.log((2 * k - 1) / L);
    expect(relErr(klBon(p, 2), want)).toBeLessThan(1e-13);
    // For n >> L the top outcome takes almost everything: KL -> log L.
    // P(top) = 1 - (1 - 1/L)^n: at n = 10^4 the rest keeps e^-10 of the mass, at n = 10^7 none.
    expect(Math.log(L) - klBon(p, 1e4)).toBeGreaterThan(1e-5);
    for (const n of [1e7, 1e9, 2 ** 53 - 1]) expect(relErr(klBon(p, n), Math.log(L))).toBeLessThan(16 * U);
  });

  test("matches Lemma 1 with Math.pow on moderate inputs", () => {
    const p = normalise([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]);
    for (const n of [2, 3, 8, 50, 333]) {
      expect(relErr(klBon(p, n), naiveKl(p, n))).toBeLessThan(1e-12);
    }
  });

  test("upper bound log n - (n-1)/n (Theorem 1) and KL >= 0", () => {
    const p = normalise(Array.from({ length: 50 }, (_, i) => 1 + ((i * 37) % 11)));
    for (const n of [2, 3, 10, 100, 1e4, 1e8]) {
      const kl = klBon(p, n);
      expect(kl).toBeGreaterThanOrEqual(0);
      expect(kl).toBeLessThanOrEqual((Math.log(n) - (n - 1) / n) * (1 + 8 * U));
    }
  });
});

describe("klBon with rewards", () => {
  test("ties: KL equals that of the grouped distribution", () => {
    const p = normalise([1, 2, 3, 4, 5, 6]);
    const r = [2, 0, 2, 1, 0, 5];
    const grouped = [p[1]! + p[4]!, p[3]!, p[0]! + p[2]!, p[5]!];
    for (const n of [2, 7, 100]) {
      expect(relErr(klBon(p, n, r), klBon(grouped, n))).toBeLessThan(1e-14);
    }
  });

  test("permutation invariance", () => {
    const p = normalise([5, 1, 0, 3, 2, 8, 1e-9]);
    const r = [0.3, -2, 7, 0.3, 1e9, -1e-9, 4];
    const perm = [3, 6, 0, 5, 1, 4, 2];
    for (const n of [2, 9, 1e5]) {
      const a = klBon(p, n, r);
      const b = klBon(perm.map((i) => p[i]!), n, perm.map((i) => r[i]!));
      expect(relErr(b, a)).toBeLessThan(4 * U);
    }
  });

  test("increasing rewards give the same KL as no rewards", () => {
    const p = normalise([2, 7, 1, 8, 2, 8]);
    expect(klBon(p, 13, [1, 2, 3, 4, 5, 6])).toBe(klBon(p, 13));
  });
});

describe("klBon at scale", () => {
  test("L = 10^6 uniform, n = 2, against the closed form", () => {
    // Under Stryker (vitest.stryker.config.ts sets BONKL_STRYKER=1) L = 10^4: the same code path, and the
    // instrumented sweep over 10^6 levels takes about 20 s per mutant.
    const L = process.env.BONKL_STRYKER === "1" ? 10_000 : 1_000_000;
    const p = new Array<number>(L).fill(1 / L);
    // sum_k (2k-1)/L^2 log((2k-1)/L) = sum_k (2k-1)/L^2 log(2k-1) - log L
    let s = 0;
    let c = 0;
    for (let k = 1; k <= L; k++) {
      const term = ((2 * k - 1) / (L * L)) * Math.log(2 * k - 1);
      const y = term - c;
      const t = s + y;
      c = t - s - y;
      s = t;
    }
    const want = s - Math.log(L);
    expect(relErr(klBon(p, 2), want)).toBeLessThan(1e-11);
  });
});
