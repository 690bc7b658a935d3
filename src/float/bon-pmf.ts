/**
 * bonPmf: the best-of-n PMF pi_n (Lemma 1, Eq. 7), one probability per outcome in the order of p.
 * Without r, p is in increasing reward order with distinct rewards, so each outcome is its own level.
 * With r (any order, ties allowed), an outcome i in a tie group of mass g whose lower groups have mass F_- gets
 * pi_i = (p_i / g) ((F_- + g)^n - F_-^n); outcomes of zero mass get 0.
 *
 * Error model: n = 1 gives p_i / S (one rounding). Otherwise the level probabilities P_k carry relative error
 * <= u (18 + 6 |n log F_k|) (level-sweep.ts; the |n log F_k| part is the conditioning of F^n); a tie-group
 * member gets one more rounding for p_i / g and one for the product (exact for a lone member). Results below
 * 2^-1022 carry in addition an absolute error <= 2^-1074; entries whose exact value is below 2^-1075 are 0.
 */
import { rewardLevels } from "./reward-levels.ts";
import { sweepLevels } from "./level-sweep.ts";
import { SLOT_LEVEL_PROB, scratchFloat64 } from "./scratch.ts";
import { readMasses, readN, readRewards } from "./validate.ts";

function toArray(values: Float64Array): number[] {
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i]!;
  return out;
}

/**
 * The best-of-n policy pi_n (Lemma 1, Eq. 7): the probability of each outcome of p after best-of-n selection.
 * @param p base probabilities, one per outcome: finite, non-negative, summing to 1 within 1e-6 (normalised by their
 *   exact sum; zeros allowed). Without r, listed in increasing reward order.
 * @param n number of draws: an integer from 1 to 2^53 - 1.
 * @param r rewards, one per outcome, in any order; equal rewards tie (the winner is uniform among tied maximal draws).
 * @returns pi_n(y_i) for each outcome, in the order of p (probabilities, summing to 1 up to rounding).
 * @throws {InputError} when p, r or n is invalid; the error's `field` names it (`p[3]`, `r`, `n`).
 */
export function bonPmf(p: readonly number[], n: number, r?: readonly number[]): number[] {
  const { w, total } = readMasses(p);
  const count = readN(n);
  const rewards = r === undefined ? null : readRewards(r, w.length);
  if (count === 1) {
    const out = new Array<number>(w.length);
    for (let i = 0; i < w.length; i++) out[i] = w[i]! / total;
    return out;
  }
  if (rewards === null) {
    const prob = scratchFloat64(SLOT_LEVEL_PROB, w.length);
    sweepLevels(w, count, prob);
    return toArray(prob);
  }
  const { mass, levelOf } = rewardLevels(w, rewards);
  const levelProb = new Float64Array(mass.length);
  sweepLevels(mass, count, levelProb);
  const out = new Array<number>(w.length);
  for (let i = 0; i < w.length; i++) {
    const k = levelOf[i]!;
    const wi = w[i]!;
    const g = mass[k]!;
    out[i] = wi === 0 ? 0 : wi === g ? levelProb[k]! : levelProb[k]! * (wi / g);
  }
  return out;
}
