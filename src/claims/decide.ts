/**
 * Deciding a claim on one case: *equal (exact)* when algebra on the case's exact data shows both sides equal (n = 1,
 * one reward level, ...); *verified* when the enclosures prove it (both sides compared, or the slack evaluated in a
 * factored form); *refuted* when they prove its negation; otherwise the working precision is doubled, and a case still
 * undecided at the cap is *consistent*, never counted as verified. Every outcome carries how it was reached, for the
 * breakdown the spec shows per claim.
 */
import { withArena } from "../numerics/arena.ts";
import { capFor, DEFAULT_BUDGET, type Budget } from "./budget.ts";
import type { Claim, Decision } from "./claim.ts";
import type { CertifiedNumber } from "./certified-number.ts";
import { BY_ENCLOSURES, type Evidence } from "./evidence.ts";

export type Verdict = "verified" | "equal" | "refuted" | "consistent";

export interface CaseOutcome {
  readonly verdict: Verdict;
  /** Working precision (bits) at which the verdict was reached (0 for an exact equality: no enclosure needed). */
  readonly precision: number;
  readonly slack?: CertifiedNumber;
  readonly ratio?: CertifiedNumber;
  readonly informative?: boolean;
  readonly detail?: string;
  /** How it was decided, as the breakdown counts it ("verified: enclosures of both sides", "equal (exact): n = 1"). */
  readonly how: string;
}

/** Why a case of each kind of decision stays consistent when the evidence gives no reason of its own. */
const CONSISTENT_BECAUSE: Record<Decision, string> = {
  inequality: "undecided at the precision cap",
  identity: "identity: the enclosures of both sides overlap (an equality between irrational numbers cannot be proved by enclosures)",
  exact: "undecided",
  statistical: "within the statistical test's tolerance",
};

function outcome(e: Evidence, precision: number, decision: Decision): CaseOutcome {
  switch (e.status) {
    case "equal":
      return { verdict: "equal", precision, how: `equal (exact): ${e.reason}`, ...(e.informative === undefined ? {} : { informative: e.informative }) };
    case "proved": {
      const { status: _s, how, ...rest } = e;
      return { verdict: "verified", precision, ...rest, how: `verified: ${how ?? (decision === "exact" ? "exact arithmetic" : BY_ENCLOSURES)}` };
    }
    case "disproved": {
      const { status: _s, ...rest } = e;
      return { verdict: "refuted", precision, ...rest, how: "refuted" };
    }
    case "open": {
      const { status: _s, reason, ...rest } = e;
      return { verdict: "consistent", precision, ...rest, how: `consistent: ${reason ?? CONSISTENT_BECAUSE[decision]}` };
    }
  }
}

/** Decides `check` on case c (the claim's own check, or its near miss); `size` is its number of outcomes. */
export function decideCase<C>(claim: Pick<Claim<C>, "decision">, check: Claim<C>["check"], c: C, budget: Budget = DEFAULT_BUDGET, size = 1): CaseOutcome {
  const cap = capFor(budget, size);
  if (claim.decision !== "inequality") {
    const prec = claim.decision === "identity" ? budget.identityPrecision : budget.startPrecision;
    const e = withArena(prec, (arena) => check(arena, c));
    return outcome(e, e.status === "equal" ? 0 : prec, claim.decision);
  }
  for (let prec = budget.startPrecision; ; prec *= 2) {
    const e = withArena(prec, (arena) => check(arena, c));
    if (e.status === "equal") return outcome(e, 0, claim.decision);
    if (e.status !== "open" || prec * 2 > cap) return outcome(e, prec, claim.decision);
  }
}
