/**
 * A claim: one statement of the paper (or of ours), defined once, driving both its property and its spec
 * entry. A claim states a relation between two certified quantities over a domain of cases; `check`
 * evaluates both sides at one working precision and says whether the enclosures prove it, prove its
 * negation, or neither yet.
 */
import type fc from "fast-check";
import type { Arena } from "../numerics/arena.ts";
import type { Budget } from "./budget.ts";
import type { Evidence } from "./evidence.ts";


export type ClaimKind = "theorem" | "lemma" | "corollary" | "example" | "identity" | "conjecture" | "ours";

/** How a claim is decided. */
export type Decision =
  /** Inequalities: raise the precision until the enclosures decide, up to the cap; undecided = consistent. */
  | "inequality"
  /** Identities between irrational quantities: enclosures can only show them consistent (or refute them). */
  | "identity"
  /** Exact checks (rational arithmetic): proved or disproved at once. */
  | "exact"
  /** Statistical tests: consistent at the stated significance level, or refuted. */
  | "statistical";

export interface Claim<C> {
  /** Stable identifier, e.g. "thm1.kl-le-formula". Never reuse or rename. */
  readonly id: string;
  readonly title: string;
  /** Where the paper states it ("Theorem 1, Eq. (15)"), or null for our own statements. */
  readonly paper: string | null;
  readonly kind: ClaimKind;
  /** The exact statement, in the notation of spec/claims.md. */
  readonly statement: string;
  /** The domain: which p, r, n the property draws from. */
  readonly domain: string;
  /** How quantities are read with ties and zero masses (per outcome or per reward level). */
  readonly reading: string;
  readonly decision: Decision;
  /** When the claim is only informative on part of its domain: what "informative" means here. */
  readonly informativeMeans?: string;
  /** The oracle functions it uses (for the spec's links). */
  readonly oracle: readonly string[];
  /** Notes for the spec: corrections, counterexamples, caveats. */
  readonly notes?: string;
  readonly arbitrary: fc.Arbitrary<C>;
  /** Evaluates the claim on one case at the arena's precision. */
  check(arena: Arena, c: C): Evidence;
  /** Number of outcomes a case evaluates (lowers the precision cap for large cases); default 1. */
  size?(c: C): number;
  /** Readable one-line description of a case (for reports). */
  describe(c: C): string;
  /**
   * Set when the claim is known to fail: the smallest counterexample the search found, pinned as a permanent
   * regression example that must stay refuted, and the id of the corrected claim asserted instead (if any).
   */
  readonly refutedBy?: { readonly counterexample: C; readonly correctedBy: string | null; readonly explanation: string };
  /** Overrides of the decision budget (for claims that are cheap to evaluate at very high precision). */
  readonly budget?: Partial<Budget>;
  /** A near miss of this claim (the statement perturbed the wrong way) that the default budget must refute. */
  readonly nearMiss?: { readonly description: string; check(arena: Arena, c: C): Evidence; readonly arbitrary?: fc.Arbitrary<C> };
}
