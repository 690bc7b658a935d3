// @bug F^n - F_-^n by its binomial expansion, whose coefficients C(n, k) overflow to Infinity from n = 1020 or so
// @op bonPmf
// @caught-in standard
// @right-in none
// @classes standard: in-order/non-finite
//
// (F_- + q)^n - F_-^n = sum_{k=1..n} C(n,k) q^k F_-^(n-k) is a sum of positive terms (accurate while it lasts),
// but the running product C(n, k-1) (n-k+1) passes 1.8e308 from n ~ 1020 on: Infinity * 0 = NaN or Infinity.
// The standard domain has n up to 1e4.
export const capabilities = ["bonPmf"];

function levelProbability(below, q, n) {
  let sum = 0;
  let c = 1; // C(n, 0)
  for (let k = 1; k <= n; k++) {
    c = (c * (n - k + 1)) / k;
    sum += c * q ** k * below ** (n - k);
  }
  return sum;
}

export function bonPmf({ p, n }) {
  const total = p.reduce((a, b) => a + b, 0);
  let F = 0;
  return p.map((x) => {
    const q = x / total;
    const below = F;
    F += q;
    return levelProbability(below, q, n);
  });
}
