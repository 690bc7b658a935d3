// The labels cases carry into reports ("how the case was made"): each family states its generator's parameters, and
// each label agrees with the args it names.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Case } from "../case.ts";
import { caseCount, type Domain } from "./domain.ts";
import { distributionFamily, estimatorFamily, formulaFamily, renyiFamily } from "./families.ts";
import { domainNamed } from "./index.ts";

const sample = (domain: string, op: "bonPmf" | "klBon" | "renyi2" | "klFormula" | "klEstimate", n = 200): Case[] => fc.sample(domainNamed(domain)!.ops[op]!.arbitrary, { seed: 5, numRuns: n });

describe("family builders", () => {
  test("distribution cases: args {p, n} or {p, n, r}; label L, n, reward levels, note", () => {
    const one = fc.sample(distributionFamily(fc.constant({ p: [0.25, 0.75], n: 3, r: [1, 1], note: "NOTE" })).arbitrary, 1)[0]!;
    expect(one).toEqual({ args: { p: [0.25, 0.75], n: 3, r: [1, 1] }, label: "L=2 n=3 1 reward levels NOTE" });
    const plain = fc.sample(distributionFamily(fc.constant({ p: [1], n: 2 })).arbitrary, 1)[0]!;
    expect(plain).toEqual({ args: { p: [1], n: 2 }, label: "L=1 n=2" });
    expect(distributionFamily(fc.constant({ p: [1], n: 2 })).group).toBe("distribution");
  });

  test("renyi2 cases: the same draws' p", () => {
    const family = renyiFamily(fc.constant({ p: [0.5, 0.5], n: 9, note: "NOTE" }));
    expect(family.group).toBe("distribution");
    expect(fc.sample(family.arbitrary, 1)[0]).toEqual({ args: { p: [0.5, 0.5] }, label: "L=2 NOTE" });
    expect(fc.sample(renyiFamily(fc.constant({ p: [1], n: 9 })).arbitrary, 1)[0]).toEqual({ args: { p: [1] }, label: "L=1" });
  });

  test("klFormula and estimator cases", () => {
    const formula = formulaFamily(fc.constant(12));
    expect(formula.group).toBe("formula");
    expect(fc.sample(formula.arbitrary, 1)[0]).toEqual({ args: { n: 12 }, label: "n=12" });
    const estimators = estimatorFamily(fc.constant(7), 1e-12, -27);
    expect(estimators.group).toBe("estimator");
    const cases = fc.sample(estimators.arbitrary, { seed: 1, numRuns: 100 });
    for (const c of cases) {
      if ("eps" in c.args) expect(c.label).toBe(`n=7 eps=${c.args.eps}`);
      else expect(c.label).toBe(`n=7 logEps=${c.args.logEps}`);
      expect(c.args.n).toBe(7);
    }
  });
});

