// @bug (1 - eps)^n and 1 - (1 - eps)^n evaluated as written, without log1p/expm1
// @op klEstimate
// @caught-in large-n, tiny
// @right-in none
// @classes large-n: eps/value, logEps/value; tiny: eps/non-finite, logEps/non-finite
//
// 1 - eps rounds away eps's low bits (all of them when eps < 1.1e-16), so the formula is evaluated at a nearby
// eps' with |eps' - eps| <= u/2: an error of about n u, beyond the tolerance for large n; for eps < u, 1 - eps
// is 1 and the estimator becomes 0 * log 0 = NaN (tiny).
export const capabilities = ["klEstimate"];

export function klEstimate({ n, eps, logEps }) {
  const e = logEps === undefined ? eps : Math.exp(logEps);
  const A = (1 - e) ** n; // BUG: exp(n log1p(-e))
  const m = 1 - A; // BUG: -expm1(n log1p(-e))
  const first = A === 0 ? 0 : A * (Math.log(n) + (n - 1) * Math.log(1 - e) - (n - 1) / n);
  return first + m * Math.log(m / e);
}
