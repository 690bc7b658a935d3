/**
 * What a claim's check establishes on one case at one working precision: proved (from the enclosures of both sides,
 * or from the slack evaluated in a factored form), disproved, an exact equality (decided by algebra before any
 * enclosure), or open. Slacks and ratios are certified enclosures (certified-number.ts), never differences of rounded
 * midpoints.
 */
import type { Interval } from "../numerics/interval.ts";
import { mpfr } from "../numerics/mpfr.ts";
import { certifiedOf, certifiedOfLog, type CertifiedNumber } from "./certified-number.ts";

interface Measured {
  /** rhs - lhs, certified. */
  slack?: CertifiedNumber;
  /** lhs / rhs when both sides are certainly positive, certified. */
  ratio?: CertifiedNumber;
  informative?: boolean;
}

/** What one evaluation at one precision establishes. */
export type Evidence =
  /** `how`: the method that proved it, when not the direct comparison of the two sides' enclosures. */
  | ({ status: "proved"; how?: string } & Measured)
  | ({ status: "disproved"; detail?: string } & Measured)
  /** lhs = rhs exactly, by algebra on the case's exact data (n = 1, one reward level, ...): `reason` says which. */
  | { status: "equal"; reason: string; informative?: boolean }
  | ({ status: "open"; reason?: string } & Measured);

/** The method name of a proof by comparing the two sides' enclosures. */
export const BY_ENCLOSURES = "enclosures of both sides";

/**
 * Compare two enclosures for lhs <= rhs: proved when lhs.hi <= rhs.lo, disproved when lhs.lo > rhs.hi.
 * Reports the certified slack rhs - lhs and, when both sides are certainly positive, the ratio lhs / rhs.
 */
export function lessOrEqual(lhs: Interval, rhs: Interval, extra: { informative?: boolean } = {}): Evidence {
  const base: Measured = { slack: certifiedOf(rhs.sub(lhs)), ...(rhs.isPositive() && lhs.isPositive() ? { ratio: certifiedOf(lhs.div(rhs)) } : {}), ...extra };
  if (mpfr.mpfr_lessequal_p(lhs.hi, rhs.lo) !== 0) return { status: "proved", ...base };
  if (rhs.certainlyBelow(lhs)) return { status: "disproved", ...base };
  return { status: "open", ...base };
}

/** Identity check: consistent while the enclosures overlap, disproved when they are disjoint. */
export function equal(lhs: Interval, rhs: Interval): Evidence {
  const slack = certifiedOf(rhs.sub(lhs));
  if (lhs.certainlyBelow(rhs) || rhs.certainlyBelow(lhs)) return { status: "disproved", slack };
  return { status: "open", slack };
}

/** An exact equality decided by algebra on the case's exact data; `reason` names it ("n = 1"). */
export function exactlyEqual(reason: string, extra: { informative?: boolean } = {}): Evidence {
  return { status: "equal", reason, ...extra };
}

/**
 * A slack proved positive in a factored form: `logSlack` encloses log(rhs - lhs) (finite, so rhs - lhs > 0), as
 * computed by the method `how` (e.g. "n log(1 - e) + log gap(p')"); it may lie far below MPFR's exponent range.
 */
export function provedByFactoredSlack(logSlack: Interval, how: string, extra: { informative?: boolean } = {}): Evidence {
  return { status: "proved", how, slack: certifiedOfLog(logSlack), ...extra };
}

/**
 * The direct comparison, or when it is still open at this precision, the factored form (when it applies and proves
 * something): a factored form never overrides a decided comparison.
 */
export function orFactored(direct: Evidence, factored: () => Evidence | null): Evidence {
  if (direct.status !== "open") return direct;
  const other = factored();
  return other === null || other.status === "open" ? direct : other;
}
