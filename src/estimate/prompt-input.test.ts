import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError, UsageError } from "../errors.ts";
import { readPrompts, type PromptFlags } from "./prompt-input.ts";

const dir = mkdtempSync(join(tmpdir(), "bonkl-prompts-"));
function file(name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
const prompts = (flags: PromptFlags) => [...readPrompts(flags).prompts()];

describe("readPrompts", () => {
  it("reads JSON lines, CSV and flags, naming where each prompt came from", () => {
    const jsonl = file("a.jsonl", '{"n": 16, "logp": -12.3}\n\n{"n": 4, "logp": "-0.5"}\n');
    expect(prompts({ file: jsonl })).toEqual([
      { n: 16, logp: -12.3, where: `${jsonl} line 1` },
      { n: 4, logp: "-0.5", where: `${jsonl} line 3` },
    ]);
    const csv = file("a.csv", "n,logp\n16,-12.3\n4, -0.5\n");
    expect(prompts({ file: csv })).toEqual([
      { n: 16, logp: "-12.3", where: `${csv} line 2` },
      { n: 4, logp: "-0.5", where: `${csv} line 3` },
    ]);
    expect(prompts({ n: "16", logp: "-12.3,-8.1" })).toEqual([
      { n: 16, logp: "-12.3", where: "--logp[0]" },
      { n: 16, logp: "-8.1", where: "--logp[1]" },
    ]);
    expect(prompts({ n: "2,3", logp: "-1,0" }).map(({ n, logp }) => ({ n, logp }))).toEqual([
      { n: 2, logp: "-1" },
      { n: 3, logp: "0" },
    ]);
  });

  it("accepts a UTF-8 byte order mark and CRLF line ends (issue 16: the BOM gave 'line 1: is not JSON')", () => {
    const bom = file("bom.jsonl", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"n": 16, "logp": -1}\r\n{"n": 2, "logp": -2}\r\n')]));
    expect(prompts({ file: bom }).map(({ n, logp }) => ({ n, logp }))).toEqual([
      { n: 16, logp: -1 },
      { n: 2, logp: -2 },
    ]);
    const bomCsv = file("bom.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("n,logp\r\n16,-1\r\n")]));
    expect(prompts({ file: bomCsv }).map(({ n }) => n)).toEqual([16]);
  });

  it("names the line and field of bad input", () => {
    expect(() => prompts({ file: file("b.jsonl", '{"n": 16, "logp": -1}\n{"n": 16, "logp": 0.5}\n') })).toThrow(/b\.jsonl line 2: logp: must be <= 0/);
    expect(() => prompts({ file: file("c.jsonl", '{"n": 0, "logp": -1}\n') })).toThrow(/line 1: n: must be a positive integer/);
    expect(() => prompts({ file: file("d.csv", "n,lp\n1,-1\n") })).toThrow(/needs a column named "logp"/);
    expect(() => prompts({ file: file("ragged.csv", "n,logp\n1,-1,3\n") })).toThrow(/ragged\.csv line 2: has 3 fields, the header has 2/);
    expect(() => prompts({ file: file("empty.csv", "\n\n") })).toThrow(/is empty \(expected a header line\)/);
    expect(() => prompts({ file: file("latin1.jsonl", Buffer.from('{"n": 2, "logp": -1}\n{"n": 2, "logp": "\xe9"}\n', "latin1")) })).toThrow(/latin1\.jsonl line 2: is not UTF-8 text/);
    expect(() => readPrompts({ file: join(dir, "missing.jsonl") })).toThrow(InputError); // when opened, before any work
    expect(() => readPrompts({ file: dir, format: "jsonl" })).toThrow(/is a directory/);
    expect(() => readPrompts({ n: "2,3,4", logp: "-1,-2" })).toThrow(UsageError);
    expect(() => readPrompts({ file: file("e.txt", "") })).toThrow(/--format/);
  });
});
