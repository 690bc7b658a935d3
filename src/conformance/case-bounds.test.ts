// Each scalar op gets its own accuracy bound (accuracy-bound.ts's header): klEstimate's is not klEstimateUpper's.
import { describe, expect, test } from "vitest";
import type { Enclosure } from "../oracle/index.ts";
import { parsedCase } from "./case.ts";
import { scalarAccuracyBound } from "./case-bounds.ts";
import { midpoint } from "./level-probabilities.ts";
import { sharedOracleCache } from "./oracle-cache.ts";

const U = 2 ** -53;

describe("scalarAccuracyBound", () => {
  test("klEstimate: u ((8 + |y|) |t1| + 8 |t2|), y = n log(1 - eps), t2 = (1 - e^y) KLhat_1, t1 = value - t2", () => {
    const c = parsedCase({ n: 1000, eps: 0.01 });
    const value = midpoint(sharedOracleCache.get("klEstimate", c) as Enclosure);
    const upper = midpoint(sharedOracleCache.get("klEstimateUpper", c) as Enclosure);
    const y = 1000 * Math.log(0.99);
    const t2 = (1 - Math.exp(y)) * upper;
    const t1 = value - t2;
    const expected = U * ((8 + Math.abs(y)) * Math.abs(t1) + 8 * Math.abs(t2));
    const bound = scalarAccuracyBound("klEstimate", c, sharedOracleCache.get("klEstimate", c) as Enclosure, sharedOracleCache);
    expect(Math.abs(bound - expected)).toBeLessThan(1e-9 * expected);
    // klEstimateUpper's 4 ulp of the value (8 u |value|) is 1e-4 away in relative terms here: well outside 1e-9
    expect(Math.abs(bound - 8 * U * Math.abs(value))).toBeGreaterThan(1e-6 * expected);
  });
});
