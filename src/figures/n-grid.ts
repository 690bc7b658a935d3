/**
 * The n axis of the figures: every n from 1 to 9, then `perDecade` points per decade, 10^(k/perDecade)
 * rounded to an integer, up to 10^maxExponent. The default gives 60 distinct values, 1 and 10^6 included.
 */
export function logGrid(maxExponent = 6, perDecade = 10): number[] {
  const grid = new Set<number>();
  for (let n = 1; n < 10; n++) grid.add(n);
  for (let k = perDecade; k <= maxExponent * perDecade; k++) grid.add(Math.round(10 ** (k / perDecade)));
  return [...grid].sort((a, b) => a - b);
}
