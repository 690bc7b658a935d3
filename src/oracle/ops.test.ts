/**
 * The oracle's op table and the public API built on it: argument handling of every op (per, alpha, eps / logEps /
 * eps_infinity, mixtures), results against closed forms, and the documentation each op carries.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { InputError } from "../errors.ts";
import * as oracle from "./index.ts";
import { compareDyadic, type Enclosure } from "../numerics/enclosure.ts";
import { enclosureContains } from "../numerics/exact-compare.ts";

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error("expected an InputError");
}

const scalar = (op: string, args: unknown): Enclosure => {
  const result = oracle.compute(op, args);
  expect(Array.isArray(result)).toBe(false);
  return result as Enclosure;
};
const same = (a: Enclosure, b: Enclosure): boolean => compareDyadic(a.lo, b.lo) === 0 && compareDyadic(a.hi, b.hi) === 0;
const near = (e: Enclosure, x: number, rel = 1e-14): void => {
  expect(Math.abs(e.mid - x), `${e.toString()} vs ${x}`).toBeLessThanOrEqual(rel * Math.abs(x));
};

describe("the op table", () => {
  test("opNames lists every op once; the protocol's ops are among them", () => {
    expect(new Set(oracle.opNames).size).toBe(oracle.opNames.length);
    expect([...oracle.oracleOps.keys()]).toEqual(oracle.opNames);
    for (const op of ["bonPmf", "klBon", "klFormula", "klEstimate", "klEstimateUpper", "renyi2"]) expect(oracle.opNames).toContain(op);
    expect(oracle.opNames).toHaveLength(21);
    for (const [name, op] of oracle.oracleOps) expect(op.name).toBe(name);
  });

  test("each op cites the paper: the protocol's ops as spec/protocol.md does", () => {
    const table = readFileSync("spec/protocol.md", "utf8");
    for (const [op, equation] of [...table.matchAll(/^\| `(\w+)` \|[^\n]*(Eq\. \(\d+\)) \|$/gm)].map((m): [string, string] => [m[1]!, m[2]!])) {
      expect(oracle.oracleOps.get(op)?.reference, op).toContain(equation);
    }
    for (const op of oracle.oracleOps.values()) {
      expect(op.reference, op.name).toMatch(/^(Eq\. \(\d+\)|Lemma \d|Theorem \d|Corollary \d|Example \d)/);
      expect(op.summary.length, op.name).toBeGreaterThan(5);
    }
    // the estimators' moments cite their estimator: KLhat_1 is Eq. (26), KLhat Eq. (28)
    expect(oracle.oracleOps.get("klEstimateUpperMean")?.reference).toBe("Eq. (26) under pi_n");
    expect(oracle.oracleOps.get("klEstimateUpperVariance")?.reference).toBe("Eq. (26) under pi_n");
    expect(oracle.oracleOps.get("klEstimateMean")?.reference).toBe("Eq. (28) under pi_n");
    expect(oracle.oracleOps.get("klEstimateVariance")?.reference).toBe("Eq. (28) under pi_n");
    expect(oracle.oracleOps.get("klEstimateMean")?.summary).toMatch(/^expectation of KLhat\(eps_n\)/);
    expect(oracle.oracleOps.get("klEstimateUpperVariance")?.summary).toMatch(/^variance of KLhat_1\(eps_n\)/);
  });

  test("each argument spec/vectors/README.md's table gives an op is written the same way in the op's `args`", () => {
    const table = readFileSync(new URL("../../spec/vectors/README.md", import.meta.url), "utf8");
    const rows = [...table.matchAll(/^\| `(\w+)` \| `([^`]*)`(?: or `([^`]*)`)? \|/gm)];
    expect(rows.length).toBeGreaterThanOrEqual(18);
    for (const [, name, args, alternative] of rows) {
      const op = oracle.oracleOps.get(name!);
      expect(op, name).toBeDefined();
      // top-level parts: "components: [{weight, p, r?}]" is one part
      const parts = [args!, alternative ?? ""].flatMap((text) => text.split(/,\s*(?![^[]*\])/)).filter((part) => part !== "");
      for (const part of parts) expect(op!.args, `${name}: ${part}`).toContain(part);
    }
  });

  test("each op's `args` names what it requires: leaving one out is an InputError naming it", () => {
    const values: Record<string, unknown> = { p: [0.25, 0.75], n: 3, eps: 0.25, alpha: 2, components: [{ weight: 1, p: [1] }] };
    for (const op of oracle.oracleOps.values()) {
      // top-level parts of e.g. "p, n, r?", "n, eps | logEps | (p, r?)", "components: [{weight, p, r?}], n"
      const parts = op.args.replace(/\[[^\]]*\]|\([^)]*\)/g, "").split(",").map((part) => part.trim());
      const required = parts.filter((part) => part !== "" && !part.endsWith("?"));
      expect(required.length, op.name).toBeGreaterThan(0);
      const args: Record<string, unknown> = {};
      for (const part of required) {
        const name = part.split(/[\s:|]/)[0]!;
        expect(Object.keys(values), `${op.name}: ${part}`).toContain(name);
        args[name] = values[name];
      }
      expect(() => op.prepare(args), `${op.name} with ${JSON.stringify(args)}`).not.toThrow();
      for (const part of required) {
        const name = part.split(/[\s:|]/)[0]!;
        if (name === "alpha") continue; // alpha defaults to 2 (renyi is renyi2 then)
        const without = { ...args };
        delete without[name];
        expect(inputError(() => op.prepare(without)).field, `${op.name} without ${name}`).toBe(name);
      }
    }
    expect(oracle.oracleOps.get("gapBoundThm3")?.args).toBe("n, eps | logEps | (p, r?, per?)");
    expect(oracle.oracleOps.get("renyi2")?.args).toBe("p, r?, per?");
    expect(oracle.oracleOps.get("klEstimate")?.args).toBe("n, eps | logEps");
  });

  test("unknown ops and non-object args", () => {
    expect(() => oracle.compute("nope", {})).toThrow('unsupported op "nope"');
    expect(() => oracle.prepare("nope", {})).toThrow(oracle.UnknownOpError);
    try {
      oracle.prepare("x y", {});
    } catch (e) {
      expect((e as oracle.UnknownOpError).op).toBe("x y");
    }
    for (const args of [null, [1], "x", 3, undefined]) {
      const e = inputError(() => oracle.compute("klFormula", args));
      expect(e.field).toBe("args");
      expect(e.reason).toBe("must be an object");
    }
  });
});

describe("the public API", () => {
  test("compute: a vector for the vector ops, one enclosure otherwise", () => {
    const pmf = oracle.compute("bonPmf", { p: [0.5, 0.5], n: 2 });
    expect(Array.isArray(pmf) && pmf.length).toBe(2);
    const levels = oracle.compute("bonLevelPmf", { p: [0.25, 0.25, 0.5], r: [1, 1, 0], n: 2 });
    expect(Array.isArray(levels) && levels.length).toBe(2);
    expect(Array.isArray(oracle.compute("klFormula", { n: 2 }))).toBe(false);
  });

  test("every named export runs the op of its name", () => {
    const dist = { p: ["0.2", "0.3", "0.5"], n: 4 };
    const named: [string, (args: never, accuracy?: oracle.Accuracy) => Enclosure | Enclosure[], Record<string, unknown>][] = [
      ["bonPmf", oracle.bonPmf, dist],
      ["bonLevelPmf", oracle.bonLevelPmf, { ...dist, r: [1, 1, 2] }],
      ["klBon", oracle.klBon, dist],
      ["klFormula", oracle.klFormula, { n: 5 }],
      ["klExample1", oracle.klExample1, { n: 5 }],
      ["klEstimate", oracle.klEstimate, { n: 5, eps: 0.1 }],
      ["klEstimateUpper", oracle.klEstimateUpper, { n: 5, eps: 0.1 }],
      ["renyi2", oracle.renyi2, dist],
      ["renyi", oracle.renyi, { ...dist, alpha: 3 }],
      ["epsInfinity", oracle.epsInfinity, dist],
      ["gapBoundThm2", oracle.gapBoundThm2, dist],
      ["gapBoundCor2", oracle.gapBoundCor2, dist],
      ["gapBoundThm3", oracle.gapBoundThm3, dist],
      ["gapBoundCor3", oracle.gapBoundCor3, dist],
      ["klBoundThm4", oracle.klBoundThm4, dist],
      ["klBoundLemma2", oracle.klBoundLemma2, dist],
      ["klEstimateMean", oracle.klEstimateMean, dist],
      ["klEstimateVariance", oracle.klEstimateVariance, dist],
      ["klEstimateUpperMean", oracle.klEstimateUpperMean, dist],
      ["klEstimateUpperVariance", oracle.klEstimateUpperVariance, dist],
      ["klMixture", oracle.klMixture, { components: [{ weight: 1, p: dist.p }], n: 4 }],
    ];
    expect(named.map(([name]) => name).sort()).toEqual([...oracle.opNames].sort());
    const values = new Map<string, string>();
    for (const [name, fn, args] of named) {
      const a = fn(args as never);
      const b = oracle.compute(name, args);
      expect(JSON.stringify(a, (_, v) => (typeof v === "bigint" ? v.toString() : v)), name).toBe(JSON.stringify(b, (_, v) => (typeof v === "bigint" ? v.toString() : v)));
      if (!Array.isArray(a)) values.set(name, a.toString());
    }
    // the scalar ops are different quantities: no two exports share a result by accident of wiring
    const distinct = ["klBon", "klFormula", "klExample1", "klEstimate", "klEstimateUpper", "renyi2", "renyi", "epsInfinity", "gapBoundThm2", "gapBoundCor2", "gapBoundThm3", "gapBoundCor3", "klBoundThm4", "klBoundLemma2", "klEstimateMean", "klEstimateVariance", "klEstimateUpperVariance"];
    expect(new Set(distinct.map((n) => values.get(n))).size).toBe(distinct.length);
    // an accuracy passed to a named export is used
    expect(oracle.klFormula({ n: 5 }, { relative: 1e-3, absolute: 0, startPrecision: 64 }).precision).toBe(64);
    expect(oracle.bonPmf({ p: [0.5, 0.5], n: 3 }, { startPrecision: 256 })[0]!.precision).toBe(256);
  });
});

describe("per: outcomes or reward levels", () => {
  // p = (1/4, 1/4, 1/2) with the two quarters tied at the top: levels (1/2, 1/2)
  const tied = { p: ["0.25", "0.25", "0.5"], r: [1, 1, 0] };
  test("renyi2 and renyi default to outcomes", () => {
    near(scalar("renyi2", tied), -Math.log(0.375));
    near(scalar("renyi2", { ...tied, per: "level" }), Math.log(2));
    near(scalar("renyi", { ...tied, alpha: 2 }), -Math.log(0.375));
    near(scalar("renyi", { ...tied, alpha: 2, per: "level" }), Math.log(2));
  });
  test("epsInfinity defaults to the level", () => {
    near(scalar("epsInfinity", tied), 0.5);
    near(scalar("epsInfinity", { ...tied, per: "level" }), 0.5);
    near(scalar("epsInfinity", { ...tied, per: "outcome" }), 0.25);
  });
  test("Corollary 2 and Theorem 2 default to outcomes", () => {
    // 2 n (n-1) max p and 2 n (n-1) sum p^2 with n = 3
    near(scalar("gapBoundCor2", { ...tied, n: 3 }), 12 * 0.5);
    near(scalar("gapBoundCor2", { ...tied, n: 3, per: "level" }), 12 * 0.5);
    near(scalar("gapBoundCor2", { p: ["0.25", "0.25", "0.5"], r: [0, 0, 1], n: 3 }), 12 * 0.5);
    near(scalar("gapBoundThm2", { ...tied, n: 3 }), 12 * 0.375);
    near(scalar("gapBoundThm2", { ...tied, n: 3, per: "level" }), 12 * 0.5);
  });
  test("the eps_infinity of the bounds defaults to the level", () => {
    const atLevel = scalar("klBoundThm4", { n: 3, eps: 0.5 });
    const atOutcome = scalar("klBoundThm4", { n: 3, eps: 0.25 });
    expect(same(scalar("klBoundThm4", { ...tied, n: 3 }), atLevel)).toBe(true);
    expect(same(scalar("klBoundThm4", { ...tied, n: 3, per: "level" }), atLevel)).toBe(true);
    expect(same(scalar("klBoundThm4", { ...tied, n: 3, per: "outcome" }), atOutcome)).toBe(true);
  });
  test("anything else is refused", () => {
    for (const op of ["renyi2", "epsInfinity", "gapBoundThm2", "gapBoundCor2", "gapBoundThm3"]) {
      const e = inputError(() => oracle.compute(op, { ...tied, n: 3, per: "levels" }));
      expect(e.field).toBe("per");
      expect(e.message).toBe('per: must be "outcome" or "level", got "levels"');
    }
    expect(inputError(() => oracle.compute("renyi", { ...tied, alpha: 2, per: 1 })).field).toBe("per");
  });
});

describe("alpha", () => {
  const p = { p: ["0.125", "0.375", "0.5"] };
  const q = [0.125, 0.375, 0.5];
  test("defaults to 2; 1 is Shannon; inf is the min-entropy; others by Eq. (18)", () => {
    expect(same(scalar("renyi", p), scalar("renyi2", p))).toBe(true);
    near(scalar("renyi", { ...p, alpha: 1 }), -q.reduce((s, x) => s + x * Math.log(x), 0));
    near(scalar("renyi", { ...p, alpha: "inf" }), -Math.log(0.5));
    near(scalar("renyi", { ...p, alpha: "Infinity" }), -Math.log(0.5));
    near(scalar("renyi", { ...p, alpha: 0.5 }), Math.log(q.reduce((s, x) => s + Math.sqrt(x), 0)) / 0.5);
    near(scalar("renyi", { ...p, alpha: 3 }), Math.log(q.reduce((s, x) => s + x ** 3, 0)) / -2);
  });
  test("bad alphas", () => {
    for (const alpha of [0, -1, Number.NaN, "2", "infinity", null, Number.MAX_VALUE * 2]) {
      const e = inputError(() => oracle.compute("renyi", { ...p, alpha }));
      expect(e.field).toBe("alpha");
      expect(e.reason).toBe('must be a positive number or "inf"');
    }
    expect(inputError(() => oracle.compute("renyi", JSON.parse('{"p": [1], "alpha": 1e999}') as object)).field).toBe("alpha");
  });
});

describe("eps for the bounds: eps, logEps, or the eps_infinity of p", () => {
  test("all three ways agree", () => {
    for (const op of ["gapBoundThm3", "gapBoundCor3", "klBoundThm4"]) {
      const byEps = scalar(op, { n: 7, eps: "0.125" });
      const byP = scalar(op, { n: 7, p: ["0.875", "0.125"] });
      expect(same(byEps, byP), op).toBe(true);
      const byLog = scalar(op, { n: 7, logEps: Math.log(0.125) });
      near(byLog, byEps.mid, 1e-12);
    }
  });
  test("an explicit eps wins over p; neither is an error naming eps", () => {
    expect(same(scalar("klBoundThm4", { n: 3, eps: 0.5, p: [0.9, 0.1] }), scalar("klBoundThm4", { n: 3, eps: 0.5 }))).toBe(true);
    expect(same(scalar("klBoundThm4", { n: 3, logEps: 0, p: [0.9, 0.1] }), scalar("klBoundThm4", { n: 3, eps: 1 }))).toBe(true);
    const e = inputError(() => oracle.compute("gapBoundCor3", { n: 3 }));
    expect(e.message).toBe("eps: give eps, logEps, or a distribution p (its eps_infinity is used), got undefined");
  });
  test("the estimators take eps or logEps only, never p", () => {
    for (const op of ["klEstimate", "klEstimateUpper"]) expect(inputError(() => oracle.compute(op, { n: 3, p: [0.5, 0.5] })).field).toBe("eps");
    expect(same(scalar("klEstimate", { n: 3, eps: 0.5, p: [0.1, 0.9] }), scalar("klEstimate", { n: 3, eps: 0.5 }))).toBe(true);
    expect(same(scalar("klEstimateUpper", { n: 3, logEps: -1, p: [0.1, 0.9] }), scalar("klEstimateUpper", { n: 3, logEps: -1 }))).toBe(true);
  });
  test("eps within 1e-300 of 1 (logEps = -1e-300, -1e-100000): the estimators still certify their tiny value", () => {
    // KLhat_1(eps) = -log eps + log1p(-(1 - eps)^n) and KLhat(eps) both equal -logEps up to (1 - eps)^n ~ 10^(-300 n):
    // log(1 - eps) must come from logEps (expm1), since 1 - eps is far below eps's own rounding
    for (const logEps of ["-1e-300", "-1e-100000"]) {
      for (const op of ["klEstimate", "klEstimateUpper"]) {
        const e = scalar(op, { n: 1000, logEps });
        expect(e.accurate, `${op} at logEps = ${logEps}`).toBe(true);
        const value = -Number(logEps); // 1e-300, or 0 for 1e-100000 (below the doubles)
        expect(e.loNumber <= value && value <= e.hiNumber, `${op} at logEps = ${logEps}`).toBe(true);
      }
    }
  });
  test("values at eps = 1/2, n = 2, from the formulas", () => {
    // KLhat_1(1/2) = log((1 - 1/4) / (1/2)) = log(3/2); KLhat(1/2) = 1/4 (log 2 + log(1/2) - 1/2) + 3/4 log(3/2)
    near(scalar("klEstimateUpper", { n: 2, eps: 0.5 }), Math.log(1.5));
    near(scalar("klEstimate", { n: 2, eps: 0.5 }), 0.25 * -0.5 + 0.75 * Math.log(1.5));
    near(scalar("klBoundThm4", { n: 2, eps: 0.5 }), 0.25 * -0.5 + 0.75 * Math.log(1.5));
    // Corollary 3: (1 - e^{-n e}) log(n e) - 1 = (1 - e^-1) log 1 - 1 = -1
    near(scalar("gapBoundCor3", { n: 2, eps: 0.5 }), -1);
    // Theorem 3 at e = 1: log n - (n-1)/n
    expect(same(scalar("gapBoundThm3", { n: 9, eps: 1 }), scalar("klFormula", { n: 9 }))).toBe(true);
  });
});

describe("mixtures (Corollary 1)", () => {
  test("the weighted mean of the components' KL, weights normalised exactly, zero weights skipped", () => {
    const a = { p: [0.5, 0.5] };
    const b = { p: ["0.2", "0.8"], r: [1, 0] };
    const klA = scalar("klBon", { ...a, n: 3 }).mid;
    const klB = scalar("klBon", { ...b, n: 3 }).mid;
    near(scalar("klMixture", { components: [{ weight: 1, ...a }, { weight: "3", ...b }], n: 3 }), (klA + 3 * klB) / 4);
    near(scalar("klMixture", { components: [{ weight: "1/3", ...a }, { weight: 0, p: [1] }, { weight: "2/3", ...b }], n: 3 }), (klA + 2 * klB) / 3);
    near(scalar("klMixture", { components: [{ weight: 0.25, ...a }], n: 3 }), klA);
  });
  test("bad mixtures", () => {
    const cases: [unknown, string, string][] = [
      [undefined, "components", "must be a non-empty array of {weight, p, r?}"],
      [[], "components", "must be a non-empty array of {weight, p, r?}"],
      [{ weight: 1, p: [1] }, "components", "must be a non-empty array of {weight, p, r?}"],
      [[{ weight: -1, p: [1] }], "components[0].weight", "must be non-negative"],
      [[{ weight: 1, p: [1] }, { weight: "x", p: [1] }], "components[1].weight", 'must be a number, a decimal string such as "1e-30", or a ratio "a/b"'],
      [[{ weight: 0, p: [1] }, { weight: "0", p: [1] }], "components", "weights must not all be 0"],
      [[{ weight: 1, p: [0.5, 0.4] }], "components[0].p", "must sum to 1 within 1e-6 (the sum is shown)"],
      [[{ weight: 1, p: [0.5, 0.5], r: [1] }], "components[0].r", "must have the same length as p (2)"],
    ];
    for (const [components, field, reason] of cases) {
      const e = inputError(() => oracle.compute("klMixture", { components, n: 2 }));
      expect([e.field, e.reason], JSON.stringify(components)).toEqual([field, reason]);
    }
  });
  test("a component that is not an object is named by its index", () => {
    expect(inputError(() => oracle.compute("klMixture", { components: [5], n: 2 })).field).toBe("components[0]");
  });
});

describe("the estimators' moments under pi_n", () => {
  test("mean and variance of KLhat(p(y)) and KLhat_1(p(y)), y ~ pi_n, from the estimators at each p_i", () => {
    const p = ["0.2", "0.3", "0.5"];
    const n = 4;
    const pi = (oracle.bonPmf({ p, n }) as Enclosure[]).map((e) => e.mid);
    for (const [estimator, mean, variance] of [
      ["klEstimate", "klEstimateMean", "klEstimateVariance"],
      ["klEstimateUpper", "klEstimateUpperMean", "klEstimateUpperVariance"],
    ] as const) {
      const values = p.map((eps) => scalar(estimator, { n, eps }).mid);
      const m = values.reduce((s, v, i) => s + pi[i]! * v, 0);
      const v = values.reduce((s, x, i) => s + pi[i]! * (x - m) ** 2, 0);
      near(scalar(mean, { p, n }), m, 1e-13);
      near(scalar(variance, { p, n }), v, 1e-12);
    }
    expect(same(scalar("klBoundLemma2", { p, n }), scalar("klEstimateUpperMean", { p, n }))).toBe(true);
  });
  test("equal masses: the estimators' values, variance exactly 0", () => {
    const p = ["0.25", "0.25", "0.25", "0.25"];
    expect(same(scalar("klEstimateMean", { p, n: 3 }), scalar("klEstimate", { n: 3, eps: "0.25" }))).toBe(true);
    expect(same(scalar("klEstimateUpperMean", { p: [...p, 0], n: 3 }), scalar("klEstimateUpper", { n: 3, eps: "0.25" }))).toBe(true);
    for (const op of ["klEstimateVariance", "klEstimateUpperVariance"]) {
      const e = scalar(op, { p, n: 3 });
      expect([e.lo.m, e.hi.m]).toEqual([0n, 0n]);
    }
  });
  test("zero masses carry no weight", () => {
    const withZero = scalar("klEstimateMean", { p: ["0.2", 0, "0.8"], n: 5 });
    const without = scalar("klEstimateMean", { p: ["0.2", "0.8"], n: 5 });
    expect(same(withZero, without)).toBe(true);
  });
});

describe("bon policy per level", () => {
  test("bonLevelPmf: P_k = F_k^n - F_{k-1}^n in increasing reward order", () => {
    // levels (reward 0: 1/2, reward 1: 1/4 + 1/4): P = (1/4, 3/4) for n = 2
    const levels = oracle.bonLevelPmf({ p: ["0.25", "0.5", "0.25"], r: [1, 0, 1], n: 2 });
    expect(enclosureContains(levels[0]!, { num: 1n, den: 4n })).toBe(true);
    expect(enclosureContains(levels[1]!, { num: 3n, den: 4n })).toBe(true);
  });
});
