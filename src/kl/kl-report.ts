/**
 * What `bonkl kl` reports for a distribution: every certified quantity of the paper, each with its reference,
 * correctly rounded digits and an enclosure. Quantities of p alone (eps_infinity, H_2) come once; the others
 * once per n.
 */
import {
  epsInfinity,
  gapBoundCor2,
  gapBoundCor3,
  gapBoundThm2,
  gapBoundThm3,
  klBon,
  klBoundLemma2,
  klBoundThm4,
  klEstimateMean,
  klEstimateUpperMean,
  klEstimateUpperVariance,
  klEstimateVariance,
  klFormula,
  renyi2,
} from "../oracle/index.ts";
import { certifyDigits, type Quantity } from "../numerics/certified-digits.ts";
import type { DistributionInput } from "./distribution-input.ts";
import { differenceOf, sqrtOf } from "../numerics/enclosure-arithmetic.ts";

type Args = { p: unknown[]; r?: unknown[] };

interface Definition<Extra> {
  readonly key: string;
  readonly label: string;
  readonly reference: string;
  quantity(args: Args, extra: Extra): Quantity;
}

const DISTRIBUTION_QUANTITIES: readonly Definition<void>[] = [
  { key: "epsInfinity", label: "eps_infinity (mass of the top outcome)", reference: "Eq. (20)", quantity: (a) => (acc) => epsInfinity(a, acc) },
  { key: "renyi2", label: "H_2(p), Renyi entropy of order 2", reference: "Eq. (18)", quantity: (a) => (acc) => renyi2(a, acc) },
];

/** sqrt of a variance: an absolute accuracy a on the sd needs a^2 on the variance. */
const sd =
  (variance: typeof klEstimateVariance) =>
  (a: Args, n: number): Quantity =>
  (acc) =>
    sqrtOf(variance({ ...a, n }, { ...acc, absolute: Math.max((acc.absolute ?? 0) ** 2, 1e-300) }));

const PER_N_QUANTITIES: readonly Definition<number>[] = [
  { key: "klBon", label: "KL(pi_n || p)", reference: "Eq. (3)", quantity: (a, n) => (acc) => klBon({ ...a, n }, acc) },
  { key: "klFormula", label: "log n - (n-1)/n", reference: "Eq. (5)", quantity: (_a, n) => (acc) => klFormula({ n }, acc) },
  { key: "gap", label: "gap = formula - KL (>= 0)", reference: "Theorem 1", quantity: (a, n) => (acc) => differenceOf(klFormula({ n }, acc), klBon({ ...a, n }, acc)) },
  { key: "gapBoundThm2", label: "gap <= 2n(n-1) e^{-H_2}", reference: "Thm 2, Eq. (17)", quantity: (a, n) => (acc) => gapBoundThm2({ ...a, n }, acc) },
  { key: "gapBoundCor2", label: "gap <= 2n(n-1) max p", reference: "Cor 2, Eq. (19)", quantity: (a, n) => (acc) => gapBoundCor2({ ...a, n }, acc) },
  { key: "gapBoundThm3", label: "gap >= (lower bound)", reference: "Thm 3, Eq. (21)", quantity: (a, n) => (acc) => gapBoundThm3({ ...a, n }, acc) },
  { key: "gapBoundCor3", label: "gap >= (1-e^{-n eps}) log(n eps) - 1", reference: "Cor 3, Eq. (22)", quantity: (a, n) => (acc) => gapBoundCor3({ ...a, n }, acc) },
  { key: "klBoundThm4", label: "KL <= (bound at eps_infinity)", reference: "Thm 4, Eq. (27)", quantity: (a, n) => (acc) => klBoundThm4({ ...a, n }, acc) },
  { key: "klBoundLemma2", label: "KL <= E[KLhat_1(eps_n)]", reference: "Lemma 2, Eq. (23)", quantity: (a, n) => (acc) => klBoundLemma2({ ...a, n }, acc) },
  { key: "klEstimateMean", label: "E[KLhat(eps_n)] under pi_n", reference: "Eq. (28)", quantity: (a, n) => (acc) => klEstimateMean({ ...a, n }, acc) },
  { key: "klEstimateSd", label: "sd[KLhat(eps_n)] under pi_n", reference: "Eq. (28)", quantity: sd(klEstimateVariance) },
  { key: "klEstimateUpperMean", label: "E[KLhat_1(eps_n)] under pi_n", reference: "Eq. (26)", quantity: (a, n) => (acc) => klEstimateUpperMean({ ...a, n }, acc) },
  { key: "klEstimateUpperSd", label: "sd[KLhat_1(eps_n)] under pi_n", reference: "Eq. (26)", quantity: sd(klEstimateUpperVariance) },
];

export interface ReportLine {
  readonly key: string;
  readonly label: string;
  readonly reference: string;
  /** Correctly rounded digits ("d.ddde-7" form), "0" within the zero floor, or fewer digits when incomplete. */
  readonly value: string | null;
  /** Outward-rounded ends, with a few more digits than the value. */
  readonly enclosure: readonly [string, string];
  /** Whether all requested digits are certified. */
  readonly complete: boolean;
}

export interface KlReport {
  readonly outcomes: number;
  readonly digits: number;
  /** |value| at most this is shown as 0. */
  readonly zeroFloor: number;
  readonly distribution: readonly ReportLine[];
  readonly perN: readonly { readonly n: number; readonly lines: readonly ReportLine[] }[];
}

export function zeroFloorFor(digits: number): number {
  return 10 ** -Math.max(30, digits + 18);
}

function line<E>(definition: Definition<E>, args: Args, extra: E, digits: number, floor: number, onWork?: () => void): ReportLine {
  const certified = certifyDigits(definition.quantity(args, extra), onWork === undefined ? { digits, floor } : { digits, floor, onWork });
  return {
    key: definition.key,
    label: definition.label,
    reference: definition.reference,
    value: certified.value,
    enclosure: certified.enclosure.bounds(digits + 3),
    complete: certified.complete,
  };
}

/**
 * Certifies every quantity; `onProgress(done, total, label)` after each one, and again now and then while one long
 * computation runs (the same `done`, the label of the quantity in hand), so that progress is shown during minutes of
 * work on one quantity.
 */
export function klReport(input: DistributionInput, digits: number, onProgress?: (done: number, total: number, label: string) => void): KlReport {
  const args: Args = input.r === undefined ? { p: [...input.p] } : { p: [...input.p], r: [...input.r] };
  const floor = zeroFloorFor(digits);
  const total = DISTRIBUTION_QUANTITIES.length + PER_N_QUANTITIES.length * input.n.length;
  let done = 0;
  const tick = (label: string) => onProgress?.(++done, total, label);
  const working = (label: string) => (onProgress === undefined ? undefined : () => onProgress(done, total, label));
  const distribution = DISTRIBUTION_QUANTITIES.map((d) => {
    const l = line(d, args, undefined, digits, floor, working(d.key));
    tick(d.key);
    return l;
  });
  const perN = input.n.map((n) => {
    const lines = PER_N_QUANTITIES.map((d) => {
      const l = line(d, args, n, digits, floor, working(`n = ${n}: ${d.key}`));
      tick(`n = ${n}: ${d.key}`);
      return l;
    });
    return { n, lines };
  });
  return { outcomes: input.p.length, digits, zeroFloor: floor, distribution, perN };
}
