/**
 * Arbitraries for n, the number of best-of-n draws: small integers 1..20 most often, and log-uniform up to
 * 10^9. Both shrink toward 1.
 */
import fc from "fast-check";

/** n in 1..20. */
export const smallN = fc.integer({ min: 1, max: 20 });

/** n log-uniform in [1, 10^max]: 10^(k/1000) rounded, k shrinking toward 0. */
export function logUniformN(maxExponent = 9): fc.Arbitrary<number> {
  return fc.integer({ min: 0, max: maxExponent * 1000 }).map((k) => Math.max(1, Math.round(10 ** (k / 1000))));
}

/** The default n: small integers twice as often as log-uniform values up to 10^9. */
export const anyN: fc.Arbitrary<number> = fc.oneof({ weight: 2, arbitrary: smallN }, { weight: 1, arbitrary: logUniformN(9) });

/** n >= 2 (where the formula is positive). */
