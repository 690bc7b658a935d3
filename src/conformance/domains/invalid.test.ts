// The invalid domain's cases are the ones its box in spec/conformance.md describes: a valid case (L in [1, 10],
// n in [1, 100]) with exactly the one defect its label names, every listed defect and bad value represented; and
// the ops that share a group (bonPmf and klBon, klEstimate and klEstimateUpper) share their cases.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Case } from "../case.ts";
import { familySeed } from "../case.ts";
import { invalidDomain } from "./invalid.ts";
import type { GradedOp } from "./domain.ts";

const BAD_N = [0, 1.5, 2 ** 53, -1];

function casesOf(op: GradedOp, count = 400, seed = 11): Case[] {
  return fc.sample(invalidDomain.ops[op]!.arbitrary, { seed, numRuns: count });
}

/** Positive numbers summing to 1 within rounding: the valid masses around a defect. */
function expectValidMasses(p: readonly unknown[], label: string, except = -1): void {
  // by index: a hole (a sparse array) is a defect too, and `for of` / filter would skip it
  for (let i = 0; i < p.length; i++) if (i !== except) expect(typeof p[i] === "number" && (p[i] as number) > 0, `${label}: ${JSON.stringify(p)}`).toBe(true);
}

function expectValidN(n: unknown, label: string): void {
  expect(Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 100, `${label}: n = ${String(n)}`).toBe(true);
}

/** Checks one case of p's defects; returns which defect it was (for the coverage counts). */
function checkMassDefect(p: unknown[], label: string): string {
  expect(p.length, label).toBeLessThanOrEqual(10);
  let m: RegExpMatchArray | null;
  if ((m = /^negative mass p\[(\d+)\]$/.exec(label)) !== null) {
    const k = Number(m[1]);
    expect(p.length, label).toBeGreaterThan(k);
    expect(p[k] as number, label).toBeLessThan(0);
    const fixed = p.map((x, i) => (i === k ? -(x as number) : x));
    expectValidMasses(fixed, label);
    expect(Math.abs((fixed as number[]).reduce((a, b) => a + b, 0) - 1), label).toBeLessThan(1e-12);
    return "negative";
  }
  if ((m = /^p\[(\d+)\] = (.*)$/.exec(label)) !== null) {
    const k = Number(m[1]);
    expect(JSON.stringify(p[k]), label).toBe(m[2]);
    expectValidMasses(p, label, k);
    return `token ${m[2]}`;
  }
  if (label === "empty p") {
    expect(p).toEqual([]);
    return "empty";
  }
  if ((m = /^sum\(p\) = (.*) \(off by more than 1e-6\)$/.exec(label)) !== null) {
    const scale = Number(m[1]);
    expect(p.length, label).toBeGreaterThan(0);
    expectValidMasses(p, label);
    expect(Math.abs((p as number[]).reduce((a, b) => a + b, 0) - scale), label).toBeLessThan(1e-12);
    // the label's promise (the box's 1e-5 is the smallest offset before rounding: 1 - 1e-5 rounds to 1 - 0.99999...e-5)
    expect(Math.abs(scale - 1), label).toBeGreaterThan(1e-6);
    return scale > 1 ? "sum above 1" : "sum below 1";
  }
  throw new Error(`unexpected label ${label}`);
}

