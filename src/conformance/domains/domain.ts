/**
 * A conformance domain: a named region of the input space (its parameter box), with one case generator
 * (a fast-check arbitrary) per op graded there. Ops that share a `group` draw from the same seed, so they see the
 * same cases (bonPmf and klBon grade the same distributions, which also shares the oracle's work between them).
 */
import type fc from "fast-check";
import type { Case } from "../case.ts";

/** The protocol ops bonkl grades (every op of protocol version 1 but `capabilities`). */
export const GRADED_OPS = ["bonPmf", "klBon", "klFormula", "klEstimate", "klEstimateUpper", "renyi2"] as const;
export type GradedOp = (typeof GRADED_OPS)[number];

/** What a domain's verdict is about (see Domain.kind). */
export type DomainKind = "graded" | "invalid" | "normalisation";

export interface CaseFamily {
  /** Families with the same group (within a domain) are generated from the same seed. */
  readonly group: string;
  readonly arbitrary: fc.Arbitrary<Case>;
}

export interface Domain {
  readonly name: string;
  /** One line for tables and help. */
  readonly summary: string;
  /** What the domain tests, for spec/conformance.md (the paragraph under its heading). */
  readonly purpose: string;
  /** Remarks printed after the box in spec/conformance.md. */
  readonly notes?: string;
  /** The parameter box, one fact per line, as spec/conformance.md states it. */
  readonly box: readonly string[];
  /**
   * graded: PASS or FAIL. The informational kinds report what the subject does and never fail a run: invalid (inputs
   * the protocol declares invalid: is an error answered?) and normalisation (p off 1 by more than rounding: is p
   * divided by its sum?).
   */
  readonly kind: DomainKind;
  /** Cases per op = max(1, round(runs * share)); 1 except for costly domains. */
  readonly share: number;
  readonly ops: Readonly<Partial<Record<GradedOp, CaseFamily>>>;
}

/** Cases to run per op in `domain` for a run budget of `runs` cases per op and ordinary domain. */
export function caseCount(domain: Domain, runs: number): number {
  return Math.max(1, Math.round(runs * domain.share));
}
