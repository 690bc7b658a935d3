/**
 * A claim: one statement of the paper (or of ours), defined once, driving both its property and its spec
 * entry. A claim states a relation between two certified quantities over a domain of cases; `check`
 * evaluates both sides at one working precision and says whether the enclosures prove it, prove its
 * negation, or neither yet.
 */
import type fc from "fast-check";
import type { Arena } from "../numerics/arena.ts";
import type { Interval } from "../numerics/interval.ts";
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
  /**
   * A short written derivation (spec/claims.md shows it): why the statement holds, or how it reduces to others. Kept
   * in src/claims/paper/derivations.ts, so that editing the prose does not change the claim's fingerprint.
   */
  readonly derivation?: string;
  /** How tight the claim is, checked by properties/tightness.test.ts (src/claims/paper/tightness.ts). */
  readonly tightness?: Tightness<C>;
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
  /**
   * A near miss of this claim (the statement perturbed the wrong way) that the default budget must refute on a
   * non-trivial case (n >= 2 and at least two reward levels, or e < 1: properties/near-miss.test.ts).
   */
  readonly nearMiss?: {
    readonly description: string;
    check(arena: Arena, c: C): Evidence;
    readonly arbitrary?: fc.Arbitrary<C>;
    /** Which cases are non-trivial, when not the default (n >= 2 and at least two reward levels, or e < 1). */
    readonly nontrivial?: (c: C) => boolean;
  };
}

/**
 * How tight a claim's bound is: a weakened transcription (a constant changed, a term dropped) would fail this check.
 *  - attained: the bound is attained in the limit: along `family` the slack rhs - lhs decreases, and is below
 *    `below` at its last member;
 *  - loose: lhs / rhs never exceeds `supremum`, which is attained (or approached) along `at`: at its last member the
 *    certified ratio lies within `within` of the supremum (0: equal to it).
 */
export type Tightness<C> =
  | { readonly kind: "attained"; readonly description: string; readonly family: readonly C[]; readonly below: number }
  | {
      readonly kind: "loose";
      readonly description: string;
      readonly supremum: { readonly text: string; value(arena: Arena): Interval };
      readonly at: readonly C[];
      readonly within: number;
    };

/**
 * A claim that states the same fact as another under another name (its id stays, never reused): it is not tested
 * again; the spec shows it with the identity that makes the two statements one.
 */
export interface MergedClaim {
  readonly id: string;
  readonly title: string;
  readonly paper: string | null;
  readonly kind: ClaimKind;
  readonly statement: string;
  /** The claim that is tested instead. */
  readonly sameAs: string;
  /** The identity claim (or exact algebra) that makes the two statements equivalent. */
  readonly via: string;
  readonly note: string;
}
