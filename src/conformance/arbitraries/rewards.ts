/**
 * Rewards with ties: r_i = floor(raw_i / coarseness) with raw_i in 0..49 and one coarseness in 1..50 per case, so
 * anything from all-distinct to all-tied (coarseness 50) occurs, in any order. Shrinks towards raw_i = 0 and
 * coarseness 1: all rewards 0 (all tied).
 */
import fc from "fast-check";

/** A raw reward draw; turned into a reward by tieReward. */
export const rawReward: fc.Arbitrary<number> = fc.integer({ min: 0, max: 49 });

/** The case's coarseness: 1 keeps raw rewards (few ties), 50 ties everything. */
export const coarseness: fc.Arbitrary<number> = fc.integer({ min: 1, max: 50 });

export function tieReward(raw: number, coarse: number): number {
  return Math.floor(raw / coarse);
}
