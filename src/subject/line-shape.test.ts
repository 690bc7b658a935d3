// The shape of a response line read from its bytes (line-shape.ts): what it finds agrees with JSON.parse on any
// response-like object, deep lines are refused at once, and the wrong kind of value for the op is named.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { MAX_RESPONSE_DEPTH, expectedAnswer, scanLine, shapeProblem, type LineShape } from "./line-shape.ts";

const scan = (text: string): LineShape => scanLine(Buffer.from(text));
const problem = (text: string, op: string, args: Record<string, unknown> = {}): string | undefined => shapeProblem(scan(text), expectedAnswer(op, args));

/** What the scan should find, read from the parsed line. */
function fromParse(body: Record<string, unknown>): Pick<LineShape, "id" | "value"> {
  const id = Number.isSafeInteger(body.id) ? (body.id as number) : undefined;
  if (!Object.hasOwn(body, "value")) return { id, value: null };
  const v = body.value;
  if (v === null || typeof v !== "object") return { id, value: { kind: "other", entries: 0, firstNested: -1 } };
  const entries = Array.isArray(v) ? v : Object.values(v as object);
  return {
    id,
    value: { kind: Array.isArray(v) ? "array" : "object", entries: entries.length, firstNested: entries.findIndex((e) => e !== null && typeof e === "object") },
  };
}

describe("scanLine", () => {
  test("agrees with JSON.parse on the id and the value of any response-like object, whatever the spacing and key order", () => {
    const member = fc.oneof(
      fc.tuple(fc.constant("id"), fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double(), fc.string())),
      fc.tuple(fc.constant("value"), fc.jsonValue({ maxDepth: 4 })),
      fc.tuple(fc.string(), fc.jsonValue({ maxDepth: 3 })),
    );
    fc.assert(
      fc.property(fc.array(member, { maxLength: 5 }), fc.constantFrom(0, 1, 2), (members, indent) => {
        const body = Object.fromEntries(members.map(([k, v]) => [k, v]));
        const text = JSON.stringify(body, null, indent).replaceAll("\n", indent === 2 ? "\r\n" : " ");
        const shape = scan(text);
        expect(shape.tooDeep).toBe(false);
        expect({ id: shape.id, value: shape.value }).toEqual(fromParse(JSON.parse(text) as Record<string, unknown>));
      }),
      { numRuns: 500 },
    );
  });

  test("brackets, quotes and keys inside strings do not count; escaped keys are read as JSON reads them", () => {
    expect(scan('{"error": "x [ { \\" ] \\"value\\": [", "id": 9}')).toEqual({ tooDeep: false, id: 9, value: null });
    expect(scan('{"\\u0069d": 6, "v\\u0061lue": [1, 2]}')).toEqual({ tooDeep: false, id: 6, value: { kind: "array", entries: 2, firstNested: -1 } });
    expect(scan('{"id": 1e2, "value": "x"}').id).toBe(100);
    expect(scan('{"id": "7", "value": 1}').id).toBeUndefined();
    expect(scan('{"id": 1.5}').id).toBeUndefined();
    expect(scan('[{"id": 3}]')).toEqual({ tooDeep: false, id: undefined, value: null });
  });

  test("a line nested deeper than the limit is refused as soon as the limit is passed, however long it is", () => {
    const deep = (levels: number) => `{"id": 8, "value": ${"[".repeat(levels)}${"]".repeat(levels)}}`;
    expect(scan(deep(MAX_RESPONSE_DEPTH - 1)).tooDeep).toBe(false); // the object's own level makes MAX_RESPONSE_DEPTH
    expect(scan(deep(MAX_RESPONSE_DEPTH))).toMatchObject({ tooDeep: true, id: 8 });
    const huge = Buffer.from(deep(20_000_000)); // 40 MB: JSON.parse would build 20 million arrays
    const started = performance.now();
    expect(scanLine(huge).tooDeep).toBe(true);
    expect(performance.now() - started).toBeLessThan(50);
    expect(shapeProblem(scanLine(huge), undefined)).toBe(`the line nests more than ${MAX_RESPONSE_DEPTH} levels deep: rejected before parsing`);
  });
});

describe("shapeProblem", () => {
  test("a scalar op's value must not be a container", () => {
    expect(problem('{"id": 1, "value": 0.5}', "klBon")).toBeUndefined();
    expect(problem('{"id": 1, "value": "0.5"}', "renyi2")).toBeUndefined();
    expect(problem('{"id": 1, "value": [0.5]}', "renyi2")).toBe("renyi2 answers one number or decimal string; value is an array of length 1: rejected before parsing");
    expect(problem('{"value": {"kl": 1, "x": 2}, "id": 1}', "klBon")).toBe("klBon answers one number or decimal string; value is an object with 2 member(s): rejected before parsing");
  });

  test("bonPmf and capabilities answer flat arrays; bonPmf at most one entry per outcome", () => {
    expect(problem('{"id": 1, "value": [0.5, "0.5"]}', "bonPmf", { p: [0.5, 0.5] })).toBeUndefined();
    expect(problem('{"id": 1, "value": [0.5, [0.5]]}', "bonPmf", { p: [0.5, 0.5] })).toBe("bonPmf answers an array of numbers or decimal strings; value[1] is an array or object: rejected before parsing");
    expect(problem('{"id": 1, "value": [0.2, 0.3, 0.5]}', "bonPmf", { p: [0.5, 0.5] })).toBe("bonPmf answers one entry per outcome (2); value is an array of length 3: rejected before parsing");
    expect(problem('{"id": 1, "value": [0.2, 0.3, 0.5]}', "bonPmf", { p: "not a list" })).toBeUndefined(); // no count to hold it to
    expect(problem('{"id": 1, "value": {"a": 1}}', "bonPmf", { p: [1] })).toMatch(/value is an object with 1 member\(s\)/);
    expect(problem('{"id": 1, "value": [{"op": "klBon"}]}', "capabilities")).toMatch(/^capabilities answers an array of op names \(strings\); value\[0\] is an array or object/);
    // Not a container where one is due, or content of the wrong type: left to the checks after parsing.
    expect(problem('{"id": 1, "value": 0.5}', "bonPmf", { p: [1] })).toBeUndefined();
    expect(problem('{"id": 1, "value": [true, null]}', "bonPmf", { p: [1, 1] })).toBeUndefined();
  });

  test("ops bonkl does not know (extension ops) and lines without a value are judged by depth only", () => {
    expect(problem('{"id": 1, "value": [[1]]}', "bonLevelPmf")).toBeUndefined();
    expect(problem('{"id": 1, "error": "unsupported"}', "klBon")).toBeUndefined();
    expect(shapeProblem(scan('{"id": 1, "value": [[1]]}'), undefined)).toBeUndefined();
  });
});
