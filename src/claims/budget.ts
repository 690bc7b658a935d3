/** How much precision a claim's case may use before it is left undecided (consistent). */

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

/**
 * The precision cap for a case with `size` outcomes: the budget's cap, lowered for large distributions so
 * that one undecidable case (a true equality) cannot take minutes: size * cap stays below budget.sizeCap.
 */
export function capFor(budget: Budget, size: number): number {
  let cap = budget.maxPrecision;
  while (cap > budget.startPrecision * 2 && size * cap > budget.sizeCap) cap /= 2;
  return cap;
}
