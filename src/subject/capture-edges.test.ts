/** Bounded buffers at their limits: fault excerpts, the fault log, output capture and the line reader. */
import { describe, expect, test } from "vitest";
import { excerptOf, FaultLog } from "./fault-log.ts";
import { LineReader } from "./line-reader.ts";
import { OutputCapturer } from "./output-capture.ts";

describe("excerpts and the fault log", () => {
  test("an excerpt of exactly 200 characters is kept whole; 201 are cut to 197 and '...'", () => {
    expect(excerptOf("a".repeat(200))).toBe("a".repeat(200));
    expect(excerptOf("b".repeat(201))).toBe(`${"b".repeat(197)}...`);
    expect(excerptOf("")).toBe("");
  });
  test("keeps no more than maxKept, counts all, and hands out copies", () => {
    const log = new FaultLog(0);
    log.record("timeout", [1], "hung", 1);
    expect(log.faults()).toEqual([]);
    expect(log.faultCounts()).toEqual({ timeout: 1 });
    const kept = new FaultLog(5);
    const ids = [3, 4];
    kept.record("crashed", ids, "died", 2, "tail");
    kept.record("crashed", [5], "died again", 3);
    ids.push(99);
    const faults = kept.faults();
    expect(faults).toEqual([
      { kind: "crashed", ids: [3, 4], detail: "died", instance: 2, excerpt: "tail" },
      { kind: "crashed", ids: [5], detail: "died again", instance: 3 },
    ]);
    expect("excerpt" in faults[1]!).toBe(false);
    faults[0]!.ids.push(100);
    kept.faultCounts().crashed = 50;
    expect(kept.faults()[0]!.ids).toEqual([3, 4]);
    expect(kept.faultCounts()).toEqual({ crashed: 2 });
  });
});

describe("OutputCapturer", () => {
  const text = (c: OutputCapturer) => c.snapshot();
  test("the head fills across writes, exactly up to its size", () => {
    const c = new OutputCapturer(4);
    c.write(Buffer.from("ab"));
    c.write(Buffer.from("cd"));
    expect(text(c)).toEqual({ head: "abcd", tail: "", totalBytes: 4 });
    c.write(Buffer.from("e"));
    expect(text(c)).toEqual({ head: "abcd", tail: "e", totalBytes: 5 });
  });
  test("one write larger than head and tail together", () => {
    const c = new OutputCapturer(3);
    c.write(Buffer.from("0123456789"));
    expect(text(c)).toEqual({ head: "012", tail: "789", totalBytes: 10 });
  });
  test("the tail keeps the last bytes across small writes", () => {
    const c = new OutputCapturer(3);
    for (const piece of ["abc", "d", "e", "fg", "h"]) c.write(Buffer.from(piece));
    expect(text(c)).toEqual({ head: "abc", tail: "fgh", totalBytes: 8 });
    c.write(Buffer.from("xyz"));
    expect(text(c).tail).toBe("xyz");
  });
  test("lastLine: from the head when there is no tail, trimmed, at most 200 characters", () => {
    const c = new OutputCapturer(1000);
    expect(c.lastLine()).toBe("");
    c.write(Buffer.from("  first  \n  second  \n\n   \n"));
    expect(c.lastLine()).toBe("second");
    const long = new OutputCapturer(1000);
    long.write(Buffer.from(`x\n${"y".repeat(250)}\n`));
    expect(long.lastLine()).toBe(`${"y".repeat(197)}...`);
    const exact = new OutputCapturer(1000);
    exact.write(Buffer.from("z".repeat(200)));
    expect(exact.lastLine()).toBe("z".repeat(200));
    const flood = new OutputCapturer(8);
    flood.write(Buffer.from("HEADLINE\nmiddle\nlast one"));
    expect(flood.lastLine()).toBe("last one");
  });
});

describe("LineReader", () => {
  function read(max: number, chunks: string[], headBytes = 4, end = true) {
    const events: string[] = [];
    const reader = new LineReader(max, { line: (b) => events.push(`line:${b.toString()}`), tooLong: (h, n) => events.push(`long:${h.toString()}:${n}`) }, headBytes);
    const held: number[] = [];
    for (const c of chunks) {
      reader.push(Buffer.from(c));
      held.push(reader.bufferedBytes);
    }
    if (end) reader.end();
    return { events, held };
  }
  test("bytes held between chunks", () => {
    expect(read(100, ["ab", "cd", "\nef"], 4, false)).toEqual({ events: ["line:abcd"], held: [2, 4, 2] });
  });
  test("end(): a pending partial line counts, nothing pending means no line", () => {
    expect(read(100, ["ab"]).events).toEqual(["line:ab"]);
    expect(read(100, ["ab\n"]).events).toEqual(["line:ab"]);
    expect(read(100, []).events).toEqual([]);
  });
  test("end() inside an over-long line reports it", () => {
    expect(read(3, ["abcdef"]).events).toEqual(["long:abcd:6"]);
    expect(read(3, ["abcdef"], 2).events).toEqual(["long:ab:6"]);
  });
  test("the head of an over-long line is gathered across chunks, up to headBytes", () => {
    expect(read(2, ["a", "b", "c", "d", "e", "f\nok\n"], 4).events).toEqual(["long:abcd:6", "line:ok"]);
    expect(read(5, ["abc", "defgh", "ijk\n"], 10).events).toEqual(["long:abcdefghij:11"]);
  });
  test("a line of exactly the limit is a line; empty lines are lines", () => {
    expect(read(3, ["abc\n\nd\n"]).events).toEqual(["line:abc", "line:", "line:d"]);
    expect(read(3, ["ab", "c\n"]).events).toEqual(["line:abc"]);
    expect(read(3, ["ab", "cd\n"]).events).toEqual(["long:abcd:4"]);
  });
  test("a line made of several chunks is delivered whole", () => {
    expect(read(100, ["a", "b", "c", "\n"]).events).toEqual(["line:abc"]);
  });
});
