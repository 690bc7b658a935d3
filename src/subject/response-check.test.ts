import { describe, expect, test, vi } from "vitest";
import { describeValue } from "../errors.ts";
import type { Request, Response } from "../protocol/messages.ts";
import { checkRequest, checkResponse, checkValueForOp, isUnsupported, readableId } from "./response-check.ts";

describe("checkResponse (the generated JSON Schema, plus value-and-error)", () => {
  test.each<unknown>([
    { id: 1, value: 0.5 },
    { id: 1, value: "0.1308120340412760512" },
    { id: 1, value: "-1.5e-30" },
    { id: 1, value: "1." },
    { id: 1, value: ".5" },
    { id: 1, value: [0.25, "0.75"] },
    { id: 1, value: ["klBon", "bonPmf"] },
    { id: 1, value: [] },
    { id: 1, error: "unsupported: r" },
    { id: 1, value: 0.5, enclosure: ["0.4", "0.6"], extra: { anything: null } },
    { id: -4, value: 1e-300 },
  ])("valid: %j", (body) => {
    expect(checkResponse(body)).toEqual({ ok: true, response: body });
  });

  test.each<[unknown, number | undefined, RegExp]>([
    [{ id: 1, value: Number.NaN }, 1, /value is NaN/],
    [{ id: 1, value: [0.5, Number.POSITIVE_INFINITY] }, 1, /value\[1\] is Infinity/],
    [{ id: 1, value: null }, 1, /value is null/],
    [{ id: 1, value: "abc" }, 1, /value is "abc"/],
    [{ id: 1, value: "NaN" }, 1, /value is "NaN"/],
    [{ id: 1, value: "0x10" }, 1, /"0x10"/],
    [{ id: 1, value: [0.5, null] }, 1, /value is an array/],
    [{ id: 1, value: { x: 1 } }, 1, /value is/],
    [{ id: 1, value: true }, 1, /value is true/],
    [{ id: 1 }, 1, /neither value nor error/],
    [{ id: 1, value: 0.5, error: "x" }, 1, /both value and error/],
    [{ id: 1, error: null }, 1, /error is null, not a string/],
    [{ value: 0.5 }, undefined, /no id/],
    [{ id: "1", value: 0.5 }, undefined, /id is "1", not an integer/],
    [{ id: 1.5, value: 0.5 }, undefined, /id is 1.5/],
    [[1, 2], undefined, /not a JSON object/],
    [7, undefined, /not a JSON object/],
  ])("invalid: %j", (body, id, detail) => {
    const checked = checkResponse(body);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.id).toBe(id);
      expect(checked.detail).toMatch(detail);
    }
  });
});

describe("checkValueForOp", () => {
  const r = (value: unknown): Response => ({ id: 1, value }) as Response;
  test.each<[string, unknown]>([
    ["klBon", 0.5],
    ["klFormula", "1e-30"],
    ["bonPmf", [0.5, "0.5"]],
    ["capabilities", ["klBon"]],
    ["someFutureOp", [1, 2]],
  ])("%s accepts %j", (op, value) => {
    expect(checkValueForOp(op, r(value))).toBeUndefined();
  });
  test.each<[string, unknown, RegExp]>([
    ["klBon", [0.5], /klBon answers one number or decimal string; value is an array of length 1/],
    ["bonPmf", 0.5, /bonPmf answers an array of numbers or decimal strings; value is 0.5/],
    ["bonPmf", [0.5, "x"], /value\[1\] is "x": not a decimal string/],
    ["capabilities", [1], /capabilities answers an array of op names.*value\[0\] is 1/],
    ["renyi2", ["klBon"], /renyi2 answers one number/],
  ])("%s rejects %j", (op, value, message) => {
    expect(checkValueForOp(op, r(value))).toMatch(message);
  });
  test("error answers fit every op", () => {
    expect(checkValueForOp("bonPmf", { id: 1, error: "no" })).toBeUndefined();
  });
});

describe("checkRequest and isUnsupported", () => {
  test("requests must be JSON with finite numbers", () => {
    expect(checkRequest({ id: 1, op: "klBon", args: { p: [0.5, 0.5], n: 2 } })).toBeUndefined();
    expect(checkRequest({ id: 1, op: "klBon", args: { p: [0.5, Number.NaN] } })).toMatch(/args.p\[1\] is NaN/);
    expect(checkRequest({ id: 1.5, op: "klBon", args: {} })).toMatch(/integer/);
  });
  test("unsupported means the text begins with `unsupported`", () => {
    expect(isUnsupported("unsupported: r")).toBe(true);
    expect(isUnsupported("unsupported op")).toBe(true);
    expect(isUnsupported("Unsupported")).toBe(false);
    expect(isUnsupported(" unsupported")).toBe(false);
    expect(isUnsupported("op unsupported")).toBe(false);
  });
});

describe("messages that are not objects, and long arrays", () => {
  test.each<unknown>([null, undefined, "0.5", 0.5, true])("%j is rejected with a reason, not a crash", (body) => {
    const checked = checkResponse(body);
    expect(checked).toEqual({ ok: false, id: undefined, detail: `not a JSON object but ${describeValue(body)}` });
  });

  test("an array never has a readable id, even one with an id property", () => {
    const array = Object.assign([0.5], { id: 3 });
    expect(readableId(array)).toBeUndefined();
    expect(readableId(null)).toBeUndefined();
    expect(readableId({ id: 3 })).toBe(3);
  });

  test("a bad entry past index 9 is named by its full index", () => {
    const value = [...Array.from({ length: 12 }, () => 0.1), "x"];
    expect(checkValueForOp("bonPmf", { id: 1, value } as Response)).toMatch(/; value\[12\] is "x": not a decimal string$/);
    const names = [...Array.from({ length: 10 }, () => "klBon"), 7];
    expect(checkValueForOp("capabilities", { id: 1, value: names } as Response)).toMatch(/; value\[10\] is 7: wrong type/);
  });

  test("a malformed request is reported by its first problem only", () => {
    expect(checkRequest({ id: 1.5, op: 5, args: {} } as unknown as Request)).toBe("data/id must be integer");
  });
});

describe("loading the checker", () => {
  test("compiles the protocol schemas without printing anything (no ajv strict-mode warnings)", async () => {
    vi.resetModules();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const fresh = await import("./response-check.ts");
      // Every op's value schema compiles on first use: klBon (numbers or decimal strings), bonPmf, capabilities.
      expect(fresh.checkValueForOp("klBon", { id: 1, value: [1] } as Response)).toMatch(/klBon answers one number/);
      expect(fresh.checkValueForOp("bonPmf", { id: 1, value: ["y"] } as Response)).toMatch(/not a decimal string/);
      expect(fresh.checkValueForOp("capabilities", { id: 1, value: [1] } as Response)).toMatch(/wrong type/);
      expect(fresh.checkResponse({ id: 1, value: "1.5" })).toMatchObject({ ok: true });
      expect(fresh.checkResponse({ id: 1, value: {} })).toMatchObject({ ok: false, id: 1 });
      expect(fresh.checkRequest({ id: 1, op: "klBon", args: {} })).toBeUndefined();
      expect([...warn.mock.calls, ...log.mock.calls, ...error.mock.calls]).toEqual([]);
    } finally {
      warn.mockRestore();
      log.mockRestore();
      error.mockRestore();
    }
  });
});
