/**
 * Does a certificate's set of boxes cover the domain? The domain is y in (0, inf] x v in [0, 1/2] (every
 * integer n >= 2 and the limit n -> inf) plus the line v = 1 (n = 1). Strips are closed boxes
 * [y0, y1] x [cuts]; each must span v from exactly 0 to exactly 1/2 with increasing cuts, and sorted by y0 they
 * must leave no gap from y = 0 to y = inf. Everything is compared exactly (fractions, not floats).
 */
import { compareBoxNumbers, formatBoxNumber, type BoxNumber } from "./box-number.ts";
import type { Region, Strip } from "./certificate.ts";

const ZERO: BoxNumber = { num: 0n, den: 1n };
const HALF: BoxNumber = { num: 1n, den: 2n };

/** Problems with one strip's shape (empty when it is a proper strip spanning v in [0, 1/2]). */
export function stripShapeProblems(strip: Strip): string[] {
  const problems: string[] = [];
  if (compareBoxNumbers(strip.y0, strip.y1) >= 0) problems.push(`${strip.path}: y0 must be < y1`);
  const first = strip.v[0];
  const last = strip.v[strip.v.length - 1];
  if (first === undefined || compareBoxNumbers(first, ZERO) !== 0) problems.push(`${strip.path}: the v cuts must start at 0`);
  if (last === undefined || compareBoxNumbers(last, HALF) !== 0) problems.push(`${strip.path}: the v cuts must end at 0.5`);
  for (let i = 1; i < strip.v.length; i++) {
    if (compareBoxNumbers(strip.v[i - 1] as BoxNumber, strip.v[i] as BoxNumber) >= 0) {
      problems.push(`${strip.path}: the v cuts must increase (v[${i - 1}] >= v[${i}])`);
      break;
    }
  }
  return problems;
}

/** Every coverage problem of the regions (empty: the domain is covered). */
export function coverageProblems(regions: readonly Region[]): string[] {
  const problems: string[] = [];
  const lines = regions.filter((r) => r.method === "exact-n1").length;
  if (lines === 0) problems.push("the line v = 1 (n = 1) is not covered: no exact-n1 region");
  const strips = regions.filter((r) => r.method !== "exact-n1").flatMap((r) => r.strips);
  for (const strip of strips) problems.push(...stripShapeProblems(strip));
  const sorted = [...strips].sort((a, b) => compareBoxNumbers(a.y0, b.y0));
  let frontier: BoxNumber = ZERO;
  for (const strip of sorted) {
    if (compareBoxNumbers(strip.y0, frontier) > 0) problems.push(`gap in coverage: y in (${formatBoxNumber(frontier)}, ${formatBoxNumber(strip.y0)}) is in no strip`);
    if (compareBoxNumbers(strip.y1, frontier) > 0) frontier = strip.y1;
  }
  if (frontier !== "inf") problems.push(`gap in coverage: y in (${formatBoxNumber(frontier)}, inf] is in no strip`);
  return problems;
}
