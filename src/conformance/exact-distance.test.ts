import { describe, expect, test } from "vitest";
import { doubleToDyadic } from "../numerics/dyadic.ts";
import { distanceToEnclosure } from "./exact-distance.ts";
import { readNumeric } from "./numeric-answer.ts";

const ends = (lo: number, hi: number) => ({ lo: doubleToDyadic(lo), hi: doubleToDyadic(hi) });
const read = (v: unknown) => readNumeric(v)!;

describe("distanceToEnclosure", () => {
  test("0 inside the enclosure, including its ends", () => {
    expect(distanceToEnclosure(read(0.5), ends(0.25, 0.75))).toBe(0);
    expect(distanceToEnclosure(read(0.25), ends(0.25, 0.75))).toBe(0);
    expect(distanceToEnclosure(read(0.75), ends(0.25, 0.75))).toBe(0);
    expect(distanceToEnclosure(read(0), ends(0, 0))).toBe(0);
  });

  test("the distance to the nearer end outside, exact", () => {
    expect(distanceToEnclosure(read(1), ends(0.25, 0.75))).toBe(0.25);
    expect(distanceToEnclosure(read(0.125), ends(0.25, 0.75))).toBe(0.125);
    const one = 1;
    const next = 1 + 2 ** -52;
    expect(distanceToEnclosure(read(next), ends(one, one))).toBe(2 ** -52);
    // a subject returning 0 for an exact value far below the double range
    expect(distanceToEnclosure(read(0), { lo: { m: 1n, e: -5000 }, hi: { m: 1n, e: -5000 } })).toBe(0);
  });

  test("decimal strings are read exactly, not rounded to a double first", () => {
    // 0.1 is not a double: "0.1" lies strictly between the doubles around it.
    const below = 0.1 - 2 ** -56;
    expect(distanceToEnclosure(read("0.1"), ends(below, 0.1))).toBe(0);
    const d = distanceToEnclosure(read("0.1"), ends(0.1, 0.1));
    expect(d).toBeGreaterThan(0);
    expect(d).toBeLessThan(2 ** -56);
    expect(distanceToEnclosure(read("1e-400"), ends(0, 0))).toBe(0); // 1e-400 rounds to 0 as a double
    expect(distanceToEnclosure(read("2"), ends(0.5, 1))).toBe(1);
  });

  test("readNumeric takes finite numbers and decimal strings only", () => {
    expect(readNumeric(Number.NaN)).toBeNull();
    expect(readNumeric(Number.POSITIVE_INFINITY)).toBeNull();
    expect(readNumeric("NaN")).toBeNull();
    expect(readNumeric("1/3")).toBeNull();
    expect(readNumeric(null)).toBeNull();
    expect(readNumeric("-1.5e-30")).toEqual({ kind: "decimal", value: { num: -15n, den: 10n ** 31n }, text: "-1.5e-30" });
  });
});
