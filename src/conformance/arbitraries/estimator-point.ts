/**
 * The point of the estimators (klEstimate, klEstimateUpper): `{eps}` or `{logEps}` (protocol), half each.
 *   eps:    log-uniform in [epsMin, 1], plus eps = 1 and eps = 1 - 2^-j (j in 1..52) near 1.
 *   logEps: -10^x with x uniform in [-12, log10(-logEpsMin)], plus 0 and logEps = -2^-j (j in 1..52) near 0.
 */
import fc from "fast-check";
import { logUniformReal } from "./log-uniform.ts";

export type EstimatorPoint = { eps: number } | { logEps: number };

/** eps in [epsMin, 1]. */
export function epsValue(epsMin: number): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 8, arbitrary: logUniformReal(epsMin, 1) },
    { weight: 1, arbitrary: fc.constant(1) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 52 }).map((j) => 1 - 2 ** -j) },
  );
}

/** logEps in [logEpsMin, 0] (logEpsMin < 0). */
export function logEpsValue(logEpsMin: number): fc.Arbitrary<number> {
  const magnitudes = logUniformReal(1e-12, -logEpsMin).map((m) => -m);
  return fc.oneof(
    { weight: 8, arbitrary: magnitudes },
    { weight: 1, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 52 }).map((j) => -(2 ** -j)) },
  );
}

/** `{eps}` or `{logEps}`. */
export function estimatorPoint(epsMin: number, logEpsMin: number): fc.Arbitrary<EstimatorPoint> {
  return fc.oneof(
    epsValue(epsMin).map((eps): EstimatorPoint => ({ eps })),
    logEpsValue(logEpsMin).map((logEps): EstimatorPoint => ({ logEps })),
  );
}
