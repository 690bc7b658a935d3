/**
 * The radix sort behind reward levels: the exact permutation of a stable comparison sort (ties in input order, -0
 * tied with +0), keys that are equal exactly when the values are, every 11-bit digit of the 64-bit key (including the
 * one that straddles the two 32-bit words), and the levels built from it.
 */
import { describe, expect, test } from "vitest";
import { ascendingOrder } from "./radix-order.ts";
import { rewardLevels } from "./reward-levels.ts";

/** The permutation a stable comparison sort gives (-0 and +0 compare equal). */
const stableOrder = (values: readonly number[]): number[] => values.map((_, i) => i).sort((a, b) => (values[a]! < values[b]! ? -1 : values[a]! > values[b]! ? 1 : a - b));

/** A deterministic shuffle (linear congruential), so failures are reproducible. */
function shuffled<T>(xs: readonly T[], seed = 7): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function checkSort(values: number[]): void {
  const { order, keyHi, keyLo } = ascendingOrder(Float64Array.from(values));
  expect(Array.from(order)).toEqual(stableOrder(values));
  for (let j = 1; j < order.length; j++) {
    const sameValue = values[order[j]!] === values[order[j - 1]!];
    const sameKey = keyHi[j] === keyHi[j - 1] && keyLo[j] === keyLo[j - 1];
    expect(sameKey, `position ${j}`).toBe(sameValue);
    const ascendingKey = keyHi[j]! > keyHi[j - 1]! || (keyHi[j] === keyHi[j - 1] && keyLo[j]! >= keyLo[j - 1]!);
    expect(ascendingKey, `keys at ${j}`).toBe(true);
  }
}

describe("ascendingOrder", () => {
  const mixed = [3, -1, 0, -0, 1e-300, -1e-300, 5e-324, -5e-324, 1e308, -1e308, 3, 2.5, -2.5, 0.1, 0.1, 1, 1 + 2 ** -52, -7, 2 ** 40, 2 ** -40];
  test("short arrays (comparison sort): stable, -0 tied with +0", () => {
    checkSort(mixed);
    checkSort([0, -0, 0, -0]);
    checkSort([]);
    checkSort([42]);
  });
  test("long arrays (radix passes): the same permutation as a stable comparison sort", () => {
    const many = shuffled([...mixed, ...mixed, ...mixed, ...mixed.map((x) => x * 3), ...mixed.map((x) => -x / 7)]);
    expect(many.length).toBeGreaterThan(64);
    checkSort(many);
  });
  test("long arrays of equal values (every pass skipped) keep their order; -0 and +0 alike", () => {
    checkSort(Array<number>(100).fill(1.5));
    checkSort(Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? -0 : 0)));
  });
  test("values that differ in one 11-bit digit only, for each digit of the key", () => {
    // the key of a positive double is its bit pattern with the sign bit set; digit d covers key bits 11d..11d+10
    for (let digit = 0; digit < 6; digit++) {
      const values = shuffled(
        Array.from({ length: 80 }, (_, i) => {
          const bits = new BigUint64Array([0x3ff0000000000000n | (BigInt(i % 40) << BigInt(Math.min(11 * digit, 51)))]);
          return new Float64Array(bits.buffer)[0]!;
        }),
        digit + 1,
      );
      checkSort(values);
    }
  });
  test("keys across the 32-bit word boundary (bits 22 to 32 of the key)", () => {
    const values = shuffled(Array.from({ length: 90 }, (_, i) => 1 + (i % 30) * 2 ** -30 + (i % 7) * 2 ** -52));
    checkSort(values);
  });
  test("large random arrays", () => {
    let seed = 99;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
    checkSort(Array.from({ length: 3000 }, () => Math.round(next() * 50) * 10 ** Math.floor(next() * 10)));
  });
});

describe("rewardLevels through the radix path", () => {
  test("levels in reward order, ties grouped (-0 with +0), masses summed, levelOf per outcome", () => {
    const r = shuffled(Array.from({ length: 100 }, (_, i) => [-0, 0, 1, 1 + 2 ** -52, -3, 2 ** 40][i % 6]!), 3);
    const w = Float64Array.from(r.map((_, i) => (i + 1) / 5050));
    const { mass, levelOf } = rewardLevels(w, Float64Array.from(r));
    const distinct = [-3, 0, 1, 1 + 2 ** -52, 2 ** 40];
    expect(mass.length).toBe(distinct.length);
    r.forEach((reward, i) => expect(levelOf[i], `outcome ${i}`).toBe(distinct.indexOf(reward === 0 ? 0 : reward)));
    distinct.forEach((reward, k) => {
      let s = 0;
      r.forEach((x, i) => {
        if (x === reward) s += w[i]!;
      });
      expect(mass[k]).toBeCloseTo(s, 15);
    });
  });
  test("already sorted rewards: the linear path gives the same levels", () => {
    const r = [-1, -1, 0, -0, 0, 2, 2, 2, 5];
    const w = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9].map((x) => x / 45));
    const sortedPath = rewardLevels(w, Float64Array.from(r));
    expect(Array.from(sortedPath.levelOf)).toEqual([0, 0, 1, 1, 1, 2, 2, 2, 3]);
    [3, 12, 21, 9].forEach((sum, k) => expect(sortedPath.mass[k]).toBeCloseTo(sum / 45, 15));
    // one reward out of order sends it down the radix path: same grouping
    const perm = [8, 0, 1, 2, 3, 4, 5, 6, 7];
    const radixPath = rewardLevels(Float64Array.from(perm.map((i) => w[i]!)), Float64Array.from(perm.map((i) => r[i]!)));
    expect(Array.from(radixPath.levelOf)).toEqual(perm.map((i) => sortedPath.levelOf[i]));
    expect(Array.from(radixPath.mass)).toEqual(Array.from(sortedPath.mass));
  });
  test("a single outcome, and all rewards equal", () => {
    expect(Array.from(rewardLevels(Float64Array.from([1]), Float64Array.from([7])).mass)).toEqual([1]);
    const flat = rewardLevels(Float64Array.from(Array<number>(70).fill(1 / 70)), Float64Array.from(Array<number>(70).fill(2)));
    expect(flat.mass.length).toBe(1);
    expect(Array.from(flat.levelOf).every((k) => k === 0)).toBe(true);
    expect(flat.mass[0]).toBeCloseTo(1, 15);
  });
});
