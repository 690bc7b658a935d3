/**
 * Weights for large alphabets (L up to 1e5), made from a few readable parameters rather than L fast-check draws:
 * shrinking then works on (L, family, seed) and a failing case prints in one line.
 *   uniform:      w_i = 1
 *   random:       w_i = m * 10^-k, m in 1..9 and k in 0..9 drawn by mulberry32(seed)
 *   zipf-up:      w_i = (L - i)^-1.1  (mass grows with the reward: the head is at the top)
 *   zipf-down:    w_i = (i + 1)^-1.1  (the head is at the bottom)
 */
import { seededRandom } from "../../util/seeded-random.ts";

export const LARGE_FAMILIES = ["uniform", "random", "zipf-up", "zipf-down"] as const;
export type LargeFamily = (typeof LARGE_FAMILIES)[number];

export function seededWeights(L: number, family: LargeFamily, seed: number): number[] {
  switch (family) {
    case "uniform":
      return Array<number>(L).fill(1);
    case "random": {
      const next = seededRandom(seed);
      return Array.from({ length: L }, () => (1 + Math.floor(next() * 9)) * 10 ** -Math.floor(next() * 10));
    }
    case "zipf-up":
      return Array.from({ length: L }, (_, i) => (L - i) ** -1.1);
    case "zipf-down":
      return Array.from({ length: L }, (_, i) => (i + 1) ** -1.1);
  }
}
