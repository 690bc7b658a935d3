import { describe, expect, test } from "vitest";
import { classId, classOf, describeClass, FAILURE_KINDS, KIND_WORDS, magnitudesOf, SHAPE_WORDS, SHAPES, shapeOf } from "./failure-class.ts";

describe("shapeOf: one shape per input, the first that applies", () => {
  test("distributions: zero masses, then ties, then unordered, then in order", () => {
    expect(shapeOf({ p: [0.5, 0.5], n: 2 })).toBe("in-order");
    expect(shapeOf({ p: [0.5, 0.5], n: 2, r: [1, 2] })).toBe("in-order");
    expect(shapeOf({ p: [0.5, 0.5], n: 2, r: [2, 1] })).toBe("unordered");
    expect(shapeOf({ p: [0.2, 0.3, 0.5], n: 2, r: [1, 3, 2] })).toBe("unordered");
    expect(shapeOf({ p: [0.5, 0.5], n: 2, r: [1, 1] })).toBe("ties");
    expect(shapeOf({ p: [0.2, 0.3, 0.5], n: 2, r: [3, 1, 3] })).toBe("ties");
    expect(shapeOf({ p: [0, 1], n: 2 })).toBe("zero-mass");
    expect(shapeOf({ p: [0, 0.5, 0.5], n: 2, r: [1, 1, 1] })).toBe("zero-mass");
    expect(shapeOf({ p: [1] })).toBe("in-order");
    expect(shapeOf({ p: ["0.5", "0.5"], n: 2, r: ["2", "1"] })).toBe("unordered");
    expect(shapeOf({ p: [0.25, 0.25, 0.5], n: 2, r: [-1, 10, 2] })).toBe("unordered"); // not sorted as strings
    expect(shapeOf({ p: [0.25, 0.25, 0.5], n: 2, r: [2, 10, 11] })).toBe("in-order"); // numbers, not strings
  });

  test("equal neighbours are a tie, not an order", () => {
    expect(shapeOf({ p: [0.5, 0.5], n: 1, r: [-0, 0] })).toBe("ties");
  });

  test("estimators by their point, klFormula by n", () => {
    expect(shapeOf({ n: 3, eps: 0.5 })).toBe("eps");
    expect(shapeOf({ n: 3, logEps: -1 })).toBe("logEps");
    expect(shapeOf({ n: 3 })).toBe("n");
  });
});

describe("classes", () => {
  test("a failing grade is classed by shape and kind; anything else has no class", () => {
    expect(classId("ties", "value")).toBe("ties/value");
    expect(classOf({ p: [0.5, 0.5], n: 2, r: [1, 1] }, { failure: "value" })).toBe("ties/value");
    expect(classOf({ n: 2, eps: 0.1 }, { failure: "non-finite" })).toBe("eps/non-finite");
    expect(classOf({ n: 2 }, { failure: "fault" })).toBe("n/fault");
    expect(classOf({ n: 2 }, { failure: null })).toBeNull();
    expect(classOf({ n: 2 }, { failure: null })).toBeNull();
  });

  test("every class reads in words", () => {
    expect(describeClass("unordered/value")).toBe("distinct rewards unordered, wrong value");
    expect(describeClass("zero-mass/non-finite")).toBe("zero masses, non-finite or error");
    expect(describeClass("in-order/fault")).toBe("distinct rewards in order, fault (hang, crash)");
    for (const shape of SHAPES) expect(SHAPE_WORDS[shape]).toMatch(/\w/);
    for (const kind of FAILURE_KINDS) expect(KIND_WORDS[kind]).toMatch(/\w/);
    expect(SHAPE_WORDS).toEqual({
      "in-order": "distinct rewards in order",
      unordered: "distinct rewards unordered",
      ties: "tied rewards",
      "zero-mass": "zero masses",
      eps: "eps given",
      logEps: "logEps given",
      n: "n only",
    });
  });
});

describe("magnitudesOf", () => {
  test("n and the smallest positive mass", () => {
    expect(magnitudesOf({ p: [0, 0.25, 1e-300, 0.75], n: 7 })).toEqual({ n: 7, small: 1e-300, logEps: null });
    expect(magnitudesOf({ p: [0.5, 0.5] })).toEqual({ n: null, small: 0.5, logEps: null });
    expect(magnitudesOf({ p: [0, 0], n: 1 })).toEqual({ n: 1, small: null, logEps: null });
    expect(magnitudesOf({ p: [0.5, 0.25, 0.25], n: 1 }).small).toBe(0.25);
  });

  test("eps or logEps for the estimators", () => {
    expect(magnitudesOf({ n: 5, eps: 1e-12 })).toEqual({ n: 5, small: 1e-12, logEps: null });
    expect(magnitudesOf({ n: 5, logEps: -800 })).toEqual({ n: 5, small: null, logEps: -800 });
    expect(magnitudesOf({ n: "12" })).toEqual({ n: 12, small: null, logEps: null });
  });
});
