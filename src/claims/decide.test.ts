/** Deciding one case: exact equalities before any enclosure, factored forms only when the direct comparison is open. */
import { describe, expect, test } from "vitest";
import { Interval } from "../numerics/interval.ts";
import { decideCase } from "./decide.ts";
import { exactlyEqual, lessOrEqual, orFactored, provedByFactoredSlack, type Evidence } from "./evidence.ts";

describe("decideCase", () => {
  test("an exact equality is decided at once, without enclosures, and says why", () => {
    let calls = 0;
    const out = decideCase({ decision: "inequality" }, () => (calls++, exactlyEqual("n = 1")), null);
    expect([out.verdict, out.precision, out.how, calls]).toEqual(["equal", 0, "equal (exact): n = 1", 1]);
  });

  test("open cases climb to the cap and stay consistent, with the reason", () => {
    const seen: number[] = [];
    const out = decideCase({ decision: "inequality" }, (arena) => (seen.push(arena.prec), { status: "open" }), null, { startPrecision: 128, maxPrecision: 512, identityPrecision: 256, sizeCap: 2 ** 20 });
    expect(seen).toEqual([128, 256, 512]);
    expect([out.verdict, out.how]).toEqual(["consistent", "consistent: undecided at the precision cap"]);
    const identity = decideCase({ decision: "identity" }, () => ({ status: "open" }), null);
    expect(identity.how).toMatch(/^consistent: identity/);
  });

  test("a proof names its method", () => {
    const direct = decideCase({ decision: "inequality" }, (arena) => lessOrEqual(Interval.fromDouble(arena, 1), Interval.fromDouble(arena, 2)), null);
    expect([direct.verdict, direct.how, direct.slack?.digits]).toEqual(["verified", "verified: enclosures of both sides", "1"]);
    const factored = decideCase({ decision: "inequality" }, (arena) => provedByFactoredSlack(Interval.fromDouble(arena, -1e6), "q x"), null);
    expect([factored.verdict, factored.how, factored.slack?.lo.endsWith("e-434295")]).toEqual(["verified", "verified: q x", true]);
  });
});

describe("orFactored", () => {
  const proved: Evidence = { status: "proved" };
  test("never overrides a decided comparison; replaces an open one by a decisive factored form only", () => {
    expect(orFactored(proved, () => ({ status: "disproved" }))).toBe(proved);
    const open: Evidence = { status: "open" };
    expect(orFactored(open, () => null)).toBe(open);
    expect(orFactored(open, () => ({ status: "open", reason: "x" }))).toBe(open);
    expect(orFactored(open, () => proved)).toBe(proved);
  });
});
