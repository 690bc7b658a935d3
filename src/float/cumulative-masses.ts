/**
 * Cumulative masses F_k = sum of the level masses at or below level k, summed from below with Neumaier
 * compensation (the tail masses U_k, summed from the top, are accumulated on the fly by the sweep).
 *
 * Error model: each F_k has relative error <= u (1 + 2 K u) (compensated sum of non-negative terms, K levels),
 * so a ratio F_{k-1} / F_k or g_k / F_k is relative-accurate to about 2u however small the masses are.
 */
import { SLOT_CUMULATIVE, scratchFloat64 } from "./scratch.ts";

/** cumulative[k] = sum_{j <= k} mass[j] (unnormalised), in the SLOT_CUMULATIVE scratch buffer. */
export function cumulativeMasses(mass: Float64Array): Float64Array {
  const count = mass.length;
  const cumulative = scratchFloat64(SLOT_CUMULATIVE, count);
  let s = 0;
  let c = 0;
  for (let k = 0; k < count; k++) {
    const v = mass[k]!;
    const t = s + v;
    const tb = t - s; // TwoSum (Knuth): c gathers the exact error of s + v
    c += s - (t - tb) + (v - tb);
    s = t;
    cumulative[k] = s + c;
  }
  return cumulative;
}
