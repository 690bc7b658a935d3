/**
 * The factored slacks agree with the direct ones: where both the comparison of the two sides and the factored form
 * decide a case, their certified slack enclosures overlap (a wrong factorisation would make them disjoint). Also p'
 * (the distribution below the top level) and the exhaustive enumeration of Lemma 1 on small known cases.
 */
import { describe, expect, test } from "vitest";
import { withArena, type Arena } from "../../numerics/arena.ts";
import { Interval } from "../../numerics/interval.ts";
import { estimatorMoments, gapBoundThm3, klBon } from "../../oracle/interval-api.ts";
import { lessOrEqual, type Evidence } from "../evidence.ts";
import { distributionOf, type BonCase } from "../arbitraries/cases.ts";
import { belowTop } from "./below-top.ts";
import { conjectureSlack, entropySlack, incrementSlack, lemma2Slack, limitSlack, rateSlack, thm3Slack } from "./factored-slacks.ts";
import { epsInfinityPoint, gap, kl } from "./quantities.ts";
import { enumeratedPmf } from "./lemma1.ts";

const CASES: BonCase[] = [
  { dist: { p: ["1/5", "3/10", "1/2"], label: "three levels" }, n: 3 },
  { dist: { p: ["1/10", "2/10", "3/10", "4/10"], label: "four levels" }, n: 7 },
  { dist: { p: ["1/4", "1/4", "1/4", "1/4"], r: [0, 1, 1, 2], label: "a tie in the middle" }, n: 5 },
  { dist: { p: ["1/3", "1/3", "1/3"], label: "uniform" }, n: 20 },
];

function overlap(a: Evidence, b: Evidence | null): boolean {
  if (a.status !== "proved" || b === null || b.status !== "proved" || a.slack === undefined || b.slack === undefined) throw new Error(`not both proved: ${a.status}, ${b?.status}`);
  return Number(a.slack.lo) <= Number(b.slack.hi) && Number(b.slack.lo) <= Number(a.slack.hi);
}

type Direct = (arena: Arena, c: BonCase) => [Interval, Interval];
const FORMS: [string, Direct, (arena: Arena, c: BonCase) => Evidence | null][] = [
  ["Theorem 3: q gap(p')", (arena, c) => [gapBoundThm3(arena, c.n, epsInfinityPoint(arena, c)), gap(arena, c)], thm3Slack],
  ["Lemma 2: term by term", (arena, c) => [kl(arena, c), estimatorMoments(arena, distributionOf(c.dist), c.n).upperMean], lemma2Slack],
  ["the conjecture: q B", (arena, c) => [kl(arena, c), estimatorMoments(arena, distributionOf(c.dist), c.n).estimateMean], conjectureSlack],
  ["KL <= log(1/e): q L_n", (arena, c) => [kl(arena, c), epsInfinityPoint(arena, c).logEps.neg()], limitSlack],
  ["KL non-decreasing: q_n (L_n - (1-e) L_{n+1})", (arena, c) => [kl(arena, c), klBon(arena, distributionOf(c.dist), c.n + 1)], incrementSlack],
];

describe("factored slacks agree with the direct comparison", () => {
  for (const [name, direct, factored] of FORMS) {
    test(name, () => {
      for (const c of CASES) {
        if (name.startsWith("the conjecture") && distributionOf(c.dist).topLevel.members.length !== 1) continue;
        withArena(256, (arena) => {
          const [lhs, rhs] = direct(arena, c);
          expect(overlap(lessOrEqual(lhs, rhs), factored(arena, c)), `${name}: ${c.dist.label}`).toBe(true);
        });
      }
    });
  }

  test("the rate of KL -> log(1/e): q KL(pi_n' || p') (three levels or more)", () => {
    for (const c of CASES.filter((x) => distributionOf(x.dist).levels.length >= 3)) {
      withArena(256, (arena) => {
        const pt = epsInfinityPoint(arena, c);
        const lhs = pt.logEps.neg().sub(kl(arena, c));
        const d = pt.logOneMinusEps.scale(c.n).exp();
        const oneMinusD = pt.logOneMinusEps.scale(c.n).expm1().neg();
        const h = d.mul(pt.logOneMinusEps.scale(c.n)).neg().sub(oneMinusD.mul(oneMinusD.log()));
        expect(overlap(lessOrEqual(lhs, h.add(d.mul(pt.logOneMinusEps.sub(pt.logEps)))), rateSlack(arena, c)), c.dist.label).toBe(true);
      });
    }
  });

  test("uniform p: log L - KL = H(pi_n)", () => {
    const c: BonCase = { dist: { p: ["1/4", "1/4", "1/4", "1/4"], label: "uniform 4" }, n: 9 };
    withArena(256, (arena) => {
      expect(overlap(lessOrEqual(kl(arena, c), Interval.fromDouble(arena, 4).log()), entropySlack(arena, c))).toBe(true);
    });
  });
});

describe("p', the distribution below the top level", () => {
  test("renormalised exactly, zero masses and rewards kept, indices into p", () => {
    const below = belowTop({ p: ["1/4", 0, "1/4", "1/2"], r: [0, 5, 1, 1], label: "x" });
    expect(below?.dist.p).toEqual(["1/1", 0]);
    expect(below?.dist.r).toEqual([0, 5]);
    expect(below?.index).toEqual([0, 1]);
    expect(belowTop({ p: ["1/2", "1/2"], r: [3, 3], label: "one level" })).toBeNull();
    const plain = belowTop({ p: [0.25, 0.25, 0.5], label: "doubles" });
    expect(plain?.dist.p).toEqual(["1/2", "1/2"]);
  });
});

describe("Lemma 1 by enumeration", () => {
  test("known values: (1/2, 1/2) at n = 2 gives (1/4, 3/4); tied, (1/2, 1/2); three outcomes at n = 3", () => {
    const ratio = ({ num, den }: { num: bigint[]; den: bigint }) => num.map((x) => Number(x) / Number(den));
    expect(ratio(enumeratedPmf([1n, 1n], [0, 1], 2))).toEqual([0.25, 0.75]);
    expect(ratio(enumeratedPmf([1n, 1n], [0, 0], 2))).toEqual([0.5, 0.5]);
    // F^3 - F^-^3 with F = 1/3, 2/3, 1: 1/27, 7/27, 19/27
    expect(ratio(enumeratedPmf([1n, 1n, 1n], [0, 1, 2], 3)).map((x) => x * 27)).toEqual([1, 7, 19].map((x) => expect.closeTo(x, 12)));
    // zero mass never wins
    expect(ratio(enumeratedPmf([0n, 1n, 1n], [5, 0, 1], 3))).toEqual([0, 0.125, 0.875]);
  });
});
