import { describe, expect, test } from "vitest";
import { SentIds } from "./sent-ids.ts";

describe("SentIds", () => {
  test("remembers the ids added, counts each once, and grows past its first block", () => {
    const ids = new SentIds();
    for (const id of [1, 2, 31, 32, 33, 1, 40_000, 40_000]) ids.add(id);
    expect(ids.size).toBe(6);
    for (const id of [1, 2, 31, 32, 33, 40_000]) expect(ids.has(id), String(id)).toBe(true);
    for (const id of [0, 3, 30, 34, 39_999, 40_001, 1e9, -1, 1.5, Number.NaN, 2 ** 53]) expect(ids.has(id), String(id)).toBe(false);
  });

  test("a million ids in a bitmap (the Set it replaced grew without bound per request)", () => {
    const ids = new SentIds();
    for (let id = 1; id <= 1_000_000; id++) ids.add(id);
    expect(ids.size).toBe(1_000_000);
    expect(ids.has(999_999)).toBe(true);
    expect(ids.has(1_000_001)).toBe(false);
  });
});
