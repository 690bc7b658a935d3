/**
 * Deciding a claim on one case from certified enclosures: *verified* when the enclosures prove it,
 * *refuted* when they prove its negation, otherwise the working precision is doubled; a case still
 * undecided at the cap (true equality, such as n = 1) is *consistent*, never counted as verified.
 */
import { withArena } from "../src/numerics/arena.ts";
import type { Claim, Evidence } from "./claim.ts";

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

export interface Budget {
  /** First working precision in bits. */
  readonly startPrecision: number;
  /** Cap for inequalities. */
  readonly maxPrecision: number;
  /** Precision at which identities are compared. */
  readonly identityPrecision: number;
  /** For a case with `size` outcomes the cap is lowered until size * cap <= sizeCap (undecidable equalities on large cases stay cheap). */
  readonly sizeCap: number;
}

export const DEFAULT_BUDGET: Budget = { startPrecision: 128, maxPrecision: 2048, identityPrecision: 256, sizeCap: 2 ** 18 };

/** The budget of deep runs: a higher cap for every size. */
export const DEEP_BUDGET: Budget = { startPrecision: 128, maxPrecision: 4096, identityPrecision: 512, sizeCap: 2 ** 21 };

function outcome(e: Evidence, precision: number, verdict: Verdict): CaseOutcome {
  const { status: _status, ...rest } = e;
  return { verdict, precision, ...rest };
}

/**
 * The precision cap for a case with `size` outcomes: the budget's cap, lowered for large distributions so
 * that one undecidable case (a true equality) cannot take minutes: size * cap stays below budget.sizeCap.
 */
export function capFor(budget: Budget, size: number): number {
  let cap = budget.maxPrecision;
  while (cap > budget.startPrecision * 2 && size * cap > budget.sizeCap) cap /= 2;
  return cap;
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
