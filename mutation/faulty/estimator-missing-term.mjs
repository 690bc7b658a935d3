// @bug the estimator KLhat of Eq. (28) without its -(n-1)/n term
// @op klEstimate
// @caught-in standard
// @right-in none
// @classes standard: eps/value, logEps/value
//
// (1-eps)^n (log n + (n-1) log(1-eps) - (n-1)/n) + (1 - (1-eps)^n) log((1 - (1-eps)^n) / eps), with the
// -(n-1)/n dropped: off by (1-eps)^n (n-1)/n, which is visible whenever n eps is not large.
export const capabilities = ["klEstimate"];

/** log(1 - e^x) for x <= 0, accurate on both sides of -log 2. */
const log1mexp = (x) => (x > -Math.LN2 ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x)));

export function klEstimate({ n, eps, logEps }) {
  const l1p = logEps === undefined ? Math.log1p(-eps) : log1mexp(logEps); // log(1 - eps)
  const logE = logEps === undefined ? Math.log(eps) : logEps;
  const y = n * l1p;
  const A = Math.exp(y); // (1 - eps)^n
  const m = -Math.expm1(y); // 1 - (1 - eps)^n
  const first = A === 0 ? 0 : A * (Math.log(n) + (n - 1) * l1p); // BUG: - (n - 1) / n missing
  return first + (m === 0 ? 0 : m * (Math.log(m) - logE));
}
