// Reward levels of a case: weights read from protocol numbers (numbers or exact decimal strings), grouped by reward,
// with the level masses and the CDF relative to the total weight (p as given need not sum to 1).
import { describe, expect, test } from "vitest";
import { rewardLevels, toDouble } from "./reward-levels.ts";

describe("toDouble", () => {
  test("numbers as they are, decimal strings as their nearest double, anything else NaN", () => {
    expect(toDouble(0.25)).toBe(0.25);
    expect(toDouble("0.1")).toBe(0.1);
    expect(toDouble("1e-400")).toBe(0);
    expect(toDouble("abc")).toBeNaN();
    expect(toDouble(null)).toBeNaN();
    expect(toDouble(true)).toBeNaN();
  });
});

describe("rewardLevels", () => {
  test("masses and CDF are relative to the total weight", () => {
    // weights 1 and 3 (total 4), rewards making outcome 1 the lower level
    const levels = rewardLevels([1, 3], [5, 2]);
    expect(Array.from(levels.levelOf)).toEqual([1, 0]);
    expect(Array.from(levels.levelWeight)).toEqual([3, 1]);
    expect(Array.from(levels.mass)).toEqual([0.75, 0.25]);
    expect(Array.from(levels.atOrBelow)).toEqual([0.75, 1]);
  });
});
