import { describe, expect, test } from "vitest";
import { InputError, describeValue } from "./errors.ts";

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
