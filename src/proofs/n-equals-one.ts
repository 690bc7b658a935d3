/**
 * The line v = 1 (n = 1) is decided by exact algebra, which this module carries out mechanically: at n = 1,
 * log n = 0 (MPFR's log of 1 is exact), n - 1 = 0, (n-1)/n = 0 and 1 - (1-e)^n = e as polynomials in e, so
 * Eq. (28) gives KLhat(e) = (1-e) (0 + 0 - 0) + e log(e/e) = 0 for every e in (0, 1] (KLhat(1) = 0 by
 * definition), and A(e, 1) = log 1 - 0 - KLhat(e) = 0. Hence A >= 0 and KLhat is constant, so non-increasing.
 */
import { Interval, type Arena } from "./intervals.ts";

/** Coefficients (constant first) of 1 - (1-e)^n, by the binomial theorem in exact integers. */
export function oneMinusPowerCoefficients(n: number): bigint[] {
  const coefficients: bigint[] = [];
  let binomial = 1n;
  for (let k = 0; k <= n; k++) {
    const term = (k % 2 === 0 ? binomial : -binomial); // C(n,k) (-1)^k
    coefficients.push(k === 0 ? 1n - term : -term);
    binomial = (binomial * BigInt(n - k)) / BigInt(k + 1);
  }
  return coefficients;
}

/** Each identity the n = 1 argument needs, and whether it holds (computed, not assumed). */
export function nEqualsOneIdentities(arena: Arena): { name: string; holds: boolean }[] {
  const n = 1;
  const coefficients = oneMinusPowerCoefficients(n);
  return [
    { name: "log n = 0 (MPFR, exact)", holds: Interval.fromDouble(arena, n).log().isExactZero() },
    { name: "n - 1 = 0", holds: n - 1 === 0 },
    { name: "(n-1)/n = 0", holds: (n - 1) / n === 0 },
    { name: "1 - (1-e)^n = e", holds: coefficients.length === 2 && coefficients[0] === 0n && coefficients[1] === 1n },
  ];
}
