/**
 * The inputs of the KL speed rows (issue 13): p_i proportional to 1 + (i mod 7), each p_i the binary64 value
 * nearest to (1 + i mod 7) / sum, sent as JSON numbers (exact binary64, normalised by their exact sum by bonkl,
 * mpmath and the Arb anchor alike). Also uniform p (1/L as binary64) for the growth-in-L row.
 */

/** p_i = (1 + (i mod 7)) / sum, rounded to binary64. */
export function cyclicSevenDistribution(L: number): number[] {
  const weights = Array.from({ length: L }, (_, i) => 1 + (i % 7));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}

/** p_i = 1/L, rounded to binary64. */
export function uniformDistribution(L: number): number[] {
  return Array.from({ length: L }, () => 1 / L);
}

/** 10^k written as "1e4", for row labels. */
export function powerLabel(x: number): string {
  const k = Math.round(Math.log10(x));
  return 10 ** k === x ? `1e${k}` : String(x);
}
