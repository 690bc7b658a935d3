/**
 * Weights for large alphabets (L up to 1e5), made from a few readable parameters rather than L fast-check draws:
 * shrinking then works on (L, family, seed) and a failing case prints in one line.
 *   uniform:      w_i = 1
 *   random:       w_i = m * 10^-k, m in 1..9 and k in 0..9 drawn by mulberry32(seed)
 *   zipf-up:      w_i = (L - i)^-1.1  (mass grows with the reward: the head is at the top)
 *   zipf-down:    w_i = (i + 1)^-1.1  (the head is at the bottom)
 */
export const LARGE_FAMILIES = ["uniform", "random", "zipf-up", "zipf-down"] as const;
export type LargeFamily = (typeof LARGE_FAMILIES)[number];

/** mulberry32: a tiny deterministic 32-bit PRNG (uniform in [0, 1)). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seededWeights(L: number, family: LargeFamily, seed: number): number[] {
  switch (family) {
    case "uniform":
      return Array<number>(L).fill(1);
    case "random": {
      const next = mulberry32(seed);
      return Array.from({ length: L }, () => (1 + Math.floor(next() * 9)) * 10 ** -Math.floor(next() * 10));
    }
    case "zipf-up":
      return Array.from({ length: L }, (_, i) => (L - i) ** -1.1);
    case "zipf-down":
      return Array.from({ length: L }, (_, i) => (i + 1) ** -1.1);
  }
}
