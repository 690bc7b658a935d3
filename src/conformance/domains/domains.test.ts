// Every domain's cases lie inside the parameter box that spec/conformance.md states, and the oracle agrees that
// graded domains are valid inputs and invalid-domain cases are invalid.
import { readFileSync } from "node:fs";
import { withDomains } from "../spec/render-domains.ts";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { prepare } from "../../oracle/index.ts";
import type { Case } from "../case.ts";
import { DOMAINS, domainNamed, GRADED_OPS, type Domain } from "./index.ts";
import { exactSum, sumOffset } from "../unnormalised.ts";

const SAMPLES = 300;

function casesOf(domainName: string, op: (typeof GRADED_OPS)[number], count = SAMPLES): Case[] {
  const family = domainNamed(domainName)!.ops[op]!;
  return fc.sample(family.arbitrary, { seed: 7, numRuns: count });
}

function sum(p: readonly unknown[]): number {
  return (p as number[]).reduce((a, b) => a + b, 0);
}

/**
 * Normalised in binary64, as real inputs are (p / sum(p) of some weights): the exact sum of the doubles is within
 * L ulps of 1 (each division rounds by half an ulp of its entry; checked exactly, with bigints).
 */
function expectNormalised(p: readonly number[]): void {
  const exact = exactSum(p)!;
  const offset = Math.abs(sumOffset(exact));
  expect(offset, `sum(p) - 1 = ${offset} for L = ${p.length}`).toBeLessThanOrEqual(p.length * 2 ** -52);
}

function expectDistributionBox(c: Case, box: { maxL: number; minL?: number; minMass: number; nMin: number; nMax: number; r: "none" | "always" | "either" }) {
  const p = c.args.p as number[];
  const n = c.args.n as number;
  expect(p.length).toBeGreaterThanOrEqual(box.minL ?? 1);
  expect(p.length).toBeLessThanOrEqual(box.maxL);
  const outside = p.findIndex((x) => typeof x !== "number" || !(x === 0 || x >= box.minMass));
  expect(outside, `p[${outside}] = ${p[outside]}`).toBe(-1);
  expectNormalised(p);
  expect(Number.isSafeInteger(n) && n >= box.nMin && n <= box.nMax).toBe(true);
  if (box.r === "none") expect(c.args.r).toBeUndefined();
  if (box.r === "always") expect(c.args.r).toBeDefined();
  if (c.args.r !== undefined) expect((c.args.r as number[]).length).toBe(p.length);
}

function expectEstimatorBox(c: Case, nMax: number, nMin: number, epsMin: number, logEpsMin: number) {
  const { n, eps, logEps } = c.args as { n: number; eps?: number; logEps?: number };
  expect(Number.isSafeInteger(n) && n >= nMin && n <= nMax).toBe(true);
  expect((eps === undefined) !== (logEps === undefined)).toBe(true);
  if (eps !== undefined) expect(eps >= epsMin && eps <= 1).toBe(true);
  if (logEps !== undefined) expect(logEps >= logEpsMin && logEps <= 0).toBe(true);
}

