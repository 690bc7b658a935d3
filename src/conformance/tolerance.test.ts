import { describe, expect, test } from "vitest";
import { bonPmf as oracleBonPmf } from "../oracle/index.ts";
import { rewardLevels } from "./reward-levels.ts";
import {
  bonPmfTolerances,
  estimatorTolerance,
  klBonTolerance,
  klFormulaTolerance,
  renyi2Tolerance,
  SAFETY_FACTOR,
  SUBNORMAL_FLOOR,
  UNIT_ROUNDOFF,
} from "./tolerance.ts";

const KU = SAFETY_FACTOR * UNIT_ROUNDOFF;

describe("reward levels", () => {
  test("without r each outcome is a level, in listing order", () => {
    const levels = rewardLevels([0.25, 0.25, 0.5]);
    expect([...levels.levelOf]).toEqual([0, 1, 2]);
    expect([...levels.atOrBelow]).toEqual([0.25, 0.5, 1]);
  });

  test("with r outcomes are grouped by reward in increasing order (ties share a level; -0 = 0)", () => {
    const levels = rewardLevels([0.25, 0.25, 0.5, 0], [3, -1, 3, -0]);
    expect([...levels.levelOf]).toEqual([2, 0, 2, 1]);
    expect([...levels.mass]).toEqual([0.25, 0, 0.75]);
    expect([...levels.atOrBelow]).toEqual([0.25, 0.25, 1]);
  });
});

describe("tolerances (spec/conformance.md)", () => {
  test("bonPmf on p = (1/2, 1/2), n = 2: K u [pi_i + n (2L + |log F|) F^n] per entry", () => {
    const args = { p: [0.5, 0.5], n: 2 };
    const pi = oracleBonPmf(args);
    const tol = bonPmfTolerances(rewardLevels(args.p), 2, pi);
    // level 0: F = 1/2, F^n = 1/4, pi = 1/4; level 1: F = 1, F^n = 1, pi = 3/4.
    expect(tol[0]).toBeCloseTo(KU * (0.25 + 2 * (4 + Math.LN2) * 0.25) + SUBNORMAL_FLOOR, 25);
    expect(tol[1]).toBeCloseTo(KU * (0.75 + 2 * 4 * 1) + SUBNORMAL_FLOOR, 25);
  });

  test("bonPmf: zero-mass outcomes get tolerance 0; tied outcomes share their level's term by p_i / g_k", () => {
    const args = { p: [0.25, 0, 0.75], n: 3, r: [1, 1, 1] };
    const tol = bonPmfTolerances(rewardLevels(args.p, args.r), 3, oracleBonPmf(args));
    expect(tol[1]).toBe(0);
    // one level, F = 1: pi_i = p_i; the F^n term n (2L) F^n = 18 is split 1/4 : 3/4.
    expect(tol[0]).toBeCloseTo(KU * (0.25 + 0.25 * 18) + SUBNORMAL_FLOOR, 25);
    expect(tol[2]).toBeCloseTo(KU * (0.75 + 0.75 * 18) + SUBNORMAL_FLOOR, 25);
  });

  test("klBon on p = (1/2, 1/2), n = 2: the PMF model propagated through Eq. (3)", () => {
    const args = { p: [0.5, 0.5], n: 2 };
    const tol = klBonTolerance(rewardLevels(args.p), 2, oracleBonPmf(args));
    const l0 = Math.log(0.25 / 0.5);
    const l1 = Math.log(0.75 / 0.5);
    const terms = Math.abs(0.25 * l0) + Math.abs(0.75 * l1);
    const propagated = (Math.abs(l0) + 1) * 2 * (4 + Math.LN2) * 0.25 + (Math.abs(l1) + 1) * 2 * 4 * 1;
    expect(tol).toBeCloseTo(KU * (terms + propagated) + SUBNORMAL_FLOOR, 25);
  });

  test("klBon stays finite when a level probability underflows binary64", () => {
    const args = { p: [1e-300, 0.5, 0.5], n: 1_000_000 };
    const tol = klBonTolerance(rewardLevels(args.p), args.n, oracleBonPmf(args));
    expect(Number.isFinite(tol)).toBe(true);
    expect(tol).toBeGreaterThan(0);
  });

  test("scalar tolerances", () => {
    expect(klFormulaTolerance(1)).toBe(KU + SUBNORMAL_FLOOR);
    expect(estimatorTolerance(1, 0, 0)).toBe(KU + SUBNORMAL_FLOOR);
    expect(estimatorTolerance(Math.E, 2, -3)).toBeCloseTo(KU * 7, 30);
    expect(renyi2Tolerance(10, 1.5)).toBeCloseTo(KU * 11.5, 30);
  });
});
