/**
 * The oracle against the reference vectors of spec/vectors (an independent mpmath implementation, 50 digits):
 * every enclosure must contain the reference value (up to the reference's own rounding, half a unit in its
 * 50th digit) and meet the default accuracy (relative 1e-30, or absolute 1e-40 near 0); every invalid input
 * must raise an InputError naming the expected field.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { compute, type Enclosure } from "./index.ts";
import { InputError } from "../errors.ts";
import { enclosureMeetsDecimal } from "./testing/exact-compare.ts";
import { Ajv } from "ajv";

interface VectorCase {
  id: string;
  op: string;
  args: Record<string, unknown>;
  value?: string | string[];
  error?: string;
}
interface VectorFile {
  format: string;
  group: string;
  digits: number;
  cases: VectorCase[];
}

const DIR = "spec/vectors";
const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json")).sort() : [];

function meetsAccuracy(e: Enclosure): boolean {
  return e.width <= 1e-40 || e.relativeWidth <= 1e-30;
}

describe("oracle vs spec/vectors (mpmath, 50 digits)", () => {
  test("the vector files are present", () => {
    expect(files.length, "spec/vectors/*.json is missing: run python3 spec/vectors/generate.py").toBeGreaterThan(10);
  });
  test("every vector file follows spec/vectors/vectors.schema.json", () => {
    const ajv = new Ajv({ allowUnionTypes: true });
    const validate = ajv.compile(JSON.parse(readFileSync(`${DIR}/vectors.schema.json`, "utf8")) as object);
    for (const file of files) expect(validate(JSON.parse(readFileSync(`${DIR}/${file}`, "utf8"))), `${file}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  });
  for (const file of files) {
    const data = JSON.parse(readFileSync(`${DIR}/${file}`, "utf8")) as VectorFile;
    test(`${file}: ${data.cases.length} cases`, () => {
      expect(data.format).toBe("bonkl-vectors/1");
      const failures: string[] = [];
      for (const c of data.cases) {
        if (c.error !== undefined) {
          try {
            compute(c.op, c.args);
            failures.push(`${c.id}: accepted invalid input (expected an error on ${c.error})`);
          } catch (e) {
            if (!(e instanceof InputError)) failures.push(`${c.id}: threw ${String(e)} instead of an InputError`);
            else if (e.field !== c.error) failures.push(`${c.id}: error on ${e.field}, expected ${c.error}`);
          }
          continue;
        }
        const result = compute(c.op, c.args);
        const values = Array.isArray(c.value) ? c.value : [c.value as string];
        const enclosures = Array.isArray(result) ? result : [result];
        if (enclosures.length !== values.length) {
          failures.push(`${c.id}: ${enclosures.length} values, expected ${values.length}`);
          continue;
        }
        values.forEach((v, i) => {
          const e = enclosures[i] as Enclosure;
          if (!enclosureMeetsDecimal(e, v, data.digits)) failures.push(`${c.id}[${i}]: enclosure ${e.toString()} misses ${v}`);
          else if (!meetsAccuracy(e)) failures.push(`${c.id}[${i}]: enclosure ${e.toString()} wider than the accuracy target`);
        });
      }
      expect(failures.slice(0, 10)).toEqual([]);
    });
  }
});
