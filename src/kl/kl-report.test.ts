import { describe, expect, it } from "vitest";
import { klReport } from "./kl-report.ts";

describe("klReport", () => {
  const report = klReport({ p: ["0.2", "0.3", "0.5"], r: [1, 2, 3], n: [1, 16] }, 12);
  const at = (n: number, key: string) => Number(report.perN.find((b) => b.n === n)?.lines.find((l) => l.key === key)?.value);

  it("certifies every quantity to the digits asked", () => {
    expect(report.distribution.map((l) => l.key)).toEqual(["epsInfinity", "renyi2"]);
    expect(report.distribution[0]?.value).toBe("5e-1");
    for (const line of report.perN.flatMap((b) => b.lines)) expect(line.complete).toBe(true);
    expect(at(16, "klBon")).toBeCloseTo(0.692970490982, 12);
  });

  it("is consistent with the paper's statements at n = 16", () => {
    const kl = at(16, "klBon");
    const gap = at(16, "gap");
    expect(gap).toBeCloseTo(at(16, "klFormula") - kl, 11);
    expect(gap).toBeLessThanOrEqual(at(16, "gapBoundThm2")); // Theorem 2
    expect(gap).toBeGreaterThanOrEqual(at(16, "gapBoundThm3")); // Theorem 3
    expect(kl).toBeLessThanOrEqual(at(16, "klBoundThm4")); // Theorem 4
    expect(kl).toBeLessThanOrEqual(at(16, "klBoundLemma2")); // Lemma 2
    expect(at(16, "klBoundLemma2")).toBe(at(16, "klEstimateUpperMean"));
  });

  it("gives exact zeros at n = 1", () => {
    for (const key of ["klBon", "klFormula", "gap", "klEstimateMean", "klEstimateSd"]) expect(at(1, key)).toBe(0);
  });
});

describe("klReport progress", () => {
  it("is reported during one long computation too, not only between quantities", () => {
    // 3000 reward levels: a walk over them reports every 1024 levels, and each certification pass at its start
    const p = Array.from({ length: 3000 }, () => "1/3000");
    const calls: [number, string][] = [];
    klReport({ p, n: [1000] }, 8, (done, _total, label) => calls.push([done, label]));
    const before = (i: number): number => (i === 0 ? 0 : (calls[i - 1] as [number, string])[0]);
    const ticks = calls.filter(([done], i) => done > before(i));
    expect(ticks.map(([done]) => done)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1)); // 2 + 13 quantities
    const during = calls.filter(([done], i) => done === before(i));
    // while klBon at n = 1000 is computed (after the 2 distribution quantities), its label is reported
    expect(during.some(([done, label]) => done === 2 && label === "n = 1000: klBon")).toBe(true);
    expect(during.length).toBeGreaterThan(3);
  });
});
