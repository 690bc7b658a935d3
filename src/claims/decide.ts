/**
 * Deciding a claim on one case from certified enclosures: *verified* when the enclosures prove it,
 * *refuted* when they prove its negation, otherwise the working precision is doubled; a case still
 * undecided at the cap (true equality, such as n = 1) is *consistent*, never counted as verified.
 */
import { withArena } from "../numerics/arena.ts";
import { capFor, DEFAULT_BUDGET, type Budget } from "./budget.ts";
import type { Claim } from "./claim.ts";
import type { Evidence } from "./evidence.ts";


export type Verdict = "verified" | "refuted" | "consistent";

export interface CaseOutcome {
  readonly verdict: Verdict;
  /** Working precision (bits) at which the verdict was reached. */
  readonly precision: number;
  readonly slack?: number;
  readonly ratio?: number;
  readonly informative?: boolean;
  readonly detail?: string;
}

function outcome(e: Evidence, precision: number, verdict: Verdict): CaseOutcome {
  const { status: _status, ...rest } = e;
  return { verdict, precision, ...rest };
}

/** Decides `check` on case c (the claim's own check, or its near miss); `size` is its number of outcomes. */
export function decideCase<C>(claim: Pick<Claim<C>, "decision">, check: Claim<C>["check"], c: C, budget: Budget = DEFAULT_BUDGET, size = 1): CaseOutcome {
  const cap = capFor(budget, size);
  if (claim.decision !== "inequality") {
    const prec = claim.decision === "identity" ? budget.identityPrecision : budget.startPrecision;
    const e = withArena(prec, (arena) => check(arena, c));
    return outcome(e, prec, e.status === "proved" ? "verified" : e.status === "disproved" ? "refuted" : "consistent");
  }
  for (let prec = budget.startPrecision; ; prec *= 2) {
    const e = withArena(prec, (arena) => check(arena, c));
    if (e.status === "proved") return outcome(e, prec, "verified");
    if (e.status === "disproved") return outcome(e, prec, "refuted");
    if (prec * 2 > cap) return outcome(e, prec, "consistent");
  }
}
