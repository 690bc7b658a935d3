/**
 * What comparing two certified enclosures establishes about a claim on one case: proved, disproved, or open at
 * this working precision (with the slack and ratio the reports show).
 */
import type { Interval } from "../numerics/interval.ts";
import { mpfr } from "../numerics/mpfr.ts";

/** What one evaluation at one precision establishes. */
export type Evidence =
  | { status: "proved"; slack?: number; ratio?: number; informative?: boolean }
  | { status: "disproved"; slack?: number; ratio?: number; informative?: boolean; detail?: string }
  | { status: "open"; slack?: number; ratio?: number; informative?: boolean };

/**
 * Compare two enclosures for lhs <= rhs: proved when lhs.hi <= rhs.lo, disproved when lhs.lo > rhs.hi.
 * Reports the slack rhs - lhs and, when both sides are certainly positive, the ratio lhs / rhs.
 */
export function lessOrEqual(lhs: Interval, rhs: Interval, extra: { informative?: boolean } = {}): Evidence {
  const slack = rhs.midDouble() - lhs.midDouble();
  const ratio = rhs.isPositive() && lhs.isPositive() ? lhs.midDouble() / rhs.midDouble() : undefined;
  const base = { slack, ...(ratio === undefined ? {} : { ratio }), ...extra };
  if (mpfr.mpfr_lessequal_p(lhs.hi, rhs.lo) !== 0) return { status: "proved", ...base };
  if (rhs.certainlyBelow(lhs)) return { status: "disproved", ...base };
  return { status: "open", ...base };
}

/** Identity check: consistent while the enclosures overlap, disproved when they are disjoint. */
export function equal(lhs: Interval, rhs: Interval): Evidence {
  const slack = rhs.midDouble() - lhs.midDouble();
  if (lhs.certainlyBelow(rhs) || rhs.certainlyBelow(lhs)) return { status: "disproved", slack };
  return { status: "open", slack };
}
