/**
 * Grouping outcomes into reward levels when rewards r are given (any order, ties allowed).
 * A level is a set of outcomes with equal reward (-0 and +0 are equal); levels are listed in increasing reward
 * order and each carries the total mass of its outcomes. Outcomes of zero mass still belong to their level.
 *
 * Cost: O(L) when r is already non-decreasing; otherwise a stable radix sort of the rewards (radix-order.ts),
 * O(L) passes as well (the protocol allows O(L log L)).
 *
 * Error model: each level mass is a compensated sum of its members (relative error <= u (1 + 2 m u), see
 * neumaier.ts); a single-member level carries its member's mass exactly.
 */
import type { AscendingOrder } from "./radix-order.ts";
import { ascendingOrder } from "./radix-order.ts";

/** Levels in increasing reward order, and the level of each outcome. */
export interface RewardLevels {
  /** Unnormalised mass of each level. */
  readonly mass: Float64Array;
  /** levelOf[i]: index into `mass` of outcome i's level. */
  readonly levelOf: Int32Array;
}

function isNonDecreasing(r: Float64Array): boolean {
  for (let i = 1; i < r.length; i++) if (r[i]! < r[i - 1]!) return false;
  return true;
}

/** Groups masses w by rewards r (same length, validated) into reward levels. */
export function rewardLevels(w: Float64Array, r: Float64Array): RewardLevels {
  const levelOf = new Int32Array(w.length);
  const sums = new Float64Array(w.length); // at most one level per outcome; trimmed below
  const last = accumulateLevels(w, r, isNonDecreasing(r) ? null : ascendingOrder(r), levelOf, sums);
  return { mass: sums.subarray(0, last + 1), levelOf };
}

/**
 * The loop of rewardLevels: walks the outcomes in reward order, assigns levels and sums their masses (each
 * level's compensated sum kept up to date in `sums`); returns the index of the last level. It ends right after
 * its loop (see "JIT note" in level-sweep.ts).
 */
function accumulateLevels(
  w: Float64Array,
  r: Float64Array,
  sorted: AscendingOrder | null,
  levelOf: Int32Array,
  sums: Float64Array,
): number {
  let level = 0;
  let s = 0;
  let c = 0;
  for (let j = 0; j < w.length; j++) {
    let i = j;
    let newLevel: boolean;
    if (sorted === null) {
      newLevel = j > 0 && r[j]! > r[j - 1]!;
    } else {
      i = sorted.order[j]!;
      newLevel = j > 0 && (sorted.keyHi[j] !== sorted.keyHi[j - 1] || sorted.keyLo[j] !== sorted.keyLo[j - 1]);
    }
    if (newLevel) {
      level++;
      s = 0;
      c = 0;
    }
    levelOf[i] = level;
    const v = w[i]!;
    const t = s + v;
    const tb = t - s; // TwoSum (Knuth): c gathers the exact error of s + v
    c += s - (t - tb) + (v - tb);
    s = t;
    sums[level] = s + c;
  }
  return level;
}
