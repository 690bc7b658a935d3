// The module host's check of a returned value (plain-json.mjs, plain JavaScript) against bonkl's own (json-value.ts):
// the same verdict and the same words on any value, and the size bound: a lower bound of the JSON length, never above
// it, that refuses a value far over the limit before looking at its entries.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { findNonJson } from "../json-value.ts";
import { sendProblem } from "./plain-json.mjs";

const NO_LIMIT = Number.MAX_SAFE_INTEGER;

/** Values of every kind a module may return: JSON data, and what is not (NaN, undefined, typed arrays, holes...). */
const anyValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, undefined, 10n, Symbol("s"), () => 1),
    fc.constantFrom(new Float64Array([0.5]), new Map(), new Date(0), Object.create(null) as object, [1, , 3]),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 4 }), tie("value"), { maxKeys: 4 }),
  ),
})).value;

describe("the host's check agrees with bonkl's", () => {
  test("same verdict and same words on any value", () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        const host = sendProblem(value, "value", NO_LIMIT);
        expect(host?.detail).toBe(findNonJson(value, "value"));
        if (host !== undefined) expect(host.kind).toBe("invalid");
      }),
      { numRuns: 1000 },
    );
  });

  test("cycles and deep nesting", () => {
    const cycle: unknown[] = [1];
    cycle.push(cycle);
    expect(sendProblem(cycle, "value", NO_LIMIT)).toEqual({ kind: "invalid", detail: findNonJson(cycle, "value") });
    let deep: unknown = 0;
    for (let i = 0; i < 300; i++) deep = [deep];
    expect(sendProblem(deep, "value", NO_LIMIT)).toEqual({ kind: "invalid", detail: findNonJson(deep, "value") });
  });
});

describe("the size bound", () => {
  test("never more than the JSON's real length, so a value within the limit is never refused by it", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (value) => {
        const bytes = Buffer.byteLength(JSON.stringify(value));
        expect(sendProblem(value, "value", bytes)).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
  });

  test("a huge array is refused from its length alone, before any entry is looked at", () => {
    const started = performance.now();
    expect(sendProblem(new Array(1e8), "value", 64 << 20)).toEqual({ kind: "too-large", detail: "its JSON has at least 100000001 bytes, over the limit of 67108864 bytes" });
    expect(performance.now() - started).toBeLessThan(50);
    expect(sendProblem("x".repeat(100), "value", 101)).toEqual({ kind: "too-large", detail: "its JSON has at least 102 bytes, over the limit of 101 bytes" });
  });
});
