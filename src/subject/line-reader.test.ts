import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { LineReader } from "./line-reader.ts";

function collect(max: number, chunks: string[], headBytes = 8) {
  const events: string[] = [];
  const reader = new LineReader(max, { line: (b) => events.push(`line:${b.toString()}`), tooLong: (h, n) => events.push(`long:${h.toString()}:${n}`) }, headBytes);
  let maxHeld = 0;
  for (const c of chunks) {
    reader.push(Buffer.from(c));
    maxHeld = Math.max(maxHeld, reader.bufferedBytes);
  }
  reader.end();
  return { events, maxHeld };
}

describe("LineReader", () => {
  test("splits lines across and within chunks", () => {
    expect(collect(100, ['{"a"', ':1}\n{"b":2}\n{', '"c":3}\n']).events).toEqual(['line:{"a":1}', 'line:{"b":2}', 'line:{"c":3}']);
  });
  test("a last line without newline still counts; empty lines are lines", () => {
    expect(collect(100, ["a\n\nb"]).events).toEqual(["line:a", "line:", "line:b"]);
  });
  test("a line at the limit passes, one byte more is skipped with its head and length kept", () => {
    expect(collect(5, ["12345\n123456\nok\n"]).events).toEqual(["line:12345", "long:123456:6", "line:ok"]);
    expect(collect(5, ["1234", "56789", "0123", "\nok\n"], 3).events).toEqual(["long:123:13", "line:ok"]);
  });
  test("never holds more than the limit, however the stream is cut", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom("a", "b", "\n"), maxLength: 40 }), { maxLength: 20 }), fc.integer({ min: 1, max: 12 }), (chunks, max) => {
        const { events, maxHeld } = collect(max, chunks, 4);
        expect(maxHeld).toBeLessThanOrEqual(max);
        const text = chunks.join("");
        const expected = (text.endsWith("\n") ? text.slice(0, -1) : text).split("\n");
        if (text === "") expected.length = 0;
        expect(events).toEqual(expected.map((l) => (l.length <= max ? `line:${l}` : `long:${l.slice(0, 4)}:${l.length}`)));
      }),
      // Under Stryker (vitest.stryker.config.ts sets BONKL_STRYKER=1): a fixed seed and fewer runs.
      process.env.BONKL_STRYKER === "1" ? { numRuns: 100, seed: 5 } : { numRuns: 300 },
    );
  });
});

describe("LineReader: skipping state and copies", () => {
  test("skippingLongLine is true from the byte that crosses the limit until that line ends", () => {
    const events: string[] = [];
    const reader = new LineReader(4, { line: (b) => events.push(`line:${b.toString()}`), tooLong: (h, n) => events.push(`long:${h.toString()}:${n}`) }, 2);
    reader.push(Buffer.from("ok\n1234"));
    expect(reader.skippingLongLine).toBe(false);
    reader.push(Buffer.from("5"));
    expect(reader.skippingLongLine).toBe(true);
    reader.push(Buffer.from("678"));
    expect(reader.skippingLongLine).toBe(true);
    reader.push(Buffer.from("\nnext"));
    expect(reader.skippingLongLine).toBe(false);
    expect(events).toEqual(["line:ok", "long:12:8"]);
  });
  test("a line that arrived within one chunk is handed on as a view of that chunk, not copied", () => {
    // Chunks with their own memory (Buffer.alloc is not pooled), so that a copy cannot share it by chance.
    const chunk = (text: string) => {
      const b = Buffer.alloc(Buffer.byteLength(text));
      b.write(text);
      return b;
    };
    const lines: Buffer[] = [];
    const reader = new LineReader(100, { line: (b) => lines.push(b), tooLong: () => undefined });
    const first = chunk("ab");
    const second = chunk("\ncd\n");
    reader.push(first);
    reader.push(second); // the newline ending "ab" opens this chunk
    expect(lines.map((l) => l.toString())).toEqual(["ab", "cd"]);
    expect(lines[0]?.buffer).toBe(first.buffer);
    expect(lines[1]?.buffer).toBe(second.buffer);
  });
});
