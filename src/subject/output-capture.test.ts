import { describe, expect, test } from "vitest";
import { OutputCapturer } from "./output-capture.ts";

describe("OutputCapturer", () => {
  test("keeps everything when small", () => {
    const c = new OutputCapturer(8);
    c.write(Buffer.from("abc"));
    c.write(Buffer.from("de"));
    expect(c.snapshot()).toEqual({ head: "abcde", tail: "", totalBytes: 5 });
  });
  test("keeps head and tail of a flood, counting all bytes", () => {
    const c = new OutputCapturer(4);
    for (const piece of ["HEAD", "xx", "yyyyyyyy", "zz", "TAIL"]) c.write(Buffer.from(piece));
    expect(c.snapshot()).toEqual({ head: "HEAD", tail: "TAIL", totalBytes: 20 });
    c.write(Buffer.from("0123456789"));
    expect(c.snapshot().tail).toBe("6789");
  });
  test("lastLine quotes the last non-empty line", () => {
    const c = new OutputCapturer(64);
    c.write(Buffer.from("Traceback...\nValueError: math domain error\n\n"));
    expect(c.lastLine()).toBe("ValueError: math domain error");
  });
});

describe("OutputCapturer: the head boundary inside a chunk", () => {
  test("a chunk that crosses the head boundary fills the head exactly and sends the rest to the tail", () => {
    const c = new OutputCapturer(4);
    c.write(Buffer.from("ab"));
    c.write(Buffer.from("cdefgh"));
    expect(c.snapshot()).toEqual({ head: "abcd", tail: "efgh", totalBytes: 8 });
  });
});
