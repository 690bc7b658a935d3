import { describe, expect, test } from "vitest";
import { canonicalJson, familySeed, ParsedCase, parsedCase } from "./case.ts";

describe("familySeed: FNV-1a of seed/domain/group", () => {
  test("deterministic, and different for a different seed, domain or group", () => {
    expect(familySeed(1, "standard", "distribution")).toBe(familySeed(1, "standard", "distribution"));
    const seeds = new Set([familySeed(1, "standard", "distribution"), familySeed(2, "standard", "distribution"), familySeed(1, "ties", "distribution"), familySeed(1, "standard", "formula")]);
    expect(seeds.size).toBe(4);
  });

  test("the 32-bit FNV-1a value, as a signed int", () => {
    // FNV-1a of the empty-looking text "0//": offset basis 0x811c9dc5, prime 0x01000193
    let h = 0x811c9dc5;
    for (const ch of "0//") h = Math.imul(h ^ (ch.codePointAt(0) as number), 0x01000193) >>> 0;
    expect(familySeed(0, "", "")).toBe(h | 0);
    expect(familySeed(20240604, "ties", "distribution")).toBe(-1437960194); // the seed the reports of the ties domain print
  });
});

describe("canonicalJson", () => {
  test("object keys sorted at every depth; arrays keep their order", () => {
    expect(canonicalJson({ n: 2, p: [0.5, 0.5] })).toBe('{"n":2,"p":[0.5,0.5]}');
    expect(canonicalJson({ p: [0.5, 0.5], n: 2 })).toBe('{"n":2,"p":[0.5,0.5]}');
    expect(canonicalJson({ b: { d: 1, c: [{ f: 1, e: 2 }] }, a: null })).toBe('{"a":null,"b":{"c":[{"e":2,"f":1}],"d":1}}');
    expect(canonicalJson([3, 1])).toBe("[3,1]");
  });
});

describe("ParsedCase", () => {
  test("its key, n and reward levels", () => {
    const c = new ParsedCase({ p: [0.25, 0.75], n: 3, r: [2, 1] });
    expect(c.key).toBe('{"n":3,"p":[0.25,0.75],"r":[2,1]}');
    expect(c.key).toBe(c.key);
    expect(c.n).toBe(3);
    expect(new ParsedCase({ n: "12" }).n).toBe(12);
    expect([...c.levels.levelOf]).toEqual([1, 0]);
    expect(c.levels).toBe(c.levels); // read once
  });

  test("|log eps| from logEps, eps as a number, or eps as an exact decimal; NaN if unreadable", () => {
    expect(new ParsedCase({ n: 2, logEps: -3.5 }).absLogEps).toBe(3.5);
    expect(new ParsedCase({ n: 2, logEps: "-2" }).absLogEps).toBe(2);
    expect(new ParsedCase({ n: 2, eps: 0.25 }).absLogEps).toBe(Math.abs(Math.log(0.25)));
    expect(new ParsedCase({ n: 2, eps: "0.25" }).absLogEps).toBeCloseTo(Math.log(4), 14);
    expect(new ParsedCase({ n: 2, eps: "1e-400" }).absLogEps).toBeCloseTo(400 * Math.LN10, 10);
    expect(new ParsedCase({ n: 2, eps: "1/3" }).absLogEps).toBeCloseTo(Math.log(3), 14);
    expect(new ParsedCase({ n: 2, eps: "0" }).absLogEps).toBeNaN();
    expect(new ParsedCase({ n: 2, eps: "-0.5" }).absLogEps).toBeNaN();
    expect(new ParsedCase({ n: 2, eps: "x" }).absLogEps).toBeNaN();
    expect(new ParsedCase({ n: 2 }).absLogEps).toBeNaN();
  });

  test("the oracle's request per op is made once; invalid args throw", () => {
    const c = new ParsedCase({ p: [0.5, 0.5], n: 2 });
    expect(c.request("klBon")).toBe(c.request("klBon"));
    expect(c.request("bonPmf")).not.toBe(c.request("klBon"));
    expect(() => new ParsedCase({ p: [2], n: 2 }).request("klBon")).toThrow();
  });

  test("parsedCase keeps one parsed form per args object", () => {
    const args = { p: [1], n: 1 };
    expect(parsedCase(args)).toBe(parsedCase(args));
    expect(parsedCase({ p: [1], n: 1 })).not.toBe(parsedCase(args));
  });
});