describe("domain labels agree with their args", () => {
  test("tiny: each tiny mass named with its place", () => {
    for (const c of sample("tiny", "bonPmf")) {
      expect(c.label).toMatch(/^L=\d+ n=\d+ tiny( \de-\d+@(bottom|middle|top))+$/);
      const tiny = [...c.label.matchAll(/(\d)e-(\d+)@(\w+)/g)];
      const p = c.args.p as number[];
      expect(p.length).toBe(Number(/^L=(\d+)/.exec(c.label)![1]));
      for (const [, m, k] of tiny) expect(p.some((x) => Math.abs(x / Number(`${m}e-${k}`) - 1) < 3e-12)).toBe(true);
      if (tiny.some((t) => t[3] === "bottom")) expect(p[0]!).toBeLessThan(1e-12);
    }
    for (const c of sample("tiny", "renyi2", 50)) expect(c.label).toMatch(/^L=\d+ tiny( \de-\d+@(bottom|middle|top))+$/);
  });

  test("zero-mass: where the zeros went", () => {
    for (const c of sample("zero-mass", "klBon")) {
      expect(c.label).toMatch(/^L=\d+ n=\d+( \d+ reward levels)? zeros@(bottom|middle|top)(,(bottom|middle|top))*$/);
      const zeros = (c.args.p as number[]).filter((x) => x === 0).length;
      expect(zeros).toBe(/zeros@(.*)$/.exec(c.label)![1]!.split(",").length);
      if (c.args.r === undefined && /zeros@bottom$/.test(c.label)) expect((c.args.p as number[])[0]).toBe(0);
      if (c.args.r === undefined && /zeros@top$/.test(c.label)) expect((c.args.p as number[]).at(-1)).toBe(0);
    }
  });

  test("zero-mass with r: a zero at the bottom has the lowest reward, at the top the highest, in the middle a tie", () => {
    for (const c of sample("zero-mass", "bonPmf", 300).filter((x) => x.args.r !== undefined && /zeros@\w+$/.test(x.label) && !x.label.includes(","))) {
      const p = c.args.p as number[];
      const r = c.args.r as number[];
      const at = p.indexOf(0);
      const others = r.filter((_, i) => i !== at);
      if (c.label.endsWith("@bottom")) expect(r[at]!).toBeLessThan(Math.min(...others));
      if (c.label.endsWith("@top")) expect(r[at]!).toBeGreaterThan(Math.max(...others));
      if (c.label.endsWith("@middle")) expect(others).toContain(r[at]);
      expect(at).toBe(Math.floor((p.length - 1) / 2));
    }
  });

  test("large-L: the family (and the seed of random weights)", () => {
    for (const c of fc.sample(domainNamed("large-L")!.ops.bonPmf!.arbitrary, { seed: 2, numRuns: 20 })) {
      expect(c.label).toMatch(/^L=\d+ n=\d+ (uniform|zipf-up|zipf-down|random weights \(seed \d+\))$/);
      const p = c.args.p as number[];
      if (c.label.endsWith("uniform")) expect(new Set(p).size).toBe(1);
      if (c.label.endsWith("zipf-up")) expect(p.at(-1)!).toBeGreaterThan(p[0]!);
      if (c.label.endsWith("zipf-down")) expect(p[0]!).toBeGreaterThan(p.at(-1)!);
    }
  });

  test("normalisation: how p was put off 1", () => {
    for (const c of sample("normalisation", "bonPmf")) expect(c.label).toMatch(/^L=\d+ n=\d+ (p scaled by 1 [+-] \d\.\de-\d+|tiny( \de-\d+)+ added at the bottom, not renormalised)$/);
    const sum = (p: number[]) => p.reduce((a, b) => a + b, 0);
    for (const c of sample("normalisation", "bonPmf")) {
      const p = c.args.p as number[];
      if (c.label.includes("scaled by 1 + ")) expect(sum(p)).toBeGreaterThan(1);
      if (c.label.includes("scaled by 1 - ")) expect(sum(p)).toBeLessThan(1);
      if (c.label.includes("not renormalised")) expect(p[0]!).toBeLessThan(1e-7);
    }
  });

  test("ties: the number of reward levels", () => {
    for (const c of sample("ties", "bonPmf")) expect(c.label).toBe(`L=${(c.args.p as number[]).length} n=${c.args.n} ${new Set(c.args.r as number[]).size} reward levels`);
  });

  test("invalid: each defect named as it is", () => {
    const cases = [...sample("invalid", "bonPmf", 400), ...sample("invalid", "renyi2", 200)];
    const seen = new Set<string>();
    for (const c of cases) {
      const p = c.args.p as unknown[];
      let m: RegExpExecArray | null;
      if ((m = /^negative mass p\[(\d+)\]$/.exec(c.label))) expect(p[Number(m[1])] as number).toBeLessThan(0);
      else if ((m = /^p\[(\d+)\] = (.*)$/.exec(c.label))) expect(JSON.stringify(p[Number(m[1])])).toBe(m[2]);
      else if (c.label === "empty p") expect(p).toEqual([]);
      else if ((m = /^sum\(p\) = (.*) \(off by more than 1e-6\)$/.exec(c.label))) expect(Math.abs((p as number[]).reduce((a, b) => a + b, 0) - Number(m[1]))).toBeLessThan(1e-9);
      else if ((m = /^r of length (\d+) for L=(\d+)$/.exec(c.label))) expect([(c.args.r as number[]).length, p.length]).toEqual([Number(m[1]), Number(m[2])]);
      else if ((m = /^n = (.*)$/.exec(c.label))) expect(String(c.args.n)).toBe(m[1]);
      else throw new Error(`unexpected label ${c.label}`);
      seen.add(c.label.replace(/\d+/g, "#").replace(/= .*$/, "="));
    }
    expect(seen.size).toBeGreaterThanOrEqual(6);
    const formula = sample("invalid", "klFormula", 50).map((c) => c.label);
    expect(new Set(formula)).toEqual(new Set(["n = 0", "n = 1.5", `n = ${2 ** 53}`, "n = -1"]));
    const estimators = sample("invalid", "klEstimate", 300);
    for (const c of estimators) expect(c.label).toMatch(/^(n = .*|eps = .*|logEps = .* > 0|both eps and logEps|neither eps nor logEps)$/);
    expect(new Set(estimators.map((c) => c.label.split(" ")[0]))).toEqual(new Set(["n", "eps", "logEps", "both", "neither"]));
  });

  test("cases per op: runs x share, at least 1", () => {
    const largeL = domainNamed("large-L") as Domain;
    expect([caseCount(largeL, 100), caseCount(largeL, 10), caseCount(largeL, 1), caseCount(largeL, 75), caseCount(largeL, 74)]).toEqual([2, 1, 1, 2, 1]);
    expect(caseCount(domainNamed("standard")!, 7)).toBe(7);
  });
});
