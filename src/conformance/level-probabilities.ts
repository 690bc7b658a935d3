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

export function levelProbabilities(levels: RewardLevels, pi: readonly Enclosure[]): LevelProbabilities {
  const count = levels.mass.length;
  const probability = new Float64Array(count);
  for (let i = 0; i < levels.outcomes; i++) probability[levels.levelOf[i] as number]! += midpoint(pi[i] as Enclosure);
  const logProbability = new Float64Array(count);
  for (let k = 0; k < count; k++) logProbability[k] = Math.log(probability[k] as number);
  // Levels whose P_k is subnormal or 0 in binary64: log-sum-exp of the members' exact upper ends.
  const small = new Set<number>();
  for (let k = 0; k < count; k++) if ((probability[k] as number) < MIN_NORMAL) small.add(k);
  if (small.size > 0) {
    const logs = new Map<number, number[]>();
    for (let i = 0; i < levels.outcomes; i++) {
      const k = levels.levelOf[i] as number;
      if (!small.has(k)) continue;
      const list = logs.get(k) ?? [];
      list.push(logOfDyadic((pi[i] as Enclosure).hi));
      logs.set(k, list);
    }
    for (const [k, list] of logs) {
      const top = Math.max(...list);
      logProbability[k] = top === Number.NEGATIVE_INFINITY ? top : top + Math.log(list.reduce((s, x) => s + Math.exp(x - top), 0));
    }
  }
  const cdfPower = new Float64Array(count);
  let running = 0;
  for (let k = 0; k < count; k++) {
    running += probability[k] as number;
    cdfPower[k] = running;
  }
  return { probability, logProbability, cdfPower };
}
