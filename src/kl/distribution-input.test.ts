import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../errors.ts";
import { readDistributionInput } from "./distribution-input.ts";

const dir = mkdtempSync(join(tmpdir(), "bonkl-dist-"));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("readDistributionInput", () => {
  it("reads JSON (n from the file or --n), CSV and flags, keeping values as given", () => {
    const json = file("d.json", '{"p": [0.25, "3/4"], "r": [2, 1], "n": [1, 10]}');
    expect(readDistributionInput({ file: json })).toEqual({ p: [0.25, "3/4"], r: [2, 1], n: [1, 10] });
    expect(readDistributionInput({ file: json, n: "5" }).n).toEqual([5]);
    expect(readDistributionInput({ file: file("d.csv", "p,r\n0.2,1\n0.8,0\n"), n: "3" })).toEqual({ p: ["0.2", "0.8"], r: ["1", "0"], n: [3] });
    expect(readDistributionInput({ p: "1e-4,0.9999", n: "1,100" })).toEqual({ p: ["1e-4", "0.9999"], n: [1, 100] });
  });

  it("rejects missing or conflicting input as usage errors", () => {
    expect(() => readDistributionInput({ p: "0.5,0.5" })).toThrow(UsageError);
    expect(() => readDistributionInput({ n: "3" })).toThrow(UsageError);
    expect(() => readDistributionInput({ p: "0.5,0.5", n: "0" })).toThrow(/positive integer/);
    expect(() => readDistributionInput({ file: file("e.json", "{"), n: "2" })).toThrow(/not valid JSON/);
  });
});
