// Where the tiny and zero-mass domains put their special masses (spec/conformance.md, the domains' boxes): at the
// bottom, the top or the middle of the order as the case's label says; and a case without rewards has no `r` at all
// (a module subject sees the args object itself, where an `r: undefined` key would be visible).
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Case } from "../case.ts";
import { domainNamed } from "./index.ts";

function casesOf(domain: string, count: number): Case[] {
  return fc.sample(domainNamed(domain)!.ops.bonPmf!.arbitrary, { seed: 5, numRuns: count });
}

/** The index where a single special entry belongs in p of length `length`. */
function expectedIndex(place: string, length: number): number {
  if (place === "bottom") return 0;
  if (place === "top") return length - 1;
  if (place === "middle") return Math.floor((length - 1) / 2);
  throw new Error(`unknown place ${place}`);
}

describe("special masses where the label puts them", () => {
  test("tiny: a single tiny mass (below 1e-12) at the bottom, the top or the middle", () => {
    const places = new Set<string>();
    for (const c of casesOf("tiny", 400)) {
      const m = / tiny \de-\d+@(\w+)$/.exec(c.label);
      if (m === null) continue; // more than one tiny mass: positions interact
      const p = c.args.p as number[];
      const tiny = p.flatMap((x, i) => (x < 1e-12 ? [i] : []));
      expect(tiny, c.label).toEqual([expectedIndex(m[1]!, p.length)]);
      places.add(m[1]!);
    }
    expect([...places].sort()).toEqual(["bottom", "middle", "top"]);
  });

  test("zero-mass without rewards: a single zero where the label says, and no r key", () => {
    const places = new Set<string>();
    for (const c of casesOf("zero-mass", 400)) {
      if (c.args.r !== undefined) continue;
      expect(Object.keys(c.args).sort(), c.label).toEqual(["n", "p"]);
      const m = / zeros@(\w+)$/.exec(c.label);
      if (m === null) continue;
      const p = c.args.p as number[];
      const zeros = p.flatMap((x, i) => (x === 0 ? [i] : []));
      expect(zeros, c.label).toEqual([expectedIndex(m[1]!, p.length)]);
      places.add(m[1]!);
    }
    expect([...places].sort()).toEqual(["bottom", "middle", "top"]);
  });
});

describe("large-L: the label names the weights' family", () => {
  test("uniform and Zipf weights are named as such; only random ones say 'random weights'", () => {
    const seen = new Set<string>();
    for (const c of fc.sample(domainNamed("large-L")!.ops.bonPmf!.arbitrary, { seed: 5, numRuns: 16 })) {
      const p = c.args.p as number[];
      const rising = p.every((x, i) => i === 0 || x >= p[i - 1]!);
      const falling = p.every((x, i) => i === 0 || x <= p[i - 1]!);
      const family = rising && falling ? "uniform" : rising ? "zipf-up" : falling ? "zipf-down" : "random";
      expect(c.label.includes(family === "random" ? "random weights (seed " : family), c.label).toBe(true);
      if (family !== "random") expect(c.label, c.label).not.toContain("random weights");
      seen.add(family);
    }
    expect(seen.size).toBeGreaterThanOrEqual(3);
  });
});
