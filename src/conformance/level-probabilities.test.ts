import { describe, expect, test } from "vitest";
import { bonPmf, Enclosure } from "../oracle/index.ts";
import { doubleToDyadic } from "../numerics/dyadic.ts";
import { levelProbabilities, logSumExp, midpoint } from "./level-probabilities.ts";
import { rewardLevels } from "./reward-levels.ts";

const enclosure = (lo: number, hi: number) => new Enclosure(doubleToDyadic(lo), doubleToDyadic(hi), 53);

describe("midpoint", () => {
  test("the end when both ends are one double; else their mean", () => {
    expect(midpoint(enclosure(0.25, 0.25))).toBe(0.25);
    expect(midpoint(enclosure(Number.MIN_VALUE, Number.MIN_VALUE))).toBe(Number.MIN_VALUE); // halving it would give 0
    expect(midpoint(enclosure(0.25, 0.75))).toBe(0.5);
    expect(midpoint(enclosure(Number.MAX_VALUE, Number.MAX_VALUE))).toBe(Number.MAX_VALUE);
    expect(midpoint(enclosure(Number.MAX_VALUE / 2, Number.MAX_VALUE))).toBe(Number.MAX_VALUE * 0.75); // no overflow
  });
});

describe("levelProbabilities", () => {
  test("P_k per level (ties summed), log P_k, and F_k^n as the running sum", () => {
    const args = { p: [0.25, 0.25, 0.5], n: 2, r: [1, 1, 2] };
    const pr = levelProbabilities(rewardLevels(args.p, args.r), bonPmf(args));
    expect([...pr.probability]).toEqual([0.25, 0.75]);
    expect([...pr.logProbability]).toEqual([Math.log(0.25), Math.log(0.75)]);
    expect([...pr.cdfPower]).toEqual([0.25, 1]);
  });

  test("a level whose P_k underflows binary64 keeps a finite log P_k; an exact 0 gets -Infinity", () => {
    const args = { p: [1e-300, 1 - 1e-300], n: 3 };
    const pr = levelProbabilities(rewardLevels(args.p), bonPmf(args)); // P_0 = 1e-900
    expect(pr.probability[0]).toBe(0);
    expect(pr.logProbability[0]).toBeCloseTo(-900 * Math.LN10, 8);
    const subnormal = levelProbabilities(rewardLevels([1e-160, 1]), bonPmf({ p: [1e-160, 1], n: 2 })); // 1e-320
    expect(subnormal.logProbability[0]).toBeCloseTo(-320 * Math.LN10, 8);
    const tied = { p: [1e-300, 1e-300, 1], n: 2, r: [0, 0, 1] };
    const pt = levelProbabilities(rewardLevels(tied.p, tied.r), bonPmf(tied)); // two members summed in log space
    expect(pt.logProbability[0]).toBeCloseTo(Math.log(4) - 600 * Math.LN10, 8);
    const zero = levelProbabilities(rewardLevels([0, 1]), bonPmf({ p: [0, 1], n: 2 }));
    expect(zero.logProbability[0]).toBe(Number.NEGATIVE_INFINITY);
    expect(zero.probability[1]).toBe(1);
  });
});

describe("logSumExp", () => {
  test("log sum e^x without overflow or underflow; -Infinity only when every term is", () => {
    expect(logSumExp([0])).toBe(0);
    expect(logSumExp([Math.log(2), Math.log(3)])).toBeCloseTo(Math.log(5), 15);
    expect(logSumExp([-1000, -1000])).toBeCloseTo(-1000 + Math.LN2, 12);
    expect(logSumExp([1000, 1000 + Math.log(3)])).toBeCloseTo(1000 + Math.log(4), 12);
    expect(logSumExp([Number.NEGATIVE_INFINITY, -5])).toBe(-5);
    expect(logSumExp([Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY])).toBe(Number.NEGATIVE_INFINITY);
  });
});
