/**
 * src/float against the conformance vectors of spec/vectors (mpmath, 50 digits), with the tolerance model of
 * spec/conformance.md (tolerance.ts; the oracle supplies the PMF the bonPmf and klBon tolerances need). Only the
 * protocol ops src/float implements are checked; cases whose args hold decimal strings are skipped (src/float
 * declines them as `unsupported`), and so are files with no such op. Invalid-input vectors must be rejected.
 * Skips with a visible notice when spec/vectors is absent.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import * as floatSubject from "../float/subject.ts";
import type { Enclosure } from "../oracle/index.ts";
import { rationalFromDecimal, type Rational } from "../numerics/rational.ts";
import { GRADED_OPS, type GradedOp } from "./domains/domain.ts";
import { distanceToRational } from "./exact-distance.ts";
import { readNumeric } from "./numeric-answer.ts";
import { OracleCache } from "./oracle-cache.ts";
import { parsedCase } from "./case.ts";
import { rewardLevels, toDouble } from "./reward-levels.ts";
import { bonPmfTolerances, estimatorTolerance, klBonTolerance, klFormulaTolerance, renyi2Tolerance } from "./tolerance.ts";

interface VectorCase {
  id: string;
  op: string;
  args: Record<string, unknown>;
  value?: string | string[];
  error?: string;
}

const DIR = new URL("../../spec/vectors/", import.meta.url);
const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json")).sort() : [];
const oracle = new OracleCache();
const capabilities = floatSubject.capabilities();
const checked = (op: string): op is GradedOp => (GRADED_OPS as readonly string[]).includes(op) && (capabilities as string[]).includes(op);

/**
 * A reference decimal as an exact rational. Values like "2.1e-301029996" are beyond the exact parser's exponent
 * range; they are 0 to far better than any tolerance (the subnormal floor is 3e-322).
 */
function reference(text: string): Rational {
  const exact = rationalFromDecimal(text);
  if (exact !== null) return exact;
  const exponent = /e(-\d+)$/i.exec(text);
  if (exponent !== null && Number(exponent[1]) < -1000) return { num: 0n, den: 1n };
  throw new Error(`unreadable reference value ${text}`);
}

/** The float library's answer, or "unsupported" / an Error. */
function ask(c: VectorCase): unknown {
  const fn = (floatSubject as unknown as Record<string, (args: unknown) => unknown>)[c.op]!;
  try {
    return fn(structuredClone(c.args));
  } catch (error) {
    if (error instanceof Error && error.message.startsWith("unsupported")) return "unsupported";
    return error instanceof Error ? error : new Error(String(error));
  }
}

function scalarTolerance(c: VectorCase, value: number): number {
  const n = toDouble(c.args.n);
  switch (c.op) {
    case "klBon":
      return klBonTolerance(rewardLevels(c.args.p as unknown[], c.args.r as unknown[] | undefined), n, oracle.get("bonPmf", parsedCase(c.args)) as Enclosure[]);
    case "klFormula":
      return klFormulaTolerance(n);
    case "klEstimate":
    case "klEstimateUpper":
      return estimatorTolerance(n, Math.abs(c.args.logEps !== undefined ? toDouble(c.args.logEps) : Math.log(toDouble(c.args.eps))), value);
    default:
      return renyi2Tolerance((c.args.p as unknown[]).length, value);
  }
}

/** Failures of one case (empty when it passes), or "skip". */
function check(c: VectorCase): string[] | "skip" {
  const answer = ask(c);
  if (answer === "unsupported") return "skip";
  if (c.error !== undefined) return answer instanceof Error ? [] : [`${c.id}: accepted invalid input (expected an error on ${c.error}), answered ${JSON.stringify(answer)}`];
  if (answer instanceof Error) return [`${c.id}: threw ${answer.message}`];
  const references = (Array.isArray(c.value) ? c.value : [c.value as string]).map(reference);
  const answers = Array.isArray(answer) ? answer : [answer];
  if (answers.length !== references.length) return [`${c.id}: ${answers.length} values, expected ${references.length}`];
  const tolerances =
    c.op === "bonPmf"
      ? bonPmfTolerances(rewardLevels(c.args.p as unknown[], c.args.r as unknown[] | undefined), toDouble(c.args.n), oracle.get("bonPmf", parsedCase(c.args)) as Enclosure[])
      : [scalarTolerance(c, Number((c.value as string) ?? 0))];
  const failures: string[] = [];
  answers.forEach((a, i) => {
    const numeric = readNumeric(a);
    if (numeric === null) {
      failures.push(`${c.id}[${i}]: non-numeric ${JSON.stringify(a)}`);
      return;
    }
    // The reference is rounded to 50 digits: allow that on top of the tolerance.
    const error = distanceToRational(numeric, references[i]!);
    const tolerance = tolerances[i]! + Math.abs(Number((Array.isArray(c.value) ? c.value[i] : c.value) ?? 0)) * 1e-49;
    if (!(error <= tolerance)) failures.push(`${c.id}[${i}]: ${JSON.stringify(a)} vs ${Array.isArray(c.value) ? c.value[i] : c.value}: error ${error.toPrecision(3)} > tolerance ${tolerance.toPrecision(3)}`);
  });
  return failures;
}

describe("src/float vs spec/vectors with the conformance tolerance model", () => {
  if (files.length === 0) {
    test.skip("spec/vectors/*.json not found: vectors not checked (generate them with python3 spec/vectors/generate.py)", () => {});
    return;
  }
  for (const file of files) {
    const cases = (JSON.parse(readFileSync(new URL(file, DIR), "utf8")) as { cases: VectorCase[] }).cases.filter((c) => checked(c.op));
    if (cases.length === 0) {
      test.skip(`${file}: no op that src/float implements`, () => {});
      continue;
    }
    test(`${file}: ${cases.length} cases of ops src/float implements`, () => {
      const failures: string[] = [];
      let skipped = 0;
      for (const c of cases) {
        const result = check(c);
        if (result === "skip") skipped++;
        else failures.push(...result);
      }
      if (skipped > 0) console.info(`${file}: ${skipped} of ${cases.length} cases skipped (decimal-string args: src/float declines them)`);
      expect(failures.slice(0, 10)).toEqual([]);
      expect(skipped, `${file}: every case skipped`).toBeLessThanOrEqual(cases.length);
    });
  }
});
