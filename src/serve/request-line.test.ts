// How `bonkl serve` reads one request line before computing anything (issue 16): ids echoed exactly or refused,
// lines split on \n only, invalid UTF-8 refused, the id of a damaged line still named, deadlineMs and size limits.
import { describe, expect, test } from "vitest";
import { readIdNumber, readRequestId } from "./request-id.ts";
import { parseRequestLine, SERVE_LIMITS, tooLongLine, type ParsedLine } from "./request-line.ts";

const parse = (text: string | Buffer, limits = SERVE_LIMITS): ParsedLine => parseRequestLine(typeof text === "string" ? Buffer.from(text, "utf8") : text, limits);
const answer = (text: string | Buffer, limits = SERVE_LIMITS): unknown => {
  const parsed = parse(text, limits);
  return parsed.kind === "answer" ? parsed.response : parsed;
};

describe("ids", () => {
  test("an integer within |id| <= 2^53 - 1 in any JSON spelling is read exactly", () => {
    expect(readIdNumber("9007199254740991")).toEqual({ kind: "ok", id: 9007199254740991 });
    expect(readIdNumber("-9007199254740991")).toEqual({ kind: "ok", id: -9007199254740991 });
    expect(readIdNumber("7.0")).toEqual({ kind: "ok", id: 7 });
    expect(readIdNumber("12e1")).toEqual({ kind: "ok", id: 120 });
    expect(readIdNumber("1500e-2")).toEqual({ kind: "ok", id: 15 });
    expect(readIdNumber("-0")).toEqual({ kind: "ok", id: 0 });
    expect(Object.is((readIdNumber("-0") as { id: number }).id, 0)).toBe(true);
    expect(readIdNumber("0e999999999")).toEqual({ kind: "ok", id: 0 });
  });

  test("beyond the safe range (which JSON.parse would round) or not an integer", () => {
    expect(readIdNumber("9007199254740992").kind).toBe("out-of-range");
    expect(readIdNumber("9007199254740993").kind).toBe("out-of-range"); // JSON.parse: 9007199254740992
    expect(readIdNumber("1e300").kind).toBe("out-of-range");
    expect(readIdNumber("1e400").kind).toBe("out-of-range"); // JSON.parse: Infinity
    expect(readIdNumber("1.5").kind).toBe("not-integer");
    expect(readIdNumber("1.0000000000000001").kind).toBe("not-integer"); // JSON.parse: 1
    expect(readIdNumber("1e-999999999").kind).toBe("not-integer");
  });

  test("read from the text: the last id of a valid line, the id before the damage of a broken one", () => {
    expect(readRequestId('{"op": "x", "id": 5, "args": {"id": 9}}')).toEqual({ kind: "ok", id: 5 });
    expect(readRequestId('{"id": 1, "id": 2}')).toEqual({ kind: "ok", id: 2 });
    expect(readRequestId('{"\\u0069d": 3}')).toEqual({ kind: "ok", id: 3 });
    expect(readRequestId('{"id": 7, "op": "klBon", "args": {"p": [0.5,')).toEqual({ kind: "ok", id: 7 });
    expect(readRequestId('{"id": 12')).toEqual({ kind: "none" }); // cut: 12 may be the start of 1234
    expect(readRequestId('{"op": "x" "id": 7}')).toEqual({ kind: "none" }); // the damage comes first
    expect(readRequestId('{"id": "7"}')).toEqual({ kind: "none" });
  });

  test("responses echo the id exactly or refuse it by name with id null", () => {
    expect(answer('{"id": 9007199254740991, "op": "capabilities"}')).toMatchObject({ kind: "compute", id: 9007199254740991 });
    expect(JSON.stringify(answer('{"id": 9007199254740993, "op": "capabilities"}'))).toBe(
      '{"id":null,"error":"invalid request: id 9007199254740993 is outside the safe-integer range |id| <= 2^53 - 1 (bonkl serve echoes ids exactly and refuses those it cannot)"}',
    );
    expect(answer('{"id": 1e300, "op": "capabilities"}')).toMatchObject({ id: null, error: expect.stringMatching(/id 1e300 is outside the safe-integer range/) });
    expect(answer('{"id": 1.5, "op": "capabilities"}')).toEqual({ id: null, error: "invalid request: missing integer id" });
  });
});

