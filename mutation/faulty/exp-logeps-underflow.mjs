// @bug logEps turned into eps with Math.exp: underflows to 0 for logEps < -745, then 0 / 0 = NaN
// @op klEstimateUpper
// @caught-in tiny
// @right-in standard, large-n
// @classes tiny: logEps/non-finite
//
// The protocol accepts logEps precisely so that eps below the double range can be given; KLhat_1 must be
// evaluated in logs (log(1 - (1-eps)^n) - logEps).
export const capabilities = ["klEstimateUpper"];

export function klEstimateUpper({ n, eps, logEps }) {
  const e = logEps === undefined ? eps : Math.exp(logEps); // BUG: underflows
  const m = -Math.expm1(n * Math.log1p(-e)); // 1 - (1 - eps)^n
  return Math.log(m / e);
}
