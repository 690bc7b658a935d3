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
import { enclosureMeetsDecimal } from "../numerics/exact-compare.ts";
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

/**
 * How many cases run. BONKL_DEEP=1 (`npm run test:deep`, and .ci/run): every case of every file (about 40 s).
 * Default (`npm test`): every error case (validation only, cheap) and, per op, up to PER_OP value cases spread
 * evenly over the file among those with at most SMALL outcomes (a few seconds). Under Stryker
 * (vitest.stryker.config.ts sets BONKL_STRYKER=1) fewer still: PER_OP 6, SMALL 32.
 */
const DEEP = process.env.BONKL_DEEP === "1";
const STRYKER = process.env.BONKL_STRYKER === "1";
const SMALL = STRYKER ? 32 : 200;
const PER_OP = STRYKER ? 6 : 30;

function sizeOf(args: Record<string, unknown>): number {
  if (Array.isArray(args.p)) return args.p.length;
  if (Array.isArray(args.components)) return (args.components as { p?: unknown[] }[]).reduce((s, c) => s + (Array.isArray(c.p) ? c.p.length : 0), 0);
  return 1;
}

function selected(cases: VectorCase[]): VectorCase[] {
  if (DEEP) return cases;
  const small = new Map<string, VectorCase[]>();
  for (const c of cases) if (c.error === undefined && sizeOf(c.args) <= SMALL) small.set(c.op, [...(small.get(c.op) ?? []), c]);
  const keep = new Set<VectorCase>();
  for (const list of small.values()) {
    const stride = Math.ceil(list.length / PER_OP);
    list.forEach((c, i) => {
      if (i % stride === 0) keep.add(c);
    });
  }
  return cases.filter((c) => c.error !== undefined || keep.has(c));
}

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
    const chosen = selected(data.cases);
    test(`${file}: ${chosen.length} of ${data.cases.length} cases${DEEP ? "" : " (BONKL_DEEP=1: all)"}`, () => {
      expect(data.format).toBe("bonkl-vectors/1");
      const failures: string[] = [];
      for (const c of chosen) {
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
