/**
 * klBon: KL(pi_n || p) in nats (Eq. 3), computed per reward level as sum_k P_k log(P_k / g_k).
 *
 * Error model (level-sweep.ts): |computed - KL| <= 16 u sum_k P_k (|n log F_k| + |log(P_k/g_k)| + log n + 1),
 * which is a few ulps of KL in every regime we know of except the intrinsically ill-conditioned one where
 * KL is far below log n (one level holding almost all of the mass): there the dominant level is evaluated in
 * log1p form and the bound stays relative to KL. KL = 0 exactly for n = 1 or a single level of positive mass.
 * Time O(L) without rewards, O(L log L) with; no NaN or Infinity on valid input.
 */
import { rewardLevels } from "./reward-levels.ts";
import { sweepLevels } from "./level-sweep.ts";
import { readMasses, readN, readRewards } from "./validate.ts";

/**
 * KL(pi_n || p), Eq. (3): the divergence of the best-of-n policy from the base policy, in nats.
 * @param p base probabilities (as for bonPmf: finite, non-negative, summing to 1 within 1e-6; zeros allowed).
 * @param n number of draws: an integer from 1 to 2^53 - 1.
 * @param r optional rewards (any order; ties allowed).
 * @returns KL in nats, >= 0 (exactly 0 for n = 1 or a single level of positive mass).
 * @throws {InputError} when p, r or n is invalid; the error's `field` names it.
 */
export function klBon(p: readonly number[], n: number, r?: readonly number[]): number {
  const { w } = readMasses(p);
  const count = readN(n);
  if (r === undefined) return sweepLevels(w, count, null);
  const { mass } = rewardLevels(w, readRewards(r, w.length));
  return sweepLevels(mass, count, null);
}
