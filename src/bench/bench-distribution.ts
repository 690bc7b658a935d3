/**
 * The benchmark's distributions: deterministic pseudo-random shapes (a fixed-seed generator), written as
 * exact decimal strings so that bonkl and mpmath read exactly the same numbers.
 */
import { seededRandom } from "../util/seeded-random.ts";

export { seededRandom };

/** L positive integer weights in [1, 10^6] as ratios "w/total": an exact, flat-to-moderately skewed p. */
export function benchDistribution(L: number, seed = 1): string[] {
  const random = seededRandom(seed + L);
  const weights = Array.from({ length: L }, () => 1 + Math.floor(random() * 1e6));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => `${w}/${total}`);
}
