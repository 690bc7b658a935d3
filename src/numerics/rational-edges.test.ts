/**
 * Rounding of rationals to doubles next to the midpoint between two doubles, where truncating the quotient would
 * round the wrong way, and gcd of negative numbers. Expected values are derived by hand from powers of two.
 */
import { describe, expect, test } from "vitest";
import { gcd, rationalFromString, rationalToNumber, reduce } from "./rational.ts";

describe("rationalToNumber rounds correctly next to a midpoint", () => {
  test("just above, at and just below the midpoint between 1 and 1 + 2^-52", () => {
    // 1 + 2^-53 + 2^-70: above the midpoint 1 + 2^-53, so the nearest double is 1 + 2^-52
    expect(rationalToNumber({ num: 2n ** 70n + 2n ** 17n + 1n, den: 2n ** 70n })).toBe(1 + 2 ** -52);
    expect(rationalToNumber({ num: -(2n ** 70n + 2n ** 17n + 1n), den: 2n ** 70n })).toBe(-(1 + 2 ** -52));
    // 1 + 2^-53 - 2^-70: below it, so 1
    expect(rationalToNumber({ num: 2n ** 70n + 2n ** 17n - 1n, den: 2n ** 70n })).toBe(1);
    expect(rationalToNumber({ num: -(2n ** 70n + 2n ** 17n - 1n), den: 2n ** 70n })).toBe(-1);
    // exactly the midpoint: ties to even, 1 (even) rather than 1 + 2^-52 (odd); 1 + 3 * 2^-53 goes up to 1 + 2^-51
    expect(rationalToNumber({ num: 2n ** 53n + 1n, den: 2n ** 53n })).toBe(1);
    expect(rationalToNumber({ num: 2n ** 53n + 3n, den: 2n ** 53n })).toBe(1 + 2 ** -51);
  });
  test("a denominator that is not a power of two: (3 * 2^53 + 1) / 3 = 2^53 + 1/3 rounds to 2^53", () => {
    expect(rationalToNumber({ num: 3n * 2n ** 53n + 1n, den: 3n })).toBe(2 ** 53);
    // (3 * 2^53 + 5) / 3 = 2^53 + 5/3: the doubles there are 2 apart, 2^53 + 2 is nearer
    expect(rationalToNumber({ num: 3n * 2n ** 53n + 5n, den: 3n })).toBe(2 ** 53 + 2);
    // (2^54 + 3) / 2 = 2^53 + 1.5: above the midpoint 2^53 + 1
    expect(rationalToNumber({ num: 2n ** 54n + 3n, den: 2n })).toBe(2 ** 53 + 2);
  });
  test("integers wider than the quotient: the bits shifted out still count", () => {
    // 2^70 + 2^17 + 1: the doubles near 2^70 are 2^18 apart; 2^17 + 1 is past the midpoint, so 2^70 + 2^18
    expect(rationalToNumber({ num: 2n ** 70n + 2n ** 17n + 1n, den: 1n })).toBe(2 ** 70 + 2 ** 18);
    expect(rationalToNumber({ num: -(2n ** 70n + 2n ** 17n + 1n), den: 1n })).toBe(-(2 ** 70 + 2 ** 18));
    expect(rationalToNumber({ num: 2n ** 70n + 2n ** 17n, den: 1n })).toBe(2 ** 70); // the midpoint: to even
    expect(rationalToNumber({ num: 2n ** 100n + 2n ** 47n + 1n, den: 2n ** 10n })).toBe(2 ** 90 + 2 ** 38);
  });
  test("the sum shown when p does not sum to 1 comes from here: 0.1 + 0.2 as decimals is exactly 3/10", () => {
    const r = rationalFromString("3/10");
    expect(r).not.toBeNull();
    expect(rationalToNumber(r!)).toBe(0.3);
  });
});

describe("gcd is non-negative whatever the signs", () => {
  test("negative arguments", () => {
    expect(gcd(-6n, 4n)).toBe(2n);
    expect(gcd(6n, -4n)).toBe(2n);
    expect(gcd(-6n, -4n)).toBe(2n);
    expect(gcd(-5n, 0n)).toBe(5n);
    expect(gcd(0n, -5n)).toBe(5n);
    expect(reduce({ num: -6n, den: 4n })).toEqual({ num: -3n, den: 2n });
    expect(reduce({ num: -10n, den: 4n })).toEqual({ num: -5n, den: 2n });
  });
});
