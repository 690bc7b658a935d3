/** The bench's exact cross-checks: mpmath's digits against a certified enclosure, Arb's ball against bonkl's. */
import { describe, expect, test } from "vitest";
import { Enclosure } from "../oracle/index.ts";
import { arbAgreement, hasCorrectDigits } from "./cross-check.ts";

describe("hasCorrectDigits", () => {
  const enclosure: [string, string] = ["9.21019036072505757562312292525087870575372", "9.21019036072505757562312292525087870575373"];

  test("a value inside a narrow enclosure has the digits; one 1e-39 away (relative) does not", () => {
    expect(hasCorrectDigits("9.210190360725057575623122925250878705753725", enclosure, 40)).toBe(true);
    expect(hasCorrectDigits("9.210190360725057575623122925250878705754", enclosure, 40)).toBe(true);
    expect(hasCorrectDigits("9.210190360725057575623122925250878705853", enclosure, 40)).toBe(false);
    expect(hasCorrectDigits("9.210190360725057575623122925250878705853", enclosure, 37)).toBe(true);
  });

  test("the bound is relative to the smallest magnitude in the enclosure, and inclusive", () => {
    // [1, 1]: 1 + 10^-3 is exactly at the 3-digit bound, 1 + 2 10^-3 beyond it
    expect(hasCorrectDigits("1.001", ["1", "1"], 3)).toBe(true);
    expect(hasCorrectDigits("1.002", ["1", "1"], 3)).toBe(false);
    expect(hasCorrectDigits("-1.001", ["-1", "-1"], 3)).toBe(true);
  });

  test("an enclosure containing 0 is judged with an absolute error", () => {
    expect(hasCorrectDigits("1e-41", ["-1e-45", "1e-45"], 40)).toBe(true);
    expect(hasCorrectDigits("1e-39", ["-1e-45", "1e-45"], 40)).toBe(false);
  });

  test("a value that is not a decimal is an error, not a verdict", () => {
    expect(() => hasCorrectDigits("nan", enclosure, 40)).toThrow(/not a decimal/);
  });
});

describe("arbAgreement", () => {
  // bonkl's enclosure [8, 12] (as m 2^e)
  const bonkl = new Enclosure({ m: 1n, e: 3 }, { m: 3n, e: 2 }, 128);

  test("disjoint balls are reported (one of the two computations is wrong)", () => {
    expect(arbAgreement({ lo: { m: 13n, e: 0 }, hi: { m: 7n, e: 1 } }, bonkl)).toEqual({ intersects: false, midpointInside: false });
  });

  test("a ball inside, or overlapping with its midpoint inside", () => {
    expect(arbAgreement({ lo: { m: 9n, e: 0 }, hi: { m: 11n, e: 0 } }, bonkl)).toEqual({ intersects: true, midpointInside: true });
    expect(arbAgreement({ lo: { m: 7n, e: 0 }, hi: { m: 13n, e: 0 } }, bonkl)).toEqual({ intersects: true, midpointInside: true });
  });

  test("overlapping with the midpoint outside; touching counts as intersecting", () => {
    // [11, 15]: midpoint 13 > 12
    expect(arbAgreement({ lo: { m: 11n, e: 0 }, hi: { m: 15n, e: 0 } }, bonkl)).toEqual({ intersects: true, midpointInside: false });
    // [12, 12.5]: touches at 12; midpoint 12.25 outside
    expect(arbAgreement({ lo: { m: 3n, e: 2 }, hi: { m: 25n, e: -1 } }, bonkl)).toEqual({ intersects: true, midpointInside: false });
  });

  test("the midpoint is exact for ends of different exponents", () => {
    // [8, 12 + 2^-60]: midpoint 10 + 2^-61, inside
    const hi = { m: 12n * 2n ** 60n + 1n, e: -60 };
    expect(arbAgreement({ lo: { m: 1n, e: 3 }, hi }, bonkl).midpointInside).toBe(true);
    // [12, 12 + 2^-60] against [8, 12]: midpoint 12 + 2^-61 just outside
    expect(arbAgreement({ lo: { m: 3n, e: 2 }, hi }, bonkl)).toEqual({ intersects: true, midpointInside: false });
  });
});
