/**
 * Best-of-n level probabilities P_k = F_k^n - F_{k-1}^n from the oracle's per-outcome enclosures (P_k is the sum
 * of pi_i over the level's outcomes, which is what the oracle's bonLevelPmf certifies), as doubles for the
 * tolerance model, with log P_k kept finite when P_k underflows binary64 and F_k^n = sum_{j <= k} P_j.
 */
import type { Enclosure } from "../oracle/index.ts";
import { dyadicToDouble, logOfDyadic } from "../numerics/dyadic.ts";
import type { RewardLevels } from "./reward-levels.ts";

const MIN_NORMAL = 2 ** -1022;

export interface LevelProbabilities {
  /** P_k (double; may underflow to 0). */
  readonly probability: Float64Array;
  /** log P_k, finite whenever P_k > 0 exactly (-Infinity for P_k = 0). */
  readonly logProbability: Float64Array;
  /** F_k^n = sum of P_j for j <= k. */
  readonly cdfPower: Float64Array;
}

/** The midpoint of an enclosure as a double. */
export function midpoint(e: Enclosure): number {
  const lo = dyadicToDouble(e.lo);
  const hi = dyadicToDouble(e.hi);
  return lo === hi ? lo : lo / 2 + hi / 2;
}

/** log sum_j e^(x_j), finite whenever some x_j is; -Infinity when every x_j is. */
export function logSumExp(xs: readonly number[]): number {
  const top = xs.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);
  return top === Number.NEGATIVE_INFINITY ? top : top + Math.log(xs.reduce((s, x) => s + Math.exp(x - top), 0));
}

export function levelProbabilities(levels: RewardLevels, pi: readonly Enclosure[]): LevelProbabilities {
  const probability = new Float64Array(levels.mass.length);
  levels.levelOf.forEach((k, i) => {
    probability[k]! += midpoint(pi[i] as Enclosure);
  });
  // Levels whose P_k is subnormal or 0 in binary64: log P_k from the members' exact upper ends (log-sum-exp).
  const memberLogs = new Map<number, number[]>();
  levels.levelOf.forEach((k, i) => {
    if ((probability[k] as number) >= MIN_NORMAL) return;
    const logs = memberLogs.get(k) ?? [];
    logs.push(logOfDyadic((pi[i] as Enclosure).hi));
    memberLogs.set(k, logs);
  });
  const logProbability = probability.map((P, k) => {
    const logs = memberLogs.get(k);
    return logs === undefined ? Math.log(P) : logSumExp(logs);
  });
  let running = 0;
  const cdfPower = probability.map((P) => (running += P));
  return { probability, logProbability, cdfPower };
}
