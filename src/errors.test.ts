import { describe, expect, test } from "vitest";
import { BonklError, InputError, UsageError, describeValue } from "./errors.ts";

describe("InputError", () => {
  test("names the field and the value", () => {
    const e = new InputError("p[3]", -0.1, "must be a finite non-negative number");
    expect(e.message).toBe("p[3]: must be a finite non-negative number, got -0.1");
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.field).toBe("p[3]");
    expect(e.name).toBe("InputError");
  });
  test("describes awkward values without throwing", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(describeValue(cyclic)).toBe("object");
    expect(describeValue("x".repeat(200)).length).toBeLessThan(90);
    expect(describeValue([1, 2])).toBe("an array of length 2");
    expect(describeValue(Number.NaN)).toBe("NaN");
  });
});

describe("UsageError", () => {
  test("is a BonklError with code USAGE and the message as given", () => {
    const e = new UsageError("unknown flag --foo");
    expect(e).toBeInstanceOf(BonklError);
    expect(e.code).toBe("USAGE");
    expect(e.message).toBe("unknown flag --foo");
    expect(e.name).toBe("UsageError");
  });
});

describe("describeValue", () => {
  test("strings are quoted as JSON; beyond 80 characters, the first 77 and an ellipsis", () => {
    expect(describeValue("abc")).toBe('"abc"');
    expect(describeValue('say "hi"\n')).toBe('"say \\"hi\\"\\n"'); // JSON escapes: quotes and the newline
    expect(describeValue("")).toBe('""');
    const s80 = "a".repeat(80);
    expect(describeValue(s80)).toBe(`"${s80}"`); // exactly 80: kept whole
    expect(describeValue(`${s80}b`)).toBe(`"${"a".repeat(77)}..."`);
  });
  test("numbers, bigints and booleans as JavaScript writes them", () => {
    expect(describeValue(-0.1)).toBe("-0.1");
    expect(describeValue(Number.POSITIVE_INFINITY)).toBe("Infinity");
    expect(describeValue(12345678901234567890n)).toBe("12345678901234567890");
    expect(describeValue(true)).toBe("true");
    expect(describeValue(false)).toBe("false");
    expect(describeValue(undefined)).toBe("undefined");
    expect(describeValue(null)).toBe("null");
  });
  test("objects as JSON; beyond 80 characters, the first 77 and an ellipsis", () => {
    expect(describeValue({ a: 1, b: "x" })).toBe('{"a":1,"b":"x"}');
    // {"k":"<74 x>"} is 8 + 74 = 82 characters; {"k":"<72 x>"} is exactly 80
    expect(describeValue({ k: "x".repeat(74) })).toBe(`{"k":"${"x".repeat(71)}...`);
    expect(describeValue({ k: "x".repeat(72) })).toBe(`{"k":"${"x".repeat(72)}"}`);
    expect(describeValue({ k: "x".repeat(73) })).toBe(`{"k":"${"x".repeat(71)}...`);
  });
  test("values JSON cannot write: their type", () => {
    expect(describeValue(() => 1)).toBe("function");
    expect(describeValue(Symbol("s"))).toBe("symbol");
    expect(describeValue({ big: 1n })).toBe("object");
  });
});