describe("lines", () => {
  test("a lone \\r inside a request is part of it (one answer, naming the id), CRLF ends are accepted", () => {
    expect(answer('{"id": 5, "op": "klFor\rmula", "args": {"n": 2}}')).toEqual({ id: 5, error: "invalid request: not JSON" });
    expect(parse('{"id": 5,\r"op": "klFormula",\r"args": {"n": 2}}\r')).toMatchObject({ kind: "compute", id: 5, op: "klFormula" });
  });

  test("not JSON: the id is named when it can be read", () => {
    expect(answer('{"id": 6, "op": "klBon", "args": {"p": [0.5, 0.5')).toEqual({ id: 6, error: "invalid request: not JSON" });
    expect(answer("{not json")).toEqual({ id: null, error: "invalid request: not JSON" });
  });

  test("invalid UTF-8 is refused, not replaced (the id still named)", () => {
    const bytes = Buffer.concat([Buffer.from('{"id": 8, "op": "klFormula", "args": {"n": 2}, "note": "'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    expect(answer(bytes)).toEqual({ id: 8, error: "invalid request: not UTF-8 (the line holds bytes that are not UTF-8 text)" });
    expect(answer(Buffer.from([0xc3, 0x28]))).toMatchObject({ id: null, error: expect.stringMatching(/not UTF-8/) });
  });

  test("blank lines and a byte order mark", () => {
    expect(parse(" \t\r")).toEqual({ kind: "blank" });
    expect(parse(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"id": 1, "op": "capabilities"}')]))).toMatchObject({ kind: "compute", id: 1, op: "capabilities" });
  });

  test("a line over the limit: an error naming its size and (from its first bytes) its id", () => {
    expect(tooLongLine(Buffer.from('{"id": 4, "op": "klBon", "args": {"p": [0.1, 0.1, '), 70_000_000).kind).toBe("answer");
    expect((tooLongLine(Buffer.from('{"id": 4, "op": "klBon", "args": {"p": [0.1, '), 70_000_000) as { response: unknown }).response).toEqual({
      id: 4,
      error: "invalid request: a line of 70000000 bytes, over the 64 MiB limit of bonkl serve: skipped unread",
    });
  });
});

describe("per-request limits", () => {
  const small = { maxLineBytes: 100, maxValues: 10, maxDepth: 3 };

  test("size: values in args and their depth", () => {
    expect(answer('{"id": 1, "op": "klBon", "args": {"p": [1,2,3,4,5,6,7,8,9,10], "n": 2}}', small)).toEqual({ id: 1, error: "request too large: args hold more than 10 values, the most bonkl serve takes" });
    expect(answer('{"id": 2, "op": "klBon", "args": {"p": [[[[1]]]]}}', small)).toEqual({ id: 2, error: "request too large: args nested deeper than 3 levels" });
    expect(parse('{"id": 3, "op": "klBon", "args": {"p": [0.5, 0.5], "n": 2}}', small)).toMatchObject({ kind: "compute", values: 5 });
    expect(answer(`{"id": 4, "op": "klFormula", "args": {"n": 2}, "pad": "${"x".repeat(100)}"}`, small)).toMatchObject({ id: 4, error: expect.stringMatching(/a line of \d+ bytes, over the 100 bytes limit/) });
  });

  test("depth is measured without recursion: 100,000 nested arrays are refused, not a stack overflow", () => {
    const deep = `{"id": 5, "op": "klBon", "args": {"p": ${"[".repeat(100_000)}${"]".repeat(100_000)}}}`;
    expect(answer(deep)).toEqual({ id: 5, error: "request too large: args nested deeper than 32 levels" });
  });

  test("deadlineMs: an optional positive integer of milliseconds", () => {
    expect(parse('{"id": 1, "op": "klFormula", "args": {"n": 2}, "deadlineMs": 250}')).toMatchObject({ kind: "compute", deadlineMs: 250 });
    expect(parse('{"id": 1, "op": "klFormula", "args": {"n": 2}}')).toMatchObject({ kind: "compute", deadlineMs: null });
    for (const bad of ["0", "-5", "1.5", '"100"', "null", "2147483648"]) {
      expect(answer(`{"id": 9, "op": "klFormula", "args": {"n": 2}, "deadlineMs": ${bad}}`)).toEqual({
        id: 9,
        error: `invalid request: deadlineMs must be a positive integer of milliseconds, at most 2147483647, got ${bad === "2147483648" ? bad : JSON.stringify(JSON.parse(bad))}`,
      });
    }
  });
});
