import { describe, expect, test } from "vitest";
import { parsedCase } from "./case.ts";
import { DEFAULT_CACHE_BUDGET, ENCLOSURE_BYTES, ENTRY_BYTES, FIRST_ACCURACY, OracleCache, entryWeight, refinedAccuracy } from "./oracle-cache.ts";
import type { Enclosure } from "../oracle/index.ts";

describe("OracleCache", () => {
  test("values are cached by op and canonical args", () => {
    const cache = new OracleCache();
    const a = cache.get("klBon", parsedCase({ p: [0.5, 0.5], n: 2 }));
    expect(cache.get("klBon", parsedCase({ n: 2, p: [0.5, 0.5] }))).toBe(a);
    expect([cache.computations, cache.hits]).toEqual([1, 1]);
    cache.get("bonPmf", parsedCase({ p: [0.5, 0.5], n: 2 }));
    expect(cache.computations).toBe(2);
  });

  test("a refinement computes again only when asked for more than it holds, and replaces the entry", () => {
    const cache = new OracleCache();
    const c = parsedCase({ n: 5 });
    const first = cache.get("klFormula", c) as Enclosure;
    const refined = cache.refine("klFormula", c, 1e-60) as Enclosure;
    expect(refined).not.toBe(first);
    expect(cache.computations).toBe(2);
    expect(cache.refine("klFormula", c, 1e-50)).toBe(refined); // holds 1e-60 already
    expect(cache.refine("klFormula", c, 1e-60)).toBe(refined);
    expect(cache.computations).toBe(2);
    expect(cache.get("klFormula", c)).toBe(refined);
    expect(cache.refine("klFormula", parsedCase({ n: 6 }), 1e-40)).toBeDefined(); // not cached yet: computed at once
    expect(cache.computations).toBe(3);
    expect(refined.width).toBeLessThanOrEqual(1e-60);
  });

  test("a refinement replaces its entry in the budget, it does not add to it", () => {
    const a = parsedCase({ n: 7 });
    const one = entryWeight(`klFormula ${a.key}`, 1); // {"n":8} has a key as long
    expect(one).toBe(ENTRY_BYTES + 'klFormula {"n":7}'.length + ENCLOSURE_BYTES);
    const cache = new OracleCache(2 * one);
    cache.get("klFormula", a);
    cache.refine("klFormula", a, 1e-60);
    cache.get("klFormula", parsedCase({ n: 8 })); // two entries' weight: within the budget, nothing evicted
    cache.get("klFormula", a);
    expect([cache.computations, cache.hits]).toEqual([3, 1]);
  });

  test("beyond its budget (in estimated bytes), the oldest entries go", () => {
    const twoPoint = parsedCase({ p: [0.5, 0.5], n: 2 });
    const pmf = entryWeight(`bonPmf ${twoPoint.key}`, 2); // two enclosures
    const scalar = entryWeight(`klFormula ${parsedCase({ n: 2 }).key}`, 1); // n = 3, 4: keys as long
    const cache = new OracleCache(pmf + 2 * scalar);
    cache.get("bonPmf", twoPoint);
    cache.get("klFormula", parsedCase({ n: 2 }));
    cache.get("klFormula", parsedCase({ n: 3 })); // the budget, exactly: within
    cache.get("bonPmf", twoPoint);
    expect(cache.hits).toBe(1);
    cache.get("klFormula", parsedCase({ n: 4 })); // over: the bonPmf entry, the oldest, goes
    cache.get("bonPmf", twoPoint);
    expect(cache.computations).toBe(5);
    cache.get("klFormula", parsedCase({ n: 4 }));
    expect(cache.hits).toBe(2);
    const one = new OracleCache(1);
    one.get("bonPmf", parsedCase({ p: [0.25, 0.25, 0.5], n: 2 })); // heavier than the budget: kept until the next
    one.get("bonPmf", parsedCase({ p: [0.25, 0.25, 0.5], n: 2 }));
    expect(one.hits).toBe(1);
  });

  test("accuracies: relative 1e-20 or absolute 1e-30 first, up to 512 bits; refinements to the absolute asked", () => {
    expect(FIRST_ACCURACY).toEqual({ relative: 1e-20, absolute: 1e-30, startPrecision: 128, maxPrecision: 512 });
    expect(refinedAccuracy(1e-40)).toEqual({ relative: 1e-20, absolute: 1e-40, startPrecision: 256, maxPrecision: 8192 });
    expect(refinedAccuracy(0).absolute).toBe(Number.MIN_VALUE);
    expect(DEFAULT_CACHE_BUDGET).toBe(64 * 1024 * 1024);
  });
});

describe("entryWeight", () => {
  test("the entry, its key and one ENCLOSURE_BYTES per enclosure, at least one", () => {
    expect(entryWeight("key", 3)).toBe(ENTRY_BYTES + 3 + 3 * ENCLOSURE_BYTES);
    expect(entryWeight("key", 1)).toBe(ENTRY_BYTES + 3 + ENCLOSURE_BYTES);
    expect(entryWeight("key", 0)).toBe(ENTRY_BYTES + 3 + ENCLOSURE_BYTES);
  });
});
