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
  test("bonPmf on p = (1/2, 1/2), n = 2: K u [pi_i + n (2L + |log F|) F^n] + K 2^-1074 per entry", () => {
    const args = { p: [0.5, 0.5], n: 2 };
    const pi = oracleBonPmf(args);
    const tol = bonPmfTolerances(rewardLevels(args.p), 2, pi);
    // level 0: F = 1/2, F^n = 1/4, pi = 1/4; level 1: F = 1, F^n = 1, pi = 3/4.
    expect(tol).toEqual([KU * (0.25 + 2 * (4 + Math.LN2) * 0.25) + SUBNORMAL_FLOOR, KU * (0.75 + 2 * (4 + 0) * 1) + SUBNORMAL_FLOOR]);
  });

  test("bonPmf: zero-mass outcomes get tolerance 0; tied outcomes share their level's term by p_i / g_k", () => {
    const args = { p: [0.25, 0, 0.75], n: 3, r: [1, 1, 1] };
    const tol = bonPmfTolerances(rewardLevels(args.p, args.r), 3, oracleBonPmf(args));
    // one level, F = 1: pi_i = p_i; the F^n term n (2L) F^n = 18 is split 1/4 : 3/4.
    expect(tol).toEqual([KU * (0.25 + 0.25 * 18) + SUBNORMAL_FLOOR, 0, KU * (0.75 + 0.75 * 18) + SUBNORMAL_FLOOR]);
  });

  test("bonPmf: an entry whose pi and F^n underflow binary64 keeps the subnormal floor, exactly", () => {
    const args = { p: [1e-200, 1], n: 2 }; // pi_0 = F_0^2 = 1e-400
    const tol = bonPmfTolerances(rewardLevels(args.p), 2, oracleBonPmf(args));
    expect(tol[0]).toBe(SUBNORMAL_FLOOR);
    expect(SUBNORMAL_FLOOR).toBe(64 * 2 ** -1074);
  });

  test("klBon on p = (1/2, 1/2), n = 2: the PMF model propagated through Eq. (3)", () => {
    const args = { p: [0.5, 0.5], n: 2 };
    const tol = klBonTolerance(rewardLevels(args.p), 2, oracleBonPmf(args));
    const l0 = Math.log(0.25) - Math.log(0.5);
    const l1 = Math.log(0.75) - Math.log(0.5);
    const terms = Math.abs(0.25 * l0) + Math.abs(0.75 * l1);
    const propagated = (Math.abs(l0) + 1) * (2 * (4 + Math.LN2) * 0.25) + (Math.abs(l1) + 1) * (2 * (4 + 0) * 1);
    expect(tol).toBe(KU * (terms + propagated));
  });

  test("klBon: a zero-mass level adds no term (its log ratio is undefined), L counts it", () => {
    const zero = { p: [0, 0.5, 0.5], n: 2 };
    const l1 = Math.log(0.25) - Math.log(0.5);
    const l2 = Math.log(0.75) - Math.log(0.5);
    const terms = Math.abs(0.25 * l1) + Math.abs(0.75 * l2);
    const propagated = (Math.abs(l1) + 1) * (2 * (6 + Math.LN2) * 0.25) + (Math.abs(l2) + 1) * (2 * (6 + 0) * 1);
    expect(klBonTolerance(rewardLevels(zero.p), 2, oracleBonPmf(zero))).toBe(KU * (terms + propagated));
    // a zero mass at the top: F = 1 there, so without the skip its undefined log ratio would poison the sum
    const top = { p: [0.5, 0.5, 0], n: 2 };
    const atTop = (Math.abs(l1) + 1) * (2 * (6 + Math.LN2) * 0.25) + (Math.abs(l2) + 1) * (2 * (6 + 0) * 1);
    expect(klBonTolerance(rewardLevels(top.p), 2, oracleBonPmf(top))).toBe(KU * (terms + atTop));
  });

  test("klBon: a level whose P_k underflows binary64 adds nothing and keeps the tolerance finite", () => {
    const args = { p: [1e-300, 0.5, 0.5], n: 1_000_000 };
    const tol = klBonTolerance(rewardLevels(args.p), args.n, oracleBonPmf(args));
    expect(Number.isFinite(tol)).toBe(true);
    expect(tol).toBeGreaterThan(0);
  });

  test("scalar tolerances: at least K u, no floor", () => {
    expect(klFormulaTolerance(1)).toBe(KU);
    expect(klFormulaTolerance(Math.E)).toBe(KU * 2);
    expect(estimatorTolerance(1, 0, 0)).toBe(KU);
    expect(estimatorTolerance(Math.E, 2, -3)).toBe(KU * (3 + 2 + 1 + 1));
    expect(renyi2Tolerance(10, 1.5)).toBe(KU * 11.5);
    expect(renyi2Tolerance(1, -0.5)).toBe(KU * 1.5);
  });
});
