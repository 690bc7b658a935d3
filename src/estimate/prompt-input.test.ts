import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError, UsageError } from "../errors.ts";
import { readPrompts } from "./prompt-input.ts";

const dir = mkdtempSync(join(tmpdir(), "bonkl-prompts-"));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("readPrompts", () => {
  it("reads JSON lines, CSV and flags", () => {
    expect(readPrompts({ file: file("a.jsonl", '{"n": 16, "logp": -12.3}\n\n{"n": 4, "logp": "-0.5"}\n') })).toEqual([
      { n: 16, logp: -12.3 },
      { n: 4, logp: "-0.5" },
    ]);
    expect(readPrompts({ file: file("a.csv", "n,logp\n16,-12.3\n4, -0.5\n") })).toEqual([
      { n: 16, logp: "-12.3" },
      { n: 4, logp: "-0.5" },
    ]);
    expect(readPrompts({ n: "16", logp: "-12.3,-8.1" })).toEqual([
      { n: 16, logp: "-12.3" },
      { n: 16, logp: "-8.1" },
    ]);
    expect(readPrompts({ n: "2,3", logp: "-1,0" })).toEqual([
      { n: 2, logp: "-1" },
      { n: 3, logp: "0" },
    ]);
  });

  it("names the line and field of bad input", () => {
    expect(() => readPrompts({ file: file("b.jsonl", '{"n": 16, "logp": -1}\n{"n": 16, "logp": 0.5}\n') })).toThrow(/b\.jsonl line 2: logp: must be <= 0/);
    expect(() => readPrompts({ file: file("c.jsonl", '{"n": 0, "logp": -1}\n') })).toThrow(/line 1: n: must be a positive integer/);
    expect(() => readPrompts({ file: file("d.csv", "n,lp\n1,-1\n") })).toThrow(/needs a column named "logp"/);
    expect(() => readPrompts({ file: join(dir, "missing.jsonl") })).toThrow(InputError);
    expect(() => readPrompts({ n: "2,3,4", logp: "-1,-2" })).toThrow(UsageError);
    expect(() => readPrompts({ file: file("e.txt", "") })).toThrow(/--format/);
  });

});
