/**
 * Compensated sums, on inputs whose plain floating-point sum loses everything but whose exact sum is a double:
 * the compensation must recover it exactly.
 */
import { describe, expect, test } from "vitest";
import { NeumaierSum, neumaierSum } from "./neumaier.ts";

/** 0.5 followed by k copies of 2^-54: each addition to 0.5 is a tie that rounds back to 0.5; the exact sum is 0.5 + k 2^-54. */
const halfAndCrumbs = (k: number): number[] => [0.5, ...Array<number>(k).fill(2 ** -54)];

describe("neumaierSum", () => {
  test("recovers what plain summation drops", () => {
    const xs = halfAndCrumbs(4);
    expect(xs.reduce((a, b) => a + b, 0)).toBe(0.5); // plain summation
    expect(neumaierSum(xs)).toBe(0.5 + 2 ** -52);
    expect(neumaierSum([1e100, 1, -1e100])).toBe(1);
    expect(neumaierSum([1, 1e100, 1, -1e100])).toBe(2);
    expect(neumaierSum([])).toBe(0);
  });
  test("a slice [from, to)", () => {
    const xs = [1e100, 0.5, ...Array<number>(4).fill(2 ** -54), 7];
    expect(neumaierSum(xs, 1, 6)).toBe(0.5 + 2 ** -52);
    expect(neumaierSum(xs, 1)).toBe(7.5); // to defaults to the end: 7.5 + 2^-52 rounds to 7.5
    expect(neumaierSum(xs, 6, 7)).toBe(7);
    expect(neumaierSum(xs, 3, 3)).toBe(0);
    expect(neumaierSum(xs, 0, 1)).toBe(1e100);
  });
});

describe("NeumaierSum", () => {
  test("the running sum keeps its leading part and the accumulated error apart", () => {
    const s = new NeumaierSum();
    expect(s.value()).toBe(0);
    for (const x of halfAndCrumbs(4)) s.add(x);
    expect(s.sum).toBe(0.5);
    expect(s.compensation).toBe(2 ** -52);
    expect(s.value()).toBe(0.5 + 2 ** -52);
    s.add(1e100);
    s.add(-1e100);
    expect(s.value()).toBe(0.5 + 2 ** -52);
  });
  test("large before small and small before large both recover the exact sum", () => {
    const a = new NeumaierSum();
    for (const x of [3, 2 ** -60, 2 ** -60, -3]) a.add(x);
    expect(a.value()).toBe(2 ** -59);
    const b = new NeumaierSum();
    for (const x of [2 ** -60, 3, 2 ** -60, -3]) b.add(x);
    expect(b.value()).toBe(2 ** -59);
  });
});
