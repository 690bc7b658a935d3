/**
 * Every claim is as tight as it says (src/claims/paper/tightness.ts): where the bound is attained in the limit, the
 * slack decreases to 0 along its witness family; where it is loose, lhs / rhs reaches the stated supremum and no
 * more. A weakened transcription (a constant changed, a term dropped) fails here. Theorem 2's constant is pinned.
 */
import { describe, expect, test } from "vitest";
import { claims, claimById } from "../src/claims/paper/index.ts";
import type { Claim } from "../src/claims/claim.ts";
import { measureTightness } from "../src/claims/tightness-check.ts";
import { decideCase } from "../src/claims/decide.ts";
import { withArena } from "../src/numerics/arena.ts";
import { Interval } from "../src/numerics/interval.ts";
import { gap } from "../src/claims/paper/quantities.ts";
import { gapBoundThm2 } from "../src/oracle/interval-api.ts";
import { distributionOf } from "../src/claims/arbitraries/cases.ts";

describe("tightness", () => {
  for (const claim of claims) {
    if (claim.tightness === undefined) continue;
    test(`${claim.id}: ${claim.tightness.kind}`, () => {
      const t = measureTightness(claim as Claim<unknown>);
      expect(t?.problems, t?.points.map((p) => `${p.case}: ${p.outcome.how} slack ${JSON.stringify(p.outcome.slack)} ratio ${JSON.stringify(p.outcome.ratio)}`).join("\n")).toEqual([]);
    });
  }

  test("every inequality that is not known to fail states how tight it is", () => {
    const missing = claims.filter((c) => c.decision === "inequality" && c.refutedBy === undefined && c.tightness === undefined).map((c) => c.id);
    expect(missing).toEqual([]);
  });

  test("a weakened Theorem 1 is caught: with the bound raised by 1e-4 the slack of the family stays above its target", () => {
    const thm1 = claimById("thm1.kl-le-formula") as Claim<any>;
    const raised: Claim<any> = {
      ...thm1,
      check: (arena, c) => {
        const e = thm1.check(arena, c);
        if (e.status !== "proved" || e.slack === undefined) return e;
        const up = (x: string) => String(Number(x) + 1e-4);
        return { ...e, slack: { lo: up(e.slack.lo), hi: up(e.slack.hi), digits: null, log10: Math.log10(Number(up(e.slack.hi))) } };
      },
    };
    expect(measureTightness(raised)?.problems.join("\n")).toMatch(/is not below 0.000001/);
  });
});

describe("Theorem 2's constant", () => {
  test("gap / bound = (ln 2 - 1/2)/4 = 0.0482868 at a point mass with n = 2, certified", () => {
    const c = { dist: { p: ["1"], label: "point mass" }, n: 2 };
    withArena(256, (arena) => {
      const ratio = gap(arena, c).div(gapBoundThm2(arena, distributionOf(c.dist), 2));
      const constant = Interval.fromDouble(arena, 2).log().addDouble(-0.5).scale(0.25);
      expect(ratio.certainlyBelow(constant) || constant.certainlyBelow(ratio)).toBe(false);
      expect(ratio.loDouble()).toBeGreaterThan(0.0482867);
      expect(ratio.hiDouble()).toBeLessThan(0.0482869);
    });
    // the claim's own check reports that ratio (its tightness: loose, supremum reached there)
    const thm2 = claimById("thm2.gap-le-renyi2") as Claim<any>;
    const out = decideCase(thm2, thm2.check, c);
    expect(out.verdict).toBe("verified");
    expect(out.ratio?.digits).toBe("4.83e-2");
  });

  test("a wrong constant is caught: with n(n-1) in place of 2n(n-1) the ratio at the point is twice the supremum", () => {
    const thm2 = claimById("thm2.gap-le-renyi2") as Claim<any>;
    const halved: Claim<any> = {
      ...thm2,
      check: (arena, c) => {
        const e = thm2.check(arena, c);
        if (e.status !== "proved" || e.ratio === undefined) return e;
        const twice = (x: string) => String(2 * Number(x));
        return { ...e, ratio: { lo: twice(e.ratio.lo), hi: twice(e.ratio.hi), digits: null, log10: (e.ratio.log10 ?? 0) + Math.log10(2) } };
      },
    };
    expect(measureTightness(halved)?.problems.join("\n")).toMatch(/exceeds the supremum/);
  });
});
