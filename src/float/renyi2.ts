/**
 * renyi2: the Renyi entropy of order 2 in nats, H_2(p) = -log sum_i q_i^2 with q = p / S (Eq. 18).
 *
 * Evaluation: let M be the largest mass, R the (compensated) sum of the others and Q = sum of their squares.
 *   M <= S/2: T = (M^2 + Q) / S^2 <= 1/2 and H_2 = -log T is well conditioned (|T dH/dT| = 1/|log T| <= 1.45).
 *   M >  S/2: H_2 = -log1p(-D) with D = 1 - T = (2 M R + (R^2 - Q)) / S^2 formed without the subtraction 1 - T
 *             (R^2 - Q >= 0 cancels only within R^2 <= M R), so H_2 ~ 2R stays relative-accurate as R -> 0.
 * Error model: <= 6u relative in the first case; in the second, D has relative error <= 5u + u R/M and
 * -log1p(-D) adds <= 2u relative (condition D/((1-D)|log(1-D)|) <= 2.2 for D <= 3/4), so <= 16u overall.
 * Squares below 2^-1074 underflow to 0; they are at most L 2^-1074 absolutely against T >= 1/L.
 */
import { readMasses } from "./validate.ts";

/**
 * The Renyi entropy of order 2, H_2(p) = -log sum_i p_i^2 (Eq. 18), in nats.
 * @param p probabilities: finite, non-negative, summing to 1 within 1e-6 (normalised by their exact sum).
 * @returns H_2(p) in nats, >= 0.
 * @throws {InputError} when p is invalid (`field` "p" or "p[i]").
 */
export function renyi2(p: readonly number[]): number {
  const { w, total } = readMasses(p);
  const iMax = indexOfMax(w);
  sumsExcept(w, iMax);
  const rest = restSums[0]!;
  const squares = restSums[1]!;
  const big = w[iMax]!;
  const total2 = total * total;
  if (big > 0.5 * total) {
    const d = (2 * big * rest + (rest * rest - squares)) / total2;
    return 0 - Math.log1p(-d);
  }
  return -Math.log((big * big + squares) / total2);
}

// The loops sit in functions that end with the loop (see "JIT note" in level-sweep.ts).

function indexOfMax(w: Float64Array): number {
  let iMax = 0;
  for (let i = 1; i < w.length; i++) if (w[i]! > w[iMax]!) iMax = i;
  return iMax;
}

/** sumsExcept's results: the compensated sum of the masses other than the largest, and of their squares. */
const restSums = new Float64Array(2);

function sumsExcept(w: Float64Array, skip: number): void {
  let rs = 0;
  let rc = 0;
  let qs = 0;
  let qc = 0;
  restSums[0] = 0;
  restSums[1] = 0;
  for (let i = 0; i < w.length; i++) {
    if (i === skip) continue;
    const v = w[i]!;
    const t = rs + v;
    const tb = t - rs; // TwoSum (Knuth): rc gathers the exact error of rs + v
    rc += rs - (t - tb) + (v - tb);
    rs = t;
    const sq = v * v;
    const t2 = qs + sq;
    const tb2 = t2 - qs; // TwoSum (Knuth): qc gathers the exact error of qs + sq
    qc += qs - (t2 - tb2) + (sq - tb2);
    qs = t2;
    restSums[0] = rs + rc;
    restSums[1] = qs + qc;
  }
}
