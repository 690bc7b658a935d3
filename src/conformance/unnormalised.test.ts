import { describe, expect, test } from "vitest";
import { bonPmf, dyadicToNumber, klBon, renyi2 } from "../oracle/index.ts";
import { doubleToDyadic } from "../numerics/dyadic.ts";
import { exactSum, isOne, sumOffset, unnormalisedKl, unnormalisedPmf, unnormalisedRenyi2 } from "./unnormalised.ts";

const mid = (e: { lo: { m: bigint; e: number }; hi: { m: bigint; e: number } }) => (dyadicToNumber(e.lo) + dyadicToNumber(e.hi)) / 2;

describe("the exact sum of p", () => {
  test("sums the doubles exactly, zeros skipped; null unless every mass is a finite JSON number", () => {
    expect(exactSum([0.5, 0.25, 0, 0.25])).toEqual({ m: 2n ** 54n, e: -54 }); // exact, at the smallest mass's exponent
    expect(isOne(exactSum([0.5, 0.25, 0, 0.25])!)).toBe(true);
    const third = 1 / 3;
    const s = exactSum([third, third, third])!; // 3 x the double nearest 1/3 is 1 - 2^-54 exactly
    expect(isOne(s)).toBe(false);
    expect(sumOffset(s)).toBe(-(2 ** -54));
    expect(exactSum(["0.5", 0.5])).toBeNull();
    expect(exactSum([Number.NaN])).toBeNull();
    expect(sumOffset(exactSum([])!)).toBe(-1);
    expect(exactSum([1e-300, 1])).toEqual({ m: doubleToDyadic(1e-300).m + (1n << BigInt(-doubleToDyadic(1e-300).e)), e: doubleToDyadic(1e-300).e });
    expect(exactSum([0.5, "0.5"])).toBeNull();
  });

  test("isOne and sumOffset on dyadics of any exponent", () => {
    expect(isOne({ m: 4n, e: -2 })).toBe(true);
    expect(isOne({ m: 1n, e: 0 })).toBe(true);
    expect(isOne({ m: 1n, e: 1 })).toBe(false);
    expect(isOne({ m: 0n, e: 0 })).toBe(false);
    expect(isOne({ m: 3n, e: -2 })).toBe(false);
    expect(sumOffset({ m: 3n, e: 0 })).toBe(2);
    expect(sumOffset({ m: 1n, e: 1 })).toBe(1);
    expect(sumOffset({ m: 5n, e: -2 })).toBe(0.25);
  });
});

describe("the unnormalised readings (p as given)", () => {
  // p as given (0.25, 0.25) sums to 1/2; the oracle is asked for the normalised (1/2, 1/2)
  const p = [0.5, 0.5];
  const S = exactSum([0.25, 0.25])!;

  test("bonPmf: S^n pi_i", () => {
    const reading = unnormalisedPmf(S, 3, bonPmf({ p, n: 3 }));
    // normalised (1/2, 1/2), n = 3: pi = (1/8, 7/8); times (1/2)^3
    expect(mid(reading[0]!)).toBeCloseTo(1 / 64, 15);
    expect(mid(reading[1]!)).toBeCloseTo(7 / 64, 15);
  });

  test("klBon: S^n (KL + (n - 1) log S)", () => {
    const kl = klBon({ p, n: 3 });
    const reading = unnormalisedKl(S, 3, kl);
    expect(mid(reading)).toBeCloseTo(0.125 * (kl.mid + 2 * Math.log(0.5)), 14);
    // what the formula computes directly from p as given: sum pi' log(pi' / p)
    const direct = (1 / 64) * Math.log(1 / 64 / 0.25) + (7 / 64) * Math.log(7 / 64 / 0.25);
    expect(mid(reading)).toBeCloseTo(direct, 14);
  });

  test("renyi2: H_2 - 2 log S, which is -log sum p_i^2 of p as given", () => {
    const reading = unnormalisedRenyi2(S, renyi2({ p }));
    expect(mid(reading)).toBeCloseTo(-Math.log(0.25 * 0.25 * 2), 14);
  });

  test("the readings are enclosures: lo <= hi", () => {
    const r = unnormalisedKl(S, 3, klBon({ p, n: 3 }));
    expect(dyadicToNumber(r.lo)).toBeLessThanOrEqual(dyadicToNumber(r.hi));
  });
});