describe("invalid domain: each case has the one defect its label names", () => {
  test("bonPmf / klBon: a defect of p, of r's length or of n, each represented", () => {
    const seen = new Set<string>();
    for (const c of casesOf("bonPmf")) {
      const { p, n, r } = c.args as { p: unknown[]; n: unknown; r?: unknown[] };
      const m = /^r of length (\d+) for L=(\d+)$/.exec(c.label);
      const bad = /^n = (.*)$/.exec(c.label);
      if (m !== null) {
        const [length, L] = [Number(m[1]), Number(m[2])];
        expect(p).toHaveLength(L);
        expectValidMasses(p, c.label);
        expectValidN(n, c.label);
        expect(r, c.label).toHaveLength(length);
        expect(new Set(r).size, c.label).toBe(length);
        for (const x of r!) expect(typeof x, c.label).toBe("number");
        expect(Math.abs(length - L), c.label).toBe(1);
        seen.add(length > L ? "r longer" : "r shorter");
      } else if (bad !== null) {
        expect(String(n)).toBe(bad[1]);
        expect(BAD_N).toContain(n);
        expectValidMasses(p, c.label);
        seen.add(`n ${String(n)}`);
      } else {
        expectValidN(n, c.label);
        seen.add(checkMassDefect(p, c.label));
      }
    }
    expect([...seen].sort()).toEqual(
      ["negative", 'token "NaN"', "token null", 'token "Infinity"', "empty", "sum above 1", "sum below 1", "r longer", "r shorter", ...BAD_N.map((n) => `n ${n}`)].sort(),
    );
  });

  test("renyi2: the same defects of p, and nothing but p", () => {
    const seen = new Set<string>();
    for (const c of casesOf("renyi2")) {
      expect(Object.keys(c.args)).toEqual(["p"]);
      seen.add(checkMassDefect(c.args.p as unknown[], c.label));
    }
    expect([...seen].sort()).toEqual(["negative", 'token "NaN"', "token null", 'token "Infinity"', "empty", "sum above 1", "sum below 1"].sort());
  });

  test("klFormula: n in {0, 1.5, 2^53, -1}", () => {
    const cases = casesOf("klFormula", 100);
    for (const c of cases) expect(c).toEqual({ args: { n: c.args.n }, label: `n = ${String(c.args.n)}` });
    expect(new Set(cases.map((c) => c.args.n))).toEqual(new Set(BAD_N));
  });

  test("estimators: bad n with eps = 0.5; eps in {0, -0.25, 1 + 2^-52, 2}; logEps in {2^-50, 0.5, 3}; both; neither", () => {
    const seen = { n: new Set<unknown>(), eps: new Set<unknown>(), logEps: new Set<unknown>(), both: 0, neither: 0 };
    for (const c of casesOf("klEstimate")) {
      const a = c.args;
      if (c.label.startsWith("n = ")) {
        expect(a).toEqual({ n: a.n, eps: 0.5 });
        expect(c.label).toBe(`n = ${String(a.n)}`);
        seen.n.add(a.n);
      } else if (c.label.startsWith("eps = ")) {
        expect(a).toEqual({ n: 10, eps: a.eps });
        expect(c.label).toBe(`eps = ${String(a.eps)}`);
        seen.eps.add(a.eps);
      } else if (c.label.startsWith("logEps = ")) {
        expect(a).toEqual({ n: 10, logEps: a.logEps });
        expect(c.label).toBe(`logEps = ${String(a.logEps)} > 0`);
        seen.logEps.add(a.logEps);
      } else if (c.label === "both eps and logEps") {
        expect(a).toEqual({ n: 10, eps: 0.5, logEps: Math.log(0.5) });
        seen.both += 1;
      } else {
        expect(c).toEqual({ args: { n: 10 }, label: "neither eps nor logEps" });
        seen.neither += 1;
      }
    }
    expect(seen.n).toEqual(new Set(BAD_N));
    expect(seen.eps).toEqual(new Set([0, -0.25, 1 + 2 ** -52, 2]));
    expect(seen.logEps).toEqual(new Set([2 ** -50, 0.5, 3]));
    expect(seen.both).toBeGreaterThan(0);
    expect(seen.neither).toBeGreaterThan(0);
  });
});

describe("invalid domain: shared groups (spec/conformance.md, Cases, seeds and shrinking)", () => {
  test("bonPmf and klBon draw the same cases, and so do klEstimate and klEstimateUpper, under the run's seed", () => {
    const ops = invalidDomain.ops;
    const seed = (op: GradedOp) => familySeed(20240604, "invalid", ops[op]!.group);
    expect(seed("bonPmf")).toBe(seed("klBon"));
    expect(seed("klEstimate")).toBe(seed("klEstimateUpper"));
    expect(new Set(Object.values(ops).map((f) => f!.group)).size).toBe(4);
  });
});
