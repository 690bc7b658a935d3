/**
 * Random weights and the probability vectors made from them. A weight is m * 10^-k with m in 1..9 and k in
 * 0..maxExponent, so weights span 1 to 10^maxExponent; p = w / sum(w) is computed in binary64 (left-to-right sum,
 * then one division per entry) and sent as JSON numbers, the way users hand over normalised weights. Cases shrink
 * towards fewer and equal weights (p = [1], then uniform vectors).
 */
import fc from "fast-check";

/** One weight m * 10^-k. */
export function weight(maxExponent: number): fc.Arbitrary<number> {
  return fc.record({ m: fc.integer({ min: 1, max: 9 }), k: fc.integer({ min: 0, max: maxExponent }) }).map(({ m, k }) => m * 10 ** -k);
}

/** Between minLength and maxLength weights. */
export function weights(maxExponent: number, minLength: number, maxLength: number): fc.Arbitrary<number[]> {
  // size "max": lengths cover the whole box (fast-check's default size keeps arrays under ~12 entries).
  return fc.array(weight(maxExponent), { minLength, maxLength, size: "max" });
}

/** w / sum(w) in binary64. */
export function normalise(w: readonly number[]): number[] {
  let total = 0;
  for (const x of w) total += x;
  return w.map((x) => x / total);
}
