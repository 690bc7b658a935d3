import { describe, expect, it } from "vitest";
import { summarize, Z_95 } from "./summary-statistics.ts";

describe("summarize", () => {
  it("gives the mean, the sample sd and the 95% interval mean +- 1.96 s / sqrt(count)", () => {
    const s = summarize([1, 2, 3, 4]);
    expect(s.mean).toBe(2.5);
    expect(s.sd).toBeCloseTo(Math.sqrt(5 / 3), 15);
    const half = (Z_95 * Math.sqrt(5 / 3)) / 2;
    expect(s.ci[0]).toBeCloseTo(2.5 - half, 15);
    expect(s.ci[1]).toBeCloseTo(2.5 + half, 15);
  });

  it("has no sd for one value and sd 0 for equal values", () => {
    expect(Number.isNaN(summarize([3]).sd)).toBe(true);
    expect(summarize([1.8350887222397811, 1.8350887222397811, 1.8350887222397811])).toMatchObject({ mean: 1.8350887222397811, sd: 0 });
  });
});
