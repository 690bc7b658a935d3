/**
 * Helpers for the float library's tests: error measures and small independent reference formulas. Nothing here
 * calls the library; the references are the textbook formulas, used only where they are accurate.
 */

/** Unit roundoff u = 2^-53. */
export const U = 2 ** -53;

/** |a - b| / |b| (0 when both are 0). */
export function relErr(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.abs(b);
}

/** Binary entropy h(t) in nats, t in [0, 1], accurate for tiny t: -t log t - (1 - t) log1p(-t). */
export function binaryEntropy(t: number): number {
  if (t === 0 || t === 1) return 0;
  return -t * Math.log(t) - (1 - t) * Math.log1p(-t);
}

/** KL(pi_n || p) for distinct increasing rewards, by Lemma 1 with Math.pow (fine for moderate n and masses). */
export function naiveKl(p: readonly number[], n: number): number {
  let f = 0;
  let kl = 0;
  for (const g of p) {
    const prev = f;
    f += g;
    const pk = f ** n - prev ** n;
    if (pk > 0) kl += pk * Math.log(pk / g);
  }
  return kl;
}

/** pi_n for distinct increasing rewards, by Lemma 1 with Math.pow. */
export function naivePmf(p: readonly number[], n: number): number[] {
  let f = 0;
  return p.map((g) => {
    const prev = f;
    f += g;
    return g === 0 ? 0 : f ** n - prev ** n;
  });
}

/** Sum of an array (plain loop). */
export function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/** Normalises non-negative weights (at least one positive) to sum 1 in binary64. */
export function normalise(weights: readonly number[]): number[] {
  const s = sum(weights);
  return weights.map((w) => w / s);
}
