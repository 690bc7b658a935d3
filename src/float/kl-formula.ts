/**
 * klFormula: the analytical formula log n - (n - 1)/n of Eq. (5) (an upper bound on the KL, Theorem 1).
 *
 * Error model: n is an integer, so the only delicate point is n = 1, where the value is exactly 0. For n >= 2,
 * log n (<= 1 ulp) minus (n-1)/n (<= 1/2 ulp): at n = 2 the subtraction is exact (Sterbenz) and the result
 * 0.193 carries <= 3 ulp; the relative error falls toward 1 ulp as n grows (the result tends to log n).
 */
import { readN } from "./validate.ts";

/** log n - (n-1)/n for a validated n (no checks). */
export function klFormulaOf(n: number): number {
  if (n === 1) return 0;
  return Math.log(n) - (n - 1) / n;
}

/**
 * The formula log n - (n-1)/n of Eq. (5), an upper bound on KL(pi_n || p) (Theorem 1), in nats.
 * @param n number of draws: an integer from 1 to 2^53 - 1.
 * @returns log n - (n-1)/n in nats (0 for n = 1).
 * @throws {InputError} when n is not an integer from 1 to 2^53 - 1 (`field` "n").
 */
export function klFormula(n: number): number {
  return klFormulaOf(readN(n));
}
