import { describe, expect, test } from "vitest";
import { findNonFiniteTokens, readIdOfBadLine } from "./bad-line.ts";

describe("readIdOfBadLine", () => {
  test.each<[string, number | undefined]>([
    ['{"id": 7, "value": NaN}', 7],
    ['  {"id":-3,"value":Infinity}', -3],
    ['{"value": NaN, "id": 12}', 12],
    ['{"value": [1, {"id": 5}, "}"], "id": 9, "x": ', 9],
    ['{"note": "\\"id\\": 4", "id": 8, ', 8],
    ['{"id": 7.0, "value": x', 7],
    ['{"id": 7, "value": 0.5', 7], // truncated
    ['{"id": 123', undefined], // the number may itself be cut off
    ['{"id": "7", "value": 1}', undefined],
    ['{"id": 1e300, "value": 1}', undefined],
    ['[{"id": 7}]', undefined],
    ['{"value": {"id": 7}', undefined],
    ["hello", undefined],
    ["", undefined],
    ['{"\\u0069d": 6, "value": NaN}', 6],
  ])("%j -> %j", (line, id) => {
    expect(readIdOfBadLine(line)).toBe(id);
  });
});

describe("findNonFiniteTokens", () => {
  test("replaces bare tokens outside strings only", () => {
    expect(findNonFiniteTokens('{"id": 1, "value": [NaN, -Infinity, Infinity], "s": "NaN Infinity"}')).toEqual({
      tokens: ["NaN", "-Infinity", "Infinity"],
      withNulls: '{"id": 1, "value": [null, null, null], "s": "NaN Infinity"}',
    });
  });
  test("ignores words that merely contain the tokens", () => {
    expect(findNonFiniteTokens('{"a": NaNa, "b": xInfinity}').tokens).toEqual([]);
  });
});
