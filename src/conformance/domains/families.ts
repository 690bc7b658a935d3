/**
 * Builders shared by the domains: from a generator of distributions {p, n, r?}, the case families of bonPmf, klBon
 * (the same cases) and renyi2 (their p); from generators of n and of the estimator point, the families of
 * klFormula and of the two estimators (klEstimate and klEstimateUpper share theirs).
 */
import fc from "fast-check";
import type { Case } from "../case.ts";
import { estimatorPoint } from "../arbitraries/estimator-point.ts";
import type { CaseFamily } from "./domain.ts";

export interface DistributionDraw {
  readonly p: number[];
  readonly n: number;
  readonly r?: number[];
  /** What is special about it, e.g. "tiny 3e-200 at the top"; the label adds L, n and r. */
  readonly note?: string;
}

function describe(d: DistributionDraw): string {
  const parts = [`L=${d.p.length}`, `n=${d.n}`];
  if (d.r !== undefined) parts.push(`${new Set(d.r).size} reward levels`);
  if (d.note !== undefined) parts.push(d.note);
  return parts.join(" ");
}

/** bonPmf and klBon cases (group "distribution"). */
export function distributionFamily(draws: fc.Arbitrary<DistributionDraw>): CaseFamily {
  return {
    group: "distribution",
    arbitrary: draws.map((d): Case => ({ args: d.r === undefined ? { p: d.p, n: d.n } : { p: d.p, n: d.n, r: d.r }, label: describe(d) })),
  };
}

/** renyi2 cases: the p of the same draws (same group, so the same p). */
export function renyiFamily(draws: fc.Arbitrary<DistributionDraw>): CaseFamily {
  return {
    group: "distribution",
    arbitrary: draws.map((d): Case => ({ args: { p: d.p }, label: `L=${d.p.length}${d.note === undefined ? "" : ` ${d.note}`}` })),
  };
}

/** klFormula cases. */
export function formulaFamily(n: fc.Arbitrary<number>): CaseFamily {
  return { group: "formula", arbitrary: n.map((value): Case => ({ args: { n: value }, label: `n=${value}` })) };
}

/** klEstimate / klEstimateUpper cases: {n, eps} or {n, logEps}. */
export function estimatorFamily(n: fc.Arbitrary<number>, epsMin: number, logEpsMin: number): CaseFamily {
  return {
    group: "estimator",
    arbitrary: fc.record({ n, point: estimatorPoint(epsMin, logEpsMin) }).map(
      ({ n: count, point }): Case => ({
        args: { n: count, ...point },
        label: "eps" in point ? `n=${count} eps=${point.eps}` : `n=${count} logEps=${point.logEps}`,
      }),
    ),
  };
}
