/**
 * The reward levels of a distribution in binary64, for the tolerance model (an error model, not a certificate):
 * outcomes grouped by reward (without r, each outcome is its own level, in listing order), levels in increasing
 * reward, with for each level k its normalised mass g_k and F_k = mass at or below level k.
 */
import { rationalFromString, rationalToNumber } from "../numerics/rational.ts";

export interface RewardLevels {
  /** Number of outcomes (entries of p, zeros included). */
  readonly outcomes: number;
  /** Level index of each outcome. */
  readonly levelOf: Int32Array;
  /** Unnormalised level masses (sum of the level's p_i). */
  readonly levelWeight: Float64Array;
  /** g_k, normalised. */
  readonly mass: Float64Array;
  /** F_k, normalised: mass at or below level k (summed from the bottom). */
  readonly atOrBelow: Float64Array;
  /** Each outcome's p_i as a double (unnormalised). */
  readonly weight: Float64Array;
}

/** A protocol number (JSON number or exact string) as a double. */
export function toDouble(x: unknown): number {
  if (typeof x === "number") return x;
  if (typeof x === "string") {
    const r = rationalFromString(x);
    return r === null ? Number.NaN : rationalToNumber(r);
  }
  return Number.NaN;
}

export function rewardLevels(p: readonly unknown[], r?: readonly unknown[]): RewardLevels {
  const weight = Float64Array.from(p, toDouble);
  let levelOf: Int32Array;
  let levels: number;
  if (r === undefined) {
    levelOf = Int32Array.from(weight, (_, i) => i);
    levels = weight.length;
  } else {
    const rewards = r.map(toDouble);
    const distinct = [...new Set(rewards)].sort((a, b) => a - b);
    const index = new Map(distinct.map((v, k) => [v, k]));
    levelOf = Int32Array.from(rewards, (v) => index.get(v) as number);
    levels = distinct.length;
  }
  const levelWeight = new Float64Array(levels);
  let total = 0;
  weight.forEach((w, i) => {
    levelWeight[levelOf[i] as number]! += w;
    total += w;
  });
  let running = 0;
  const atOrBelow = levelWeight.map((g) => (running += g) / total);
  const mass = levelWeight.map((g) => g / total);
  return { outcomes: weight.length, levelOf, levelWeight, mass, atOrBelow, weight };
}
