// @bug outcomes ordered by their probability (sorting p) instead of by reward before building the CDF
// @op bonPmf
// @caught-in standard
// @right-in none
// @classes standard: in-order/value
//
// "Sort so that the CDF is increasing": the CDF is accumulated over p sorted ascending and the PMF mapped back to
// the original positions, as if the likeliest outcome had the highest reward.
export const capabilities = ["bonPmf"];

export function bonPmf({ p, n }) {
  const total = p.reduce((a, b) => a + b, 0);
  const order = p.map((_, i) => i).sort((a, b) => p[a] - p[b]);
  const pi = new Array(p.length);
  let F = 0;
  for (const i of order) {
    const below = F;
    F += p[i] / total;
    pi[i] = F ** n - below ** n;
  }
  return pi;
}
