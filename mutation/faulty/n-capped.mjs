// @bug n capped at 1e6 "to keep (1 - eps)^n from underflowing"
// @op klEstimate
// @caught-in large-n
// @right-in standard, tiny
// @classes large-n: eps/value, logEps/value
//
// Correct for every n <= 1e6 (standard, tiny; evaluated in logs, so logEps down to -1e5 is fine); beyond, log n
// and (1 - eps)^n belong to the wrong n.
export const capabilities = ["klEstimate"];

/** log(1 - e^x) for x <= 0, accurate on both sides of -log 2. */
const log1mexp = (x) => (x > -Math.LN2 ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x)));

const N_MAX = 1e6;

export function klEstimate(args) {
  const n = Math.min(args.n, N_MAX); // BUG
  const log1mEps = args.logEps === undefined ? Math.log1p(-args.eps) : log1mexp(args.logEps); // log(1 - eps)
  const logEps = args.logEps === undefined ? Math.log(args.eps) : args.logEps;
  const y = n * log1mEps;
  const A = Math.exp(y); // (1 - eps)^n
  const m = -Math.expm1(y); // 1 - (1 - eps)^n
  const first = A === 0 ? 0 : A * (Math.log(n) + (n - 1) * log1mEps - (n - 1) / n);
  return first + (m === 0 ? 0 : m * (Math.log(m) - logEps));
}
