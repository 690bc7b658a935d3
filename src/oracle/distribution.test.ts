/** Reward levels of a distribution: order, ties, zero masses, exact level masses. */
import { describe, expect, test } from "vitest";
import { Distribution } from "./distribution.ts";
import { InputError } from "../errors.ts";
import type { Rational } from "../numerics/rational.ts";

/** a / b as a value, whatever the representation. */
const value = (r: Rational): number => Number(r.num) / Number(r.den);

describe("Distribution.parse", () => {
  test("without rewards: each positive outcome is its own level, in input order; zero masses are in no level", () => {
    const d = Distribution.parse({ p: [0.25, 0, 0.75] });
    expect(d.size).toBe(3);
    expect(d.hasRewards).toBe(false);
    expect(d.hasTies).toBe(false);
    expect(d.total.num).toBe(d.total.den);
    expect(d.levels.map((l) => l.members)).toEqual([[0], [2]]);
    expect(d.levels[0]!.mass).toBe(d.masses[0]); // a one-outcome level carries the outcome's value as given
    expect(d.topLevel.members).toEqual([2]);
    expect(Distribution.parse({ p: [0.5, 0.5], r: null }).hasRewards).toBe(false);
  });
  test("with rewards: levels in increasing reward, ties grouped with members in input order, masses summed exactly", () => {
    const d = Distribution.parse({ p: ["0.1", "0.2", "0.3", "0.4"], r: [2, -1, 2, 0] });
    expect(d.hasRewards).toBe(true);
    expect(d.levels.map((l) => l.members)).toEqual([[1], [3], [0, 2]]);
    expect(d.levels.map((l) => value(l.mass))).toEqual([0.2, 0.4, 0.4]);
    expect(d.levels[0]!.mass).toBe(d.masses[1]);
    expect(d.hasTies).toBe(true);
    expect(d.topLevel.members).toEqual([0, 2]);
  });
  test("a tie group of three out of input order, and ties at the bottom and at the top", () => {
    const d = Distribution.parse({ p: [0.125, 0.125, 0.25, 0.125, 0.375], r: [5, 1, 5, 1, 5] });
    expect(d.levels.map((l) => l.members)).toEqual([
      [1, 3],
      [0, 2, 4],
    ]);
    expect(d.levels.map((l) => value(l.mass))).toEqual([0.25, 0.75]);
  });
  test("rewards compare exactly: doubles, decimal strings and a mix", () => {
    expect(Distribution.parse({ p: [0.5, 0.5], r: [1, "1.5"] }).levels.map((l) => l.members)).toEqual([[0], [1]]);
    expect(Distribution.parse({ p: [0.5, 0.5], r: ["1.5", 1] }).levels.map((l) => l.members)).toEqual([[1], [0]]);
    expect(Distribution.parse({ p: [0.5, 0.5], r: ["0.5", 0.5] }).levels.map((l) => l.members)).toEqual([[0, 1]]);
    expect(Distribution.parse({ p: [0.5, 0.5], r: ["1/3", "0.3333333333333333"] }).levels.map((l) => l.members)).toEqual([[1], [0]]);
    // 0.1 as a double is not the decimal 0.1: two levels
    expect(Distribution.parse({ p: [0.5, 0.5], r: [0.1, "0.1"] }).levels.map((l) => l.members)).toEqual([[1], [0]]);
    expect(Distribution.parse({ p: [0.5, 0.5], r: [3, 2] }).levels.map((l) => l.members)).toEqual([[1], [0]]);
    expect(Distribution.parse({ p: [0.5, 0.5], r: [-0, 0] }).levels.map((l) => l.members)).toEqual([[0, 1]]);
  });
  test("zero-mass outcomes belong to no level, even when they share a reward", () => {
    const d = Distribution.parse({ p: [0, 0.5, 0.5, 0], r: [1, 1, 0, 9] });
    expect(d.levels.map((l) => l.members)).toEqual([[2], [1]]);
    expect(d.hasTies).toBe(false);
  });
  test("field names carry the prefix", () => {
    try {
      Distribution.parse({ p: [0.5, 0.5], r: [1] }, "components[3].");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).field).toBe("components[3].r");
    }
  });
  test("many outcomes in a few levels, rewards in scrambled order: every level lists its members in input order", () => {
    // 120 outcomes, reward (7 i mod 5) - 2: five levels of 24 outcomes each, far more than a sort handles by simple
    // insertion, and the input order inside each level is what the protocol's tie rule refers to
    const size = 120;
    const rewards = Array.from({ length: size }, (_, i) => ((7 * i) % 5) - 2);
    const d = Distribution.parse({ p: Array.from({ length: size }, () => `1/${size}`), r: rewards });
    const expected = [-2, -1, 0, 1, 2].map((r) => rewards.flatMap((x, i) => (x === r ? [i] : [])));
    expect(d.levels.map((l) => l.members)).toEqual(expected);
    expect(d.levels.map((l) => value(l.mass))).toEqual([0.2, 0.2, 0.2, 0.2, 0.2]);
  });
});
