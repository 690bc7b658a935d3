/**
 * bonkl's certified oracle: every quantity of Beirami et al. as an enclosure [lo, hi] proven to contain the
 * exact value (interval arithmetic on MPFR with outward rounding and adaptive precision).
 *
 *   import { klBon } from "bonkl/oracle";
 *   klBon({ p: [0.5, 0.5], n: 2 }).certifiedDecimal()   // "0.1308120359411369591292018062337177104"
 *   gapBoundThm3({ n: 1e6, eps: "1e-100" }, { sign: true }).sign   // 1: proved positive (the value is 4.2e-284)
 *
 * An enclosure's `sign` is certified (1, -1, 0 for exactly [0, 0]) or null when it still contains 0: the default
 * absolute accuracy (1e-40) stops before tiny values are separated from 0, so ask `{ sign: true }` for a sign.
 *
 * Inputs follow the protocol conventions (spec/protocol.md): JSON numbers are exact binary64 values,
 * strings are exact decimals or ratios "a/b"; p is normalised by its exact sum.
 */
import { certify, certifyAll, type Accuracy } from "../numerics/certify.ts";
import type { Enclosure } from "../numerics/enclosure.ts";
import { oracleOps, prepare, type Prepared } from "./ops.ts";

export { Enclosure, compareDyadic, dyadicToDecimal, dyadicToNumber, type Dyadic } from "../numerics/enclosure.ts";
export { DEFAULT_ACCURACY, type Accuracy } from "../numerics/certify.ts";
export { Distribution } from "./distribution.ts";
export { oracleOps, prepare, UnknownOpError, type OracleOp, type Prepared } from "./ops.ts";
export { parseN, MAX_N } from "./input/parse.ts";
export { liveReals } from "../numerics/mpfr.ts";

/** Certifies op `name` on `args`: one enclosure, or one per entry for vector ops (bonPmf). */
export function compute(name: string, args: unknown, accuracy?: Accuracy): Enclosure | Enclosure[] {
  return computePrepared(prepare(name, args), accuracy);
}

/** Certifies a request validated once by `prepare` (again at another accuracy without parsing its args again). */
export function computePrepared(prepared: Prepared, accuracy?: Accuracy): Enclosure | Enclosure[] {
  return prepared.vector ? certifyAll((arena) => prepared.evaluate(arena), accuracy) : certify((arena) => prepared.evaluate(arena)[0]!, accuracy);
}

function scalarOp(name: string) {
  return (args: Record<string, unknown>, accuracy?: Accuracy): Enclosure => compute(name, args, accuracy) as Enclosure;
}

type DistributionArgs = { p: unknown[]; n: number | string; r?: unknown[] };
type EpsArgs = { n: number | string; eps?: number | string; logEps?: number | string };

/** pi_n per outcome (Lemma 1, Eq. 7; ties split by the protocol's rule). */
export const bonPmf = (args: DistributionArgs, accuracy?: Accuracy): Enclosure[] => compute("bonPmf", args, accuracy) as Enclosure[];
/** pi_n per reward level, increasing reward (Eq. 13). */
export const bonLevelPmf = (args: DistributionArgs, accuracy?: Accuracy): Enclosure[] => compute("bonLevelPmf", args, accuracy) as Enclosure[];
/** KL(pi_n || p), Eq. (3). */
export const klBon: (args: DistributionArgs, accuracy?: Accuracy) => Enclosure = scalarOp("klBon");
/** log n - (n-1)/n, Eq. (5). */
export const klFormula: (args: { n: number | string }, accuracy?: Accuracy) => Enclosure = scalarOp("klFormula");
/** log 2 - h(2^-n), Eq. (6). */
export const klExample1: (args: { n: number | string }, accuracy?: Accuracy) => Enclosure = scalarOp("klExample1");
/** KLhat, Eq. (28). */
export const klEstimate: (args: EpsArgs, accuracy?: Accuracy) => Enclosure = scalarOp("klEstimate");
/** KLhat_1, Eq. (26). */
export const klEstimateUpper: (args: EpsArgs, accuracy?: Accuracy) => Enclosure = scalarOp("klEstimateUpper");
/** H_2(p), Eq. (18). */
export const renyi2: (args: { p: unknown[]; per?: "outcome" | "level" }, accuracy?: Accuracy) => Enclosure = scalarOp("renyi2");
/** H_alpha(p), Eq. (18). */
export const renyi: (args: { p: unknown[]; alpha: number | "inf"; per?: "outcome" | "level" }, accuracy?: Accuracy) => Enclosure = scalarOp("renyi");
/** eps_infinity. */
export const epsInfinity: (args: { p: unknown[]; r?: unknown[]; per?: "outcome" | "level" }, accuracy?: Accuracy) => Enclosure = scalarOp("epsInfinity");
export const gapBoundThm2: (args: DistributionArgs & { per?: "outcome" | "level" }, accuracy?: Accuracy) => Enclosure = scalarOp("gapBoundThm2");
export const gapBoundCor2: (args: DistributionArgs & { per?: "outcome" | "level" }, accuracy?: Accuracy) => Enclosure = scalarOp("gapBoundCor2");
export const gapBoundThm3: (args: Record<string, unknown>, accuracy?: Accuracy) => Enclosure = scalarOp("gapBoundThm3");
export const gapBoundCor3: (args: Record<string, unknown>, accuracy?: Accuracy) => Enclosure = scalarOp("gapBoundCor3");
export const klBoundThm4: (args: Record<string, unknown>, accuracy?: Accuracy) => Enclosure = scalarOp("klBoundThm4");
export const klBoundLemma2: (args: DistributionArgs, accuracy?: Accuracy) => Enclosure = scalarOp("klBoundLemma2");
export const klEstimateMean: (args: DistributionArgs, accuracy?: Accuracy) => Enclosure = scalarOp("klEstimateMean");
export const klEstimateVariance: (args: DistributionArgs, accuracy?: Accuracy) => Enclosure = scalarOp("klEstimateVariance");
export const klEstimateUpperMean: (args: DistributionArgs, accuracy?: Accuracy) => Enclosure = scalarOp("klEstimateUpperMean");
export const klEstimateUpperVariance: (args: DistributionArgs, accuracy?: Accuracy) => Enclosure = scalarOp("klEstimateUpperVariance");
/** Corollary 1: KL over a mixture of prompts. */
export const klMixture: (args: { components: { weight: number | string; p: unknown[]; r?: unknown[] }[]; n: number | string }, accuracy?: Accuracy) => Enclosure =
  scalarOp("klMixture");

/** The names of every op `compute` knows. */
export const opNames: readonly string[] = [...oracleOps.keys()];
