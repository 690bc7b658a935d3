import { describe, expect, test } from "vitest";
import { bonPmf } from "./index.ts";
import { U, naivePmf, normalise, relErr, sum } from "./test-helpers.ts";

describe("bonPmf closed forms", () => {
  test("Example 1: p = (1/2, 1/2) gives (2^-n, 1 - 2^-n)", () => {
    for (const n of [1, 2, 3, 10, 52, 53, 60, 1000]) {
      const [low, high] = bonPmf([0.5, 0.5], n);
      // Documented model: relative error <= u (9 + 6 |n log F|) for F^n, here |n log 2|.
      expect(relErr(low!, 2 ** -n)).toBeLessThanOrEqual((9 + 6 * n * Math.LN2) * U);
      expect(relErr(high!, 1 - 2 ** -n)).toBeLessThanOrEqual(2 * U);
    }
    for (const n of [1074, 1075, 2000, 1e9, 2 ** 53 - 1]) {
      const [low, high] = bonPmf([0.5, 0.5], n);
      expect(Math.abs(low! - 2 ** -n)).toBeLessThanOrEqual(2 ** -1074); // subnormal or 0: absolute error
      expect(high).toBe(1);
    }
  });

  test("n = 1 gives p itself", () => {
    const p = [0.1, 0.2, 0, 0.3, 0.4];
    expect(bonPmf(p, 1)).toEqual(p.map((v) => v / sum(p)));
    expect(bonPmf(p, 1, [5, 4, 3, 2, 1])).toEqual(p.map((v) => v / sum(p)));
  });

  test("n = 1 with tied rewards still gives p_i / S in one rounding", () => {
    // multiples of 2^-22 summing to exactly 1: pi_1 = p itself, bit for bit
    for (const p of [
      [0.01864004135131836, 0.2493433952331543, 0.7320165634155273],
      [0.052408456802368164, 0.04833865165710449, 0.8992528915405273],
      [0.03658604621887207, 0.0068013668060302734, 0.9566125869750977],
    ]) {
      expect(p[0]! + p[1]! + p[2]!).toBe(1);
      expect(bonPmf(p, 1, [0, 0, 1])).toEqual(p);
    }
  });

  test("two points: ((1-q)^n, 1 - (1-q)^n)", () => {
    for (const q of [0.5, 0.25, 0.1, 2 ** -10, 2 ** -30]) {
      for (const n of [2, 3, 7, 20]) {
        const [low, high] = bonPmf([1 - q, q], n);
        // 1 - (1-q)^n = q sum_{j<n} (1-q)^j: a sum of positive terms, no cancellation in the reference.
        let geometric = 0;
        for (let j = 0; j < n; j++) geometric += (1 - q) ** j;
        expect(relErr(low!, (1 - q) ** n)).toBeLessThan(1e-14);
        expect(relErr(high!, q * geometric)).toBeLessThan(1e-14);
      }
    }
  });

  test("tiny top mass: 1 - (1-q)^n = n q (1 - (n-1) q / 2 + ...) without cancellation", () => {
    const q = 1e-12;
    const n = 1000;
    const [, high] = bonPmf([1 - q, q], n);
    const series = n * q * (1 - ((n - 1) * q) / 2 + ((n - 1) * (n - 2) * q * q) / 6);
    expect(relErr(high!, series)).toBeLessThan(1e-14);
  });

  test("matches Lemma 1 with Math.pow on moderate inputs", () => {
    const p = normalise([3, 1, 4, 1, 5, 9, 2, 6]);
    for (const n of [2, 5, 17]) {
      const got = bonPmf(p, n);
      const want = naivePmf(p, n);
      got.forEach((v, i) => expect(relErr(v, want[i]!)).toBeLessThan(1e-12));
    }
  });

  test("uniform over L: pi_k = (k/L)^n - ((k-1)/L)^n", () => {
    const L = 1000;
    const p = new Array<number>(L).fill(1 / L);
    const n = 3;
    const got = bonPmf(p, n);
    for (const k of [1, 2, 10, 500, 999, 1000]) {
      const want = (3 * k * k - 3 * k + 1) / L ** 3; // k^3 - (k-1)^3, exact in binary64 here
      expect(relErr(got[k - 1]!, want)).toBeLessThan(1e-13);
    }
  });
});

