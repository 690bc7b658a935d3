/**
 * The benchmark's distributions: deterministic pseudo-random shapes (a fixed-seed generator), written as
 * exact decimal strings so that bonkl and mpmath read exactly the same numbers.
 */

/** A small deterministic generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** L positive integer weights in [1, 10^6] as ratios "w/total": an exact, flat-to-moderately skewed p. */
export function benchDistribution(L: number, seed = 1): string[] {
  const random = seededRandom(seed + L);
  const weights = Array.from({ length: L }, () => 1 + Math.floor(random() * 1e6));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => `${w}/${total}`);
}
