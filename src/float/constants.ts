/**
 * Binary64 constants shared by the float library.
 *
 * Error model: none of these is computed at run time except LN2 (taken from Math.LN2, correctly rounded).
 */

/** Unit roundoff of binary64 round-to-nearest: u = 2^-53. A correctly rounded operation has relative error <= u. */
export const UNIT_ROUNDOFF = 2 ** -53;

/**
 * A log-magnitude below which exp() is exactly 0 in binary64: log(2^-1075) = -745.1332..., and any real below
 * 2^-1075 rounds to 0 under round-to-nearest-even. We use -745.2 so that a rounding error of up to 0.06 in the
 * argument still cannot turn a representable value into a skipped one.
 */
export const LOG_UNDERFLOW = -745.2;