describe("bonPmf structure", () => {
  test("zero masses get probability 0 and do not disturb the others", () => {
    const withZeros = bonPmf([0, 0.25, 0, 0.75, 0], 4);
    const without = bonPmf([0.25, 0.75], 4);
    expect(withZeros).toEqual([0, without[0], 0, without[1], 0]);
  });

  test("sums to 1 within a few ulps and is non-negative", () => {
    const p = normalise(Array.from({ length: 200 }, (_, i) => ((i * 7919) % 101) + 1e-9 * i));
    for (const n of [2, 10, 1000, 2 ** 53 - 1]) {
      const pi = bonPmf(p, n);
      expect(pi.every((v) => v >= 0 && Number.isFinite(v))).toBe(true);
      expect(Math.abs(sum(pi) - 1)).toBeLessThan(64 * U);
    }
  });

  test("normalises p by its sum", () => {
    const p = [0.2, 0.3, 0.5000005];
    const got = bonPmf(p, 5);
    const want = bonPmf(normalise(p), 5);
    got.forEach((v, i) => expect(relErr(v, want[i]!)).toBeLessThan(1e-14));
  });

  test("with distinct rewards in increasing order, r changes nothing", () => {
    const p = normalise([1, 2, 3, 4]);
    expect(bonPmf(p, 7, [0.1, 0.2, 0.3, 0.4])).toEqual(bonPmf(p, 7));
  });

  test("rewards in any order: outcomes are ranked by r", () => {
    const p = normalise([1, 2, 3, 4]);
    const r = [3, -1, 10, 0];
    const byReward = [1, 3, 0, 2]; // indices in increasing reward
    const sortedPi = bonPmf(byReward.map((i) => p[i]!), 6);
    const pi = bonPmf(p, 6, r);
    byReward.forEach((i, rank) => expect(pi[i]).toBe(sortedPi[rank]));
  });

  test("ties reduce to the grouped distribution, shared in proportion to p", () => {
    const p = normalise([1, 2, 3, 4, 5]);
    const r = [1, 2, 1, 3, 2]; // groups {0,2} < {1,4} < {3}
    const n = 4;
    const pi = bonPmf(p, n, r);
    const grouped = bonPmf([p[0]! + p[2]!, p[1]! + p[4]!, p[3]!], n);
    expect(relErr(pi[0]! + pi[2]!, grouped[0]!)).toBeLessThan(1e-14);
    expect(relErr(pi[1]! + pi[4]!, grouped[1]!)).toBeLessThan(1e-14);
    expect(relErr(pi[3]!, grouped[2]!)).toBeLessThan(1e-14);
    expect(relErr(pi[2]! / pi[0]!, 3)).toBeLessThan(1e-14);
    // The tie rule: (p_i / g) ((F_- + g)^n - F_-^n)
    const g = p[1]! + p[4]!;
    const below = p[0]! + p[2]!;
    expect(relErr(pi[4]!, (p[4]! / g) * ((below + g) ** n - below ** n))).toBeLessThan(1e-13);
  });

  test("-0 and +0 rewards tie", () => {
    const p = [0.25, 0.25, 0.5];
    const pi = bonPmf(p, 3, [-0, 0, -1]);
    expect(pi[0]).toBe(pi[1]);
  });

  test("a zero-mass outcome in a tie group gets 0", () => {
    const pi = bonPmf([0.5, 0, 0.5], 3, [1, 2, 2]);
    expect(pi[1]).toBe(0);
    expect(relErr(pi[2]!, 1 - 0.125)).toBeLessThan(2 * U);
  });

  test("masses down to the smallest subnormal and n up to 2^53 - 1", () => {
    const p = [5e-324, 1e-300, 1e-200, 0.5 - 1e-200, 0.5];
    for (const n of [1, 2, 1e6, 2 ** 53 - 1]) {
      const pi = bonPmf(p, n);
      expect(pi.every((v) => v >= 0 && Number.isFinite(v))).toBe(true);
      expect(Math.abs(sum(pi) - 1)).toBeLessThan(8 * U);
    }
    // n = 2: the level of mass 1e-300 has F = 1e-300 + 5e-324, so pi = F^2 - F_-^2 underflows to 0.
    expect(bonPmf(p, 2)[1]).toBe(0);
    // The top outcome of mass 1/2 gets 1 - 2^-n.
    expect(relErr(bonPmf(p, 40)[4]!, 1 - 2 ** -40)).toBeLessThan(2 * U);
  });

  test("large L in one call", () => {
    // Under Stryker (vitest.stryker.config.ts sets BONKL_STRYKER=1) L = 5000: the same code path, 20 times faster.
    const L = process.env.BONKL_STRYKER === "1" ? 5_000 : 100_000;
    const p = new Array<number>(L).fill(1 / L);
    const pi = bonPmf(p, 2);
    expect(Math.abs(sum(pi) - 1)).toBeLessThan(1e-12);
    expect(relErr(pi[L - 1]!, (2 * L - 1) / (L * L))).toBeLessThan(1e-13);
  });
});
