import { describe, expect, test } from "vitest";
import { jsonLengthBound, jsonWithin, previewJson } from "./json-preview.ts";

describe("jsonLengthBound: an upper bound on the JSON's length, exiting early", () => {
  test("bounds the real length", () => {
    for (const v of [0.5, -1e-300, "abc", 'a"b\u0001', [1, "x", null], { a: 1, "b c": [2, 3] }, [], {}, true, null]) {
      expect(jsonLengthBound(v, 1e6), JSON.stringify(v)).toBeGreaterThanOrEqual(JSON.stringify(v).length);
    }
    expect(jsonLengthBound("\u0001", 100)).toBe(8); // 2 quotes + 6
    expect(jsonLengthBound([1, 2], 100)).toBe(2 + 1 + 3 + 3);
    expect(jsonLengthBound({ ab: 1 }, 100)).toBe(2 + 0 + 3 + 12 + 3);
  });

  test("stops at limit + 1", () => {
    expect(jsonLengthBound("x".repeat(1000), 10)).toBe(11);
    expect(jsonLengthBound(["x".repeat(1000), "y"], 10)).toBe(11);
    expect(jsonLengthBound({ a: "x".repeat(1000), b: 1 }, 10)).toBe(11);
    expect(jsonLengthBound(Array<number>(100).fill(1), 10)).toBe(11);
  });
});

describe("jsonWithin and previewJson", () => {
  test("whole JSON when short enough", () => {
    expect(jsonWithin([0.5, "a"], 20)).toBe('[0.5,"a"]');
    expect(jsonWithin("abcd", 6)).toBe('"abcd"');
    expect(jsonWithin("abcde", 6)).toBeNull();
    expect(jsonWithin(undefined, 10)).toBeNull();
    expect(previewJson(0.25)).toBe("0.25");
    expect(previewJson(null)).toBe("null");
  });

  test("long values: their start and their size, never built whole", () => {
    const huge = "7".repeat(60_000_000);
    const started = performance.now();
    expect(previewJson(huge, 10)).toBe('"7777777777"... (60000000 characters)');
    expect(performance.now() - started).toBeLessThan(500);
    expect(previewJson(Array<number>(1000).fill(0.5), 20)).toBe("[0.5,0.5,0.5,...] (1000 entries)");
    expect(previewJson(undefined)).toBe("undefined");
    expect(previewJson({ key: "v".repeat(200) }, 30)).toBe(`{"key":"${"v".repeat(22)}...`);
    expect(previewJson(["a".repeat(100)], 20)).toBe(`["${"a".repeat(40)}"... (100 characters),...] (1 entries)`);
  });
});

describe("bounded work: what lies beyond the limit is never read", () => {
  /** An array whose only entry throws when read: reading it means the bound did not stop early. */
  const untouchable = (): unknown[] => {
    const a: unknown[] = [0];
    Object.defineProperty(a, 0, { get: () => { throw new Error("read beyond the limit"); } });
    return a;
  };

  test("jsonLengthBound stops once the limit is passed; a total equal to the limit goes on", () => {
    expect(jsonLengthBound(["x".repeat(100), untouchable()], 10)).toBe(11);
    // [1,2]: brackets 2 + comma 1, each number its digits + 2: 3 + 3 + 3 = 9; 6 after the first entry, not past 6
    expect(jsonLengthBound([1, 2], 6)).toBe(7);
    // {a:1,b:2,c:3}: braces 2 + commas 2 + per key 3 + 6 + per number 1 + 2: 2 + 2 + 27 + 9 = 40
    expect(jsonLengthBound({ a: 1, b: 2, c: 3 }, 1000)).toBe(40);
  });

  test("jsonWithin gives up on a value over the bound without stringifying it", () => {
    expect(jsonWithin(["x".repeat(1000), untouchable()], 10)).toBeNull();
  });
});
