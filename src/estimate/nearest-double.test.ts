// The point values of `bonkl estimate`: the double nearest the exact value, certified from the enclosure (both ends
// round to it), and said to be uncertified when the precision cap leaves the ends apart.
import { describe, expect, it } from "vitest";
import { Enclosure } from "../oracle/index.ts";
import { certifiedDouble, nearestDouble } from "./nearest-double.ts";

const e = (lo: [bigint, number], hi: [bigint, number]) => new Enclosure({ m: lo[0], e: lo[1] }, { m: hi[0], e: hi[1] }, 64);

describe("certifiedDouble", () => {
  it("is the double both ends round to (to nearest, ties to even, subnormals included)", () => {
    expect(certifiedDouble(e([3n, -2], [3n, -2]))).toBe(0.75);
    expect(certifiedDouble(e([5n, -1076], [5n, -1076]))).toBe(5e-324); // 1.25 * 2^-1074
    expect(certifiedDouble(e([3n, -1075], [3n, -1075]))).toBe(1e-323); // 1.5 * 2^-1074: the tie goes to the even 2 * 2^-1074
    expect(certifiedDouble(e([(1n << 60n) - 1n, -60], [(1n << 60n) + 1n, -60]))).toBe(1); // 1 -+ 2^-60
  });

  it("is null when the ends round apart, and +0 for an enclosure of 0 straddling it within the smallest subnormal", () => {
    expect(certifiedDouble(e([1n, 0], [(1n << 54n) + 3n, -54]))).toBeNull(); // [1, 1 + 3 * 2^-54]: the upper end rounds up
    expect(certifiedDouble(e([-1n, -1100], [1n, -1100]))).toBe(0);
    expect(Object.is(certifiedDouble(e([-1n, -1100], [-1n, -1100])), 0)).toBe(true); // -0 is given as +0
  });
});

describe("nearestDouble", () => {
  it("asks for tighter enclosures until the ends agree, and says when they never do", () => {
    const asked: number[] = [];
    const wide = nearestDouble((accuracy) => {
      asked.push(accuracy.maxPrecision as number);
      return e([-1n, 0], [1n, 0]);
    });
    expect(wide.certified).toBe(false);
    expect(wide.value).toBe(0);
    expect(asked).toEqual([1024, 8192]);
    const tight = nearestDouble(() => e([7n, -3], [7n, -3]));
    expect(tight).toMatchObject({ value: 0.875, certified: true });
  });
});
