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

describe("readIdOfBadLine: what counts as an object head", () => {
  test("a UTF-8 byte order mark before the object is skipped", () => {
    expect(readIdOfBadLine('\ufeff{"id": 7, "value": NaN}')).toBe(7);
  });
  test.each<[string, string]>([
    ['["id": 7, "value": 1]', "an array, not an object"],
    ['{id": 7, "value": 1}', "a key without its opening quote"],
    ['{x": 1, "id": 7}', "an earlier key without its opening quote"],
    ['{"id" 17, "value": 1}', "a key without a colon (reading on would give the wrong id 7)"],
    ['{"id"= 7, "value": 1}', "a key followed by something other than a colon"],
    ['{"value": "x"; "id": 7}', "members separated by something other than a comma"],
    ['{"value": [1]; "id": 7}', "members separated by something other than a comma, after an array"],
    ['{"value": "x"y, "id": 7}', "a string value with text glued to it"],
    ['{"value": [1]x, "id": 7}', "an array value with text glued to it"],
    ['{"value": ][, "id": 7}', "a stray closing bracket"],
    ['{"value": 1 2, "id": 7}', "two values where one belongs"],
    ['{"value": 1\t2, "id": 7}', "two values separated by a tab"],
    ['{"value": 1\n2, "id": 7}', "two values separated by a newline"],
    ['{"value": 1\r2, "id": 7}', "two values separated by a carriage return"],
  ])("damage before the id: %j (%s) gives no id", (line) => {
    expect(readIdOfBadLine(line)).toBeUndefined();
  });
  test.each<[string, number]>([
    ['{\t"id":\t7\t, "value": NaN}', 7],
    ['{\n"id"\n:\n7\n, "value": NaN}', 7],
    ['{\r"id"\r:\r7\r, "value": NaN}', 7],
    ['{ "value" :\tNaN\r\n, "id": 8}', 8],
  ])("JSON white space of every kind between tokens: %j -> %j", (line, id) => {
    expect(readIdOfBadLine(line)).toBe(id);
  });
  test.each<[string, number | undefined]>([
    ['{"id": 7.00, "value": NaN}', 7],
    ['{"id": 1e2, "value": NaN}', 100],
    ['{"id": 1E+2, "value": NaN}', 100],
    ['{"id": 120e-1, "value": NaN}', 12],
    ['{"id": 1e10, "value": NaN}', 10_000_000_000],
    ['{"id": 12e-1, "value": NaN}', undefined], // 1.2 is not an id
  ])("an id written in any JSON number syntax is read by value: %j -> %j", (line, id) => {
    expect(readIdOfBadLine(line)).toBe(id);
  });
});

describe("findNonFiniteTokens: edges", () => {
  test("a token may start or end the line", () => {
    expect(findNonFiniteTokens("NaN")).toEqual({ tokens: ["NaN"], withNulls: "null" });
    expect(findNonFiniteTokens("-Infinity")).toEqual({ tokens: ["-Infinity"], withNulls: "null" });
    expect(findNonFiniteTokens('{"id": 2, "value": Infinity')).toEqual({ tokens: ["Infinity"], withNulls: '{"id": 2, "value": null' });
  });
  test("words inside a string that never ends are not tokens", () => {
    expect(findNonFiniteTokens('"the value is NaN')).toEqual({ tokens: [], withNulls: '"the value is NaN' });
  });
  test("a line cut inside a string still reports the tokens before it (and returns)", () => {
    expect(findNonFiniteTokens('{"id": 3, "value": NaN, "note": "cut')).toEqual({
      tokens: ["NaN"],
      withNulls: '{"id": 3, "value": null, "note": "cut',
    });
  });
});

// Last in the file: a mutant that breaks these loops hangs, and quicker failing tests above should catch it first.
describe("readIdOfBadLine: lines cut inside a string", () => {
  test("the head of an over-long line cut inside a string nested in a value gives no id (and returns)", () => {
    expect(readIdOfBadLine('{"value": ["abc')).toBeUndefined();
    expect(readIdOfBadLine('{"value": {"s": "abc')).toBeUndefined();
    expect(readIdOfBadLine('{"value": "abc')).toBeUndefined();
    expect(readIdOfBadLine('{"val')).toBeUndefined();
  });
});
