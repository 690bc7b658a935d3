// differenceOf and sqrtOf at their edges: the precision and accuracy flags they pass on, square roots rounded
// outward (checked by squaring the ends exactly), as tight as the enclosure's precision, exact for perfect squares,
// an end exactly 0, and the refusal of an enclosure wholly below 0. Expected values are worked out by hand.
import { describe, expect, it } from "vitest";
import { compareDyadic, type Dyadic } from "./dyadic.ts";
import { differenceOf, sqrtOf } from "./enclosure-arithmetic.ts";
import { Enclosure } from "./enclosure.ts";

const d = (m: bigint, e: number): Dyadic => ({ m, e });
/** The sign of x^2 - y, exactly. */
function compareSquare(x: Dyadic, y: Dyadic): number {
  const sq = { m: x.m * x.m, e: 2 * x.e };
  const e = Math.min(sq.e, y.e);
  const a = sq.m << BigInt(sq.e - e);
  const b = y.m << BigInt(y.e - e);
  return a > b ? 1 : a < b ? -1 : 0;
}

describe("differenceOf", () => {
  it("keeps the larger precision and is accurate only when both operands are", () => {
    const a = new Enclosure(d(1n, 0), d(2n, 0), 64, true);
    const b = new Enclosure(d(1n, -2), d(1n, -1), 128, true);
    const inaccurate = new Enclosure(d(1n, -2), d(1n, -1), 64, false);
    expect(differenceOf(a, b).precision).toBe(128);
    expect(differenceOf(b, a).precision).toBe(128);
    expect(differenceOf(a, b).accurate).toBe(true);
    expect(differenceOf(a, inaccurate).accurate).toBe(false);
    expect(differenceOf(inaccurate, a).accurate).toBe(false);
  });
});

describe("sqrtOf", () => {
  it("rounds the lower end down and the upper end up", () => {
    for (const [x, prec] of [
      [d(2n, 0), 64],
      [d(3n, -7), 64],
      [d(10n ** 30n + 7n, -5), 200],
    ] as const) {
      const s = sqrtOf(new Enclosure(x, x, prec));
      expect(compareSquare(s.lo, x)).toBeLessThanOrEqual(0);
      expect(compareSquare(s.hi, x)).toBeGreaterThanOrEqual(0);
      // as tight as the precision: width at most 2^-prec times the root (here the root is at least 1/8)
      expect(s.width).toBeLessThanOrEqual(2 ** -prec * (s.hiNumber + 1));
      expect(s.precision).toBe(prec);
    }
  });

  it("is exact for a perfect square, keeps the accuracy flag, and takes an end exactly 0 as 0", () => {
    const four = sqrtOf(new Enclosure(d(4n, 0), d(9n, 0), 64, false));
    expect(compareDyadic(four.lo, d(2n, 0))).toBe(0); // sqrt 4 = 2 and sqrt 9 = 3 exactly, in either rounding
    expect(compareDyadic(four.hi, d(3n, 0))).toBe(0);
    expect(four.accurate).toBe(false);
    expect(sqrtOf(new Enclosure(d(1n, 0), d(1n, 0), 64)).accurate).toBe(true);
    const zero = sqrtOf(new Enclosure(d(0n, 0), d(0n, 0), 64));
    expect(zero.lo.m).toBe(0n);
    expect(zero.hi.m).toBe(0n);
  });

  it("refuses an enclosure wholly below 0", () => {
    expect(() => sqrtOf(new Enclosure(d(-2n, 0), d(-1n, 0), 64))).toThrow("sqrt of an enclosure below 0: ");
  });
});

describe("Enclosure.sign", () => {
  it("is 0 only for exactly [0, 0]; null for an enclosure that merely reaches 0", () => {
    expect(new Enclosure(d(0n, 0), d(0n, 0), 64).sign).toBe(0);
    expect(new Enclosure(d(0n, 0), d(1n, 0), 64).sign).toBe(null);
    expect(new Enclosure(d(-1n, 0), d(0n, 0), 64).sign).toBe(null);
    expect(new Enclosure(d(-1n, 0), d(1n, 0), 64).sign).toBe(null);
    expect(new Enclosure(d(1n, -3), d(1n, 0), 64).sign).toBe(1);
  });
});
