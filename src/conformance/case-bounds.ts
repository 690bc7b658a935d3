/**
 * The two bounds a scalar op's answer is graded against, for one case: the conformance tolerance (tolerance.ts) and
 * the accuracy bound (accuracy-bound.ts), from the oracle's value (and, for klBon, its PMF; for klEstimate, KLhat_1
 * at the same point). bonPmf has a bound per entry and is handled by the grading itself.
 */
import type { Enclosure } from "../oracle/index.ts";
import { klBonAccuracyBound, klEstimateAccuracyBound, klEstimateUpperAccuracyBound, klFormulaAccuracyBound, renyi2AccuracyBound } from "./accuracy-bound.ts";
import type { ParsedCase } from "./case.ts";
import type { GradedOp } from "./domains/domain.ts";
import { midpoint } from "./level-probabilities.ts";
import type { OracleCache } from "./oracle-cache.ts";
import { estimatorTolerance, klBonTolerance, klFormulaTolerance, renyi2Tolerance } from "./tolerance.ts";

/** The ops with one value (bonPmf has one per outcome). */
export type ScalarOp = Exclude<GradedOp, "bonPmf">;

export function scalarTolerance(op: ScalarOp, c: ParsedCase, exact: Enclosure, oracle: OracleCache): number {
  switch (op) {
    case "klBon":
      return klBonTolerance(c.levels, c.n, oracle.get("bonPmf", c) as Enclosure[]);
    case "klFormula":
      return klFormulaTolerance(c.n);
    case "klEstimate":
    case "klEstimateUpper":
      return estimatorTolerance(c.n, c.absLogEps, midpoint(exact));
    case "renyi2":
      return renyi2Tolerance((c.args.p as unknown[]).length, midpoint(exact));
  }
}

export function scalarAccuracyBound(op: ScalarOp, c: ParsedCase, exact: Enclosure, oracle: OracleCache): number {
  const value = midpoint(exact);
  switch (op) {
    case "klBon":
      return klBonAccuracyBound(c.levels, c.n, oracle.get("bonPmf", c) as Enclosure[]);
    case "klFormula":
      return klFormulaAccuracyBound(c.n, value);
    case "klEstimate":
      return klEstimateAccuracyBound(c, value, midpoint(oracle.get("klEstimateUpper", c) as Enclosure));
    case "klEstimateUpper":
      return klEstimateUpperAccuracyBound(c, value);
    case "renyi2":
      return renyi2AccuracyBound((c.args.p as unknown[]).length, value);
  }
}
