/**
 * epsInfinity: eps_infinity, the normalised mass of the highest reward level that has positive mass (the
 * paper's Y*, Eq. 20). Without r that is the last positive entry of p; with r (ties allowed) it is the total
 * mass of the top tie group among outcomes of positive mass.
 *
 * Error model: one division by the compensated total (<= 1.5u relative); with ties the group is summed with
 * compensation (<= u (1 + 2 m u) more).
 */
import { NeumaierSum } from "./neumaier.ts";
import { readMasses, readRewards } from "./validate.ts";

/**
 * eps_infinity (Eq. 20): the probability under p of the highest-reward outcome with positive mass (with ties, of
 * its whole tie group).
 * @param p probabilities (as for bonPmf).
 * @param r optional rewards (any order; ties allowed).
 * @returns eps_infinity in (0, 1].
 * @throws {InputError} when p or r is invalid.
 */
export function epsInfinity(p: readonly number[], r?: readonly number[]): number {
  const { w, total } = readMasses(p);
  if (r === undefined) {
    let i = w.length - 1;
    while (w[i] === 0) i--; // some entry is positive: the sum is within 1e-6 of 1
    return w[i]! / total;
  }
  const rewards = readRewards(r, w.length);
  let top = -Infinity;
  for (let i = 0; i < w.length; i++) if (w[i]! > 0 && rewards[i]! > top) top = rewards[i]!;
  const group = new NeumaierSum();
  for (let i = 0; i < w.length; i++) if (w[i]! > 0 && rewards[i] === top) group.add(w[i]!);
  return group.value() / total;
}
