import { describe, expect, test } from "vitest";
import { epsInfinity, renyi2 } from "./index.ts";
import { U, normalise, relErr } from "./test-helpers.ts";

describe("renyi2 (Eq. 18)", () => {
  test("uniform over L gives log L; a point mass gives 0", () => {
    for (const L of [1, 2, 3, 10, 1000]) {
      expect(relErr(renyi2(new Array<number>(L).fill(1 / L)), Math.log(L)) || 0).toBeLessThan(4 * U);
    }
    expect(renyi2([1])).toBe(0);
    expect(renyi2([0, 1, 0])).toBe(0);
    expect(Object.is(renyi2([1]), -0)).toBe(false);
  });

  test("two points: -log((1-d)^2 + d^2) = -log1p(-2d(1-d)), relative-accurate for tiny d", () => {
    for (const d of [0.5, 0.25, 2 ** -10, 2 ** -30, 2 ** -60, 1e-300]) {
      const want = -Math.log1p(-2 * d * (1 - d));
      expect(relErr(renyi2([1 - d, d]), want)).toBeLessThan(4 * U);
      expect(relErr(renyi2([d, 1 - d]), want)).toBeLessThan(4 * U);
    }
  });

  test("normalises p by its sum, zeros do not count", () => {
    const p = [0.2, 0, 0.3, 0.5000004];
    const q = normalise(p);
    const want = -Math.log(q[0]! ** 2 + q[2]! ** 2 + q[3]! ** 2);
    expect(relErr(renyi2(p), want)).toBeLessThan(8 * U);
  });

  test("is at most log L and at least 0", () => {
    const p = normalise([1, 5, 2, 9, 1e-12, 3]);
    const h = renyi2(p);
    expect(h).toBeGreaterThan(0);
    expect(h).toBeLessThanOrEqual(Math.log(p.length));
  });
});

describe("epsInfinity", () => {
  test("without r: the mass of the last outcome with positive mass", () => {
    expect(epsInfinity([0.25, 0.75])).toBe(0.75);
    expect(epsInfinity([0.25, 0.75, 0, 0])).toBe(0.75);
    expect(epsInfinity([1e-300, 1 - 1e-300])).toBe(1 - 1e-300);
    expect(epsInfinity([0.5, 0.5 - 1e-300, 1e-300])).toBe(1e-300);
  });

  test("normalises by the sum", () => {
    expect(relErr(epsInfinity([0.5, 0.5000008]), 0.5000008 / 1.0000008)).toBeLessThanOrEqual(U);
  });

  test("with r: the top tie group among outcomes of positive mass", () => {
    expect(epsInfinity([0.1, 0.2, 0.3, 0.4], [1, 9, 9, 2])).toBeCloseTo(0.5, 15);
    expect(epsInfinity([0.1, 0.2, 0, 0.7], [1, 5, 9, 2])).toBe(0.2);
    expect(epsInfinity([0.5, 0.5], [-0, 0])).toBe(1);
  });
});

describe("renyi2 normalises p by its sum", () => {
  test("p summing to 1 + 5e-7, no dominant mass: -log sum (p_i / S)^2", () => {
    const p = [0.3, 0.3, 0.4 + 5e-7];
    const S = p[0]! + p[1]! + p[2]!;
    const want = -Math.log(p.reduce((acc, v) => acc + (v / S) ** 2, 0));
    expect(relErr(renyi2(p), want)).toBeLessThan(1e-14);
  });
});
