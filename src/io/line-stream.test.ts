// Reading input files line by line in constant memory (src/io/line-stream.ts): line numbers, CRLF, BOM, blank
// lines, lines across read chunks, and the errors for over-long and non-UTF-8 lines.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../errors.ts";
import { openLines, readLines } from "./line-stream.ts";

const dir = mkdtempSync(join(tmpdir(), "bonkl-lines-"));
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe("readLines", () => {
  it("gives the non-blank lines with their numbers: CRLF, BOM, no final newline, blank and white lines", () => {
    const path = file("a.txt", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("first\r\n\n  \t\r\nsecond é\n\n\nlast")]));
    expect([...readLines(path)]).toEqual([
      { number: 1, text: "first" },
      { number: 4, text: "second é" },
      { number: 7, text: "last" },
    ]);
  });

  it("joins lines that span read chunks (1 MiB), and keeps count across them", () => {
    const long = "x".repeat(700_000);
    const path = file("b.txt", `${long}\n${long}\n\n${long}y\n`);
    const lines = [...readLines(path)];
    expect(lines.map((l) => [l.number, l.text.length])).toEqual([
      [1, 700_000],
      [2, 700_000],
      [4, 700_001],
    ]);
    expect(lines[2]!.text.endsWith("xy")).toBe(true);
  });

  it("a line over the limit, or not UTF-8, is an InputError naming the line", () => {
    expect(() => [...readLines(file("c.txt", `ok\n${"z".repeat(200)}\n`), 100)]).toThrow(/c\.txt line 2: is longer than 100 bytes/);
    expect(() => [...readLines(file("d.txt", Buffer.from([0x61, 0x0a, 0xc3, 0x28, 0x0a])))]).toThrow(/d\.txt line 2: is not UTF-8 text/);
    expect(() => [...readLines(join(dir, "missing.txt"))]).toThrow(InputError);
  });

  it("reports the bytes read and the size of a regular file", () => {
    const path = file("e.txt", "a\nb\n");
    const opened = openLines(path);
    expect(opened.position).toEqual({ bytesRead: 0, totalBytes: 4 });
    expect([...readLines(path, undefined, opened)].length).toBe(2);
    expect(opened.position.bytesRead).toBe(4);
  });
});
