/**
 * Does an answer read p as given (sum(p) taken for 1) rather than p / sum(p)? The unnormalised reading
 * (unnormalised.ts) checked with the case's own tolerances, and the words the report uses when it matches.
 */
import type { Enclosure } from "../oracle/index.ts";
import type { ParsedCase } from "./case.ts";
import { scalarTolerance } from "./case-bounds.ts";
import type { GradedOp } from "./domains/domain.ts";
import { isWithin, type Ends } from "./exact-distance.ts";
import { readNumeric } from "./numeric-answer.ts";
import type { OracleCache } from "./oracle-cache.ts";
import { bonPmfTolerances } from "./tolerance.ts";
import { exactSum, isOne, sumOffset, unnormalisedKl, unnormalisedPmf, unnormalisedRenyi2 } from "./unnormalised.ts";

/** How a sum(p) off 1 reads in the report: "1 - 3.3e-16". */
export function describeSum(offset: number): string {
  return offset < 0 ? `1 - ${(-offset).toPrecision(2)}` : `1 + ${offset.toPrecision(2)}`;
}

/**
 * Whether the answer lies within its tolerances of the unnormalised reading (p as given): null when sum(p) is exactly
 * 1 (or not made of JSON numbers), when the op does not read p, or when the answer is not numeric.
 */
export function matchesAsGiven(op: GradedOp, c: ParsedCase, value: unknown, oracle: OracleCache): boolean | null {
  if (op !== "bonPmf" && op !== "klBon" && op !== "renyi2") return null;
  const sum = exactSum(c.args.p as unknown[]);
  if (sum === null || isOne(sum)) return null;
  if (op === "bonPmf") {
    if (!Array.isArray(value) || value.length !== c.levels.outcomes) return null;
    const pi = oracle.get("bonPmf", c) as Enclosure[];
    const tolerances = bonPmfTolerances(c.levels, c.n, pi);
    const reading = unnormalisedPmf(sum, c.n, pi);
    const numbers = value.map(readNumeric);
    if (numbers.some((x) => x === null)) return null;
    return reading.every((ends, i) => isWithin(numbers[i]!, ends, tolerances[i] as number));
  }
  const numeric = readNumeric(value);
  if (numeric === null) return null;
  const exact = oracle.get(op, c) as Enclosure;
  const ends: Ends = op === "klBon" ? unnormalisedKl(sum, c.n, exact) : unnormalisedRenyi2(sum, exact);
  return isWithin(numeric, ends, scalarTolerance(op, c, exact, oracle));
}

/** The words for a failing answer that matches p as given. */
export function asGivenWords(c: ParsedCase): string {
  const sum = exactSum(c.args.p as unknown[]);
  return `matches p as given (sum(p) = ${sum === null ? "?" : describeSum(sumOffset(sum))}), not p / sum(p): the subject does not normalise p`;
}
