/** findNonJson: the first place a value stops being plain JSON data, and how it is worded. */
import { describe, expect, test } from "vitest";
import { findNonJson } from "./json-value.ts";

describe("findNonJson", () => {
  test("plain JSON data passes", () => {
    for (const v of [null, true, false, 0, -1.5, "", "x", [], {}, [1, "a", null, [true]], { a: { b: [1, { c: null }] } }, Object.create(null) as object]) {
      expect(findNonJson(v, "value")).toBeUndefined();
    }
  });
  test("non-finite numbers, undefined and non-JSON types, with their path", () => {
    expect(findNonJson(Number.NaN, "value")).toBe("value is NaN");
    expect(findNonJson([1, Number.POSITIVE_INFINITY], "value")).toBe("value[1] is Infinity");
    expect(findNonJson({ a: { b: Number.NEGATIVE_INFINITY } }, "args")).toBe("args.a.b is -Infinity");
    expect(findNonJson({ a: undefined }, "args")).toBe("args.a is undefined");
    expect(findNonJson(undefined, "value")).toBe("value is undefined");
    expect(findNonJson(() => 1, "value")).toBe("value is a function");
    expect(findNonJson(3n, "value")).toBe("value is a bigint");
    expect(findNonJson([Symbol("s")], "value")).toBe("value[0] is a symbol");
  });
  test("objects that are not plain", () => {
    expect(findNonJson(new Map(), "value")).toBe("value is a Map, not plain JSON data");
    expect(findNonJson({ list: Float64Array.of(1) }, "args")).toBe("args.list is a Float64Array, not plain JSON data");
    expect(findNonJson(new Int8Array(1), "value")).toBe("value is an Int8Array, not plain JSON data");
    expect(findNonJson(new Error("e"), "value")).toBe("value is an Error, not plain JSON data");
    expect(findNonJson(new Date(0), "value")).toBe("value is a Date, not plain JSON data");
    class Unnamed {}
    Object.defineProperty(Unnamed, "name", { value: "" });
    expect(findNonJson(new Unnamed(), "value")).toBe("value is an Object, not plain JSON data");
  });
  test("sparse arrays and cycles; a shared (not cyclic) object is fine", () => {
    expect(findNonJson([1, , 3], "value")).toBe("value[1] is missing (a sparse array)"); // eslint-disable-line no-sparse-arrays
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = { again: cyclic };
    expect(findNonJson(cyclic, "args")).toBe("args.self.again refers back to itself (a cycle)");
    const list: unknown[] = [];
    list.push(list);
    expect(findNonJson(list, "value")).toBe("value[0] refers back to itself (a cycle)");
    const shared = { x: 1 };
    expect(findNonJson([shared, shared, { y: shared }], "value")).toBeUndefined();
  });
  test("nesting deeper than 256 levels is refused, 256 are fine", () => {
    const nest = (depth: number): unknown => {
      let v: unknown = 0;
      for (let i = 0; i < depth; i++) v = [v];
      return v;
    };
    expect(findNonJson(nest(256), "value")).toBeUndefined();
    expect(findNonJson(nest(257), "value")).toBe(`value${"[0]".repeat(256)} is nested more than 256 levels deep`);
  });
});

describe("findNonJson: how a non-plain object is named", () => {
  test("an instance of a class is named after its class", () => {
    class Point {
      x = 1;
    }
    expect(findNonJson({ at: new Point() }, "value")).toBe("value.at is a Point, not plain JSON data");
  });
  test("an object whose constructor is only the inherited Object is named by its tag", () => {
    const reading: object = Object.create({ [Symbol.toStringTag]: "Reading" }) as object;
    expect(findNonJson(reading, "value")).toBe("value is a Reading, not plain JSON data");
  });
  test("an object without any constructor, or with a constructor whose name is not a string, is named by its tag", () => {
    expect(findNonJson(Object.create(Object.create(null) as object) as object, "value")).toBe("value is an Object, not plain JSON data");
    const odd: object = Object.create({ constructor: { name: 42 } }) as object;
    expect(findNonJson(odd, "value")).toBe("value is an Object, not plain JSON data");
  });
  test("nesting deeper than 256 levels of objects is refused too", () => {
    let v: unknown = 0;
    for (let i = 0; i < 257; i++) v = { a: v };
    expect(findNonJson(v, "value")).toBe(`value${".a".repeat(256)} is nested more than 256 levels deep`);
  });
});