describe("domain parameter boxes", () => {
  test("the ops per domain are those of spec/conformance.md", () => {
    const table = Object.fromEntries(DOMAINS.map((d) => [d.name, GRADED_OPS.filter((op) => d.ops[op] !== undefined)]));
    expect(table).toEqual({
      standard: ["bonPmf", "klBon", "klFormula", "klEstimate", "klEstimateUpper", "renyi2"],
      "large-n": ["bonPmf", "klBon", "klFormula", "klEstimate", "klEstimateUpper"],
      tiny: ["bonPmf", "klBon", "klEstimate", "klEstimateUpper", "renyi2"],
      ties: ["bonPmf", "klBon"],
      "zero-mass": ["bonPmf", "klBon", "renyi2"],
      "large-L": ["bonPmf", "klBon", "renyi2"],
      normalisation: ["bonPmf", "klBon", "renyi2"],
      invalid: ["bonPmf", "klBon", "klFormula", "klEstimate", "klEstimateUpper", "renyi2"],
    });
  });

  test("standard: L in [1, 50], masses >= 1e-12, n in [1, 1e4], no r; estimators eps >= 1e-12 / logEps >= log 1e-12", () => {
    const cases = casesOf("standard", "bonPmf");
    for (const c of cases) expectDistributionBox(c, { maxL: 50, minMass: 1e-12, nMin: 1, nMax: 1e4, r: "none" });
    expect(Math.max(...cases.map((c) => (c.args.p as number[]).length))).toBeGreaterThan(40);
    expect(cases.some((c) => c.args.n === 1) && cases.some((c) => c.args.n === 1e4)).toBe(true);
    for (const c of casesOf("standard", "klEstimate")) expectEstimatorBox(c, 1e4, 1, 1e-12, Math.log(1e-12));
    for (const c of casesOf("standard", "klFormula")) expect(c.args.n as number).toBeLessThanOrEqual(1e4);
  });

  test("large-n: n in [1e4, 1e9]; klFormula up to 2^53 - 1", () => {
    for (const c of casesOf("large-n", "klBon")) expectDistributionBox(c, { maxL: 50, minMass: 1e-12, nMin: 1e4, nMax: 1e9, r: "none" });
    for (const c of casesOf("large-n", "klEstimateUpper")) expectEstimatorBox(c, 1e9, 1e4, 1e-12, Math.log(1e-12));
    const formula = casesOf("large-n", "klFormula").map((c) => c.args.n as number);
    expect(formula.every((n) => Number.isSafeInteger(n) && n >= 1e4)).toBe(true);
    expect(formula).toContain(Number.MAX_SAFE_INTEGER);
  });

  test("tiny: masses down to 1e-300 at bottom, middle and top; eps down to 1e-300, logEps down to -1e5, n <= 1e6", () => {
    const cases = casesOf("tiny", "bonPmf");
    for (const c of cases) {
      // a tiny mass m 10^-k divided by the sum (1 + at most 3 * 9e-13) stays within 3e-12 relative of m 10^-k
      expectDistributionBox(c, { maxL: 23, minL: 2, minMass: 1e-300 * (1 - 3e-12), nMin: 1, nMax: 1e6, r: "none" });
      expect((c.args.p as number[]).some((x) => x < 1e-12)).toBe(true);
    }
    const firsts = cases.filter((c) => (c.args.p as number[])[0]! < 1e-12).length;
    const lasts = cases.filter((c) => (c.args.p as number[]).at(-1)! < 1e-12).length;
    expect(firsts).toBeGreaterThan(0);
    expect(lasts).toBeGreaterThan(0);
    const estimators = casesOf("tiny", "klEstimate");
    for (const c of estimators) expectEstimatorBox(c, 1e6, 1, 1e-300, -1e5);
    expect(estimators.some((c) => (c.args.logEps as number) < -745)).toBe(true);
    expect(estimators.some((c) => (c.args.eps as number) < 1e-200)).toBe(true);
  });

  test("ties: r in any order with ties, from all distinct to all tied", () => {
    const cases = casesOf("ties", "bonPmf");
    for (const c of cases) expectDistributionBox(c, { maxL: 50, minMass: 1e-12, nMin: 1, nMax: 1e4, r: "always" });
    const tied = (c: Case) => new Set(c.args.r as number[]).size < (c.args.r as number[]).length;
    expect(cases.filter(tied).length).toBeGreaterThan(SAMPLES / 2);
    expect(cases.some((c) => (c.args.p as number[]).length > 1 && new Set(c.args.r as number[]).size === 1)).toBe(true);
  });

  test("zero-mass: zeros at bottom, middle and top, with and without r", () => {
    const cases = casesOf("zero-mass", "klBon");
    for (const c of cases) {
      expectDistributionBox(c, { maxL: 50, minL: 2, minMass: 1e-12, nMin: 1, nMax: 1e4, r: "either" });
      expect((c.args.p as number[]).includes(0)).toBe(true);
      expect((c.args.p as number[]).some((x) => x > 0)).toBe(true);
    }
    expect(cases.some((c) => c.args.r === undefined) && cases.some((c) => c.args.r !== undefined)).toBe(true);
    expect(cases.some((c) => c.args.r === undefined && (c.args.p as number[])[0] === 0)).toBe(true);
    expect(cases.some((c) => c.args.r === undefined && (c.args.p as number[]).at(-1) === 0)).toBe(true);
  });

  test("normalisation: sum(p) off 1 by 1e-13 to 5e-7 (valid: within 1e-6), scaled or with tiny masses left unnormalised", () => {
    const cases = casesOf("normalisation", "bonPmf");
    for (const c of cases) {
      const p = c.args.p as number[];
      expect(p.length).toBeGreaterThanOrEqual(1);
      expect(p.length).toBeLessThanOrEqual(53);
      expect(c.args.r).toBeUndefined();
      const n = c.args.n as number;
      expect(Number.isSafeInteger(n) && n >= 1 && n <= 1e4).toBe(true);
      const offset = Math.abs(sumOffset(exactSum(p)!));
      expect(offset, c.label).toBeGreaterThanOrEqual(5e-14);
      expect(offset, c.label).toBeLessThanOrEqual(5.01e-7);
    }
    expect(cases.some((c) => c.label.includes("scaled by 1 + "))).toBe(true);
    expect(cases.some((c) => c.label.includes("scaled by 1 - "))).toBe(true);
    expect(cases.some((c) => c.label.includes("not renormalised"))).toBe(true);
  });

  test("large-L: L in [1e3, 1e5], n <= 1e6", () => {
    for (const c of casesOf("large-L", "bonPmf", 12)) expectDistributionBox(c, { maxL: 1e5, minL: 1e3, minMass: 0, nMin: 1, nMax: 1e6, r: "none" });
  });

  test("graded domains generate valid inputs (the oracle accepts them)", () => {
    for (const domain of DOMAINS.filter((d: Domain) => d.kind !== "invalid")) {
      for (const op of GRADED_OPS) {
        if (domain.ops[op] === undefined) continue;
        for (const c of casesOf(domain.name, op, domain.name === "large-L" ? 5 : 100)) expect(() => prepare(op, c.args), `${op} ${domain.name} ${c.label}`).not.toThrow();
      }
    }
  });

  test("invalid: every case is invalid (the oracle rejects it)", () => {
    for (const op of GRADED_OPS) {
      for (const c of casesOf("invalid", op, 200)) expect(() => prepare(op, c.args), `${op} ${c.label}`).toThrow();
    }
  });
});

describe("spec/conformance.md", () => {
  test("its domains section is generated from the domain definitions (npm run spec)", () => {
    const spec = readFileSync(new URL("../../../spec/conformance.md", import.meta.url), "utf8");
    expect(spec).toBe(withDomains(spec));
    for (const domain of DOMAINS) {
      expect(spec, `domain ${domain.name}`).toContain(`### \`${domain.name}\``);
      for (const line of domain.box) expect(spec, `${domain.name}: ${line}`).toContain(`- ${line}\n`);
    }
  });
});
