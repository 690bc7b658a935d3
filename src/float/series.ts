/**
 * Short Taylor series for the small-argument regime of the best-of-n quantities, with x = g/F (a level's share
 * of the mass at or below it, or eps for the estimators) and y = n log(1 - x) <= 0.
 *
 *   log1pRatio(x)      = -log(1 - x) / x          = 1 + x/2 + x^2/3 + ...
 *   logLog1pRatio(x)   = log(-log(1 - x) / x)     = x/2 + 5x^2/24 + x^3/8 + 251x^4/2880 + 19x^5/288 + ...
 *   expm1Ratio(y)      = (e^y - 1) / y            = sum_j y^j / (j+1)!
 *   logExpm1Ratio(y)   = log((e^y - 1) / y)       = y/2 + y^2/24 - y^4/2880 + y^6/181440 - ...
 *
 * They are used only when x <= SERIES_X_MAX = 2^-10 and n x <= SERIES_NX_MAX = 2^-5, hence |y| <= 2^-5 (1 + 2^-10).
 *
 * Error model (inside that domain; coefficients are correctly rounded binary64 constants):
 *   log1pRatio:     truncation <= x^6/7 <= 2^-62 relative; Horner rounding <= 2u relative.
 *   logLog1pRatio:  truncation <= 0.053 x^6 <= 2^-64 absolute; rounding <= 2u |value| (value <= x, all terms >= 0).
 *   expm1Ratio:     truncation <= |y|^8/8! * 1.01 <= 2^-58 relative; rounding <= 2u relative.
 *   logExpm1Ratio:  truncation <= y^8/9676800 <= 2^-63 absolute; rounding <= 2u |value|.
 * Callers add these to quantities at least log 2 in size, so the absolute truncation bounds are below u/4 there.
 */

/** Largest x for which the x-series are used. */
export const SERIES_X_MAX = 2 ** -10;

/** Largest n x for which the y-series are used. */
export const SERIES_NX_MAX = 2 ** -5;

/** -log(1 - x) / x for 0 <= x <= 2^-10. */
export function log1pRatio(x: number): number {
  return 1 + x * (1 / 2 + x * (1 / 3 + x * (1 / 4 + x * (1 / 5 + x * (1 / 6)))));
}

/** log(-log(1 - x) / x) for 0 <= x <= 2^-10. */
export function logLog1pRatio(x: number): number {
  return x * (1 / 2 + x * (5 / 24 + x * (1 / 8 + x * (251 / 2880 + x * (19 / 288)))));
}

/** (e^y - 1) / y for |y| <= 2^-5 (1 + 2^-10); 1 at y = 0. */
export function expm1Ratio(y: number): number {
  return (
    1 + y * (1 / 2 + y * (1 / 6 + y * (1 / 24 + y * (1 / 120 + y * (1 / 720 + y * (1 / 5040 + y * (1 / 40320)))))))
  );
}

/** log((e^y - 1) / y) for |y| <= 2^-5 (1 + 2^-10); 0 at y = 0. */
export function logExpm1Ratio(y: number): number {
  const y2 = y * y;
  return y * (1 / 2) + y2 * (1 / 24 + y2 * (-1 / 2880 + y2 * (1 / 181440)));
}
