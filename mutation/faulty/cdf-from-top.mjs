// @bug CDF accumulated from the end of the list (p[0] taken as the best outcome): the worst-of-n PMF
// @op bonPmf
// @caught-in standard
// @right-in none
// @classes standard: in-order/value
//
// Without r, p is listed in increasing reward order; summing from the top makes F the mass at or *above* each
// outcome, so pi_i = F^n - F_-^n is the PMF of the minimum of n draws.
export const capabilities = ["bonPmf"];

export function bonPmf({ p, n }) {
  const total = p.reduce((a, b) => a + b, 0);
  const pi = new Array(p.length);
  let F = 0;
  for (let i = p.length - 1; i >= 0; i--) {
    const below = F;
    F += p[i] / total;
    pi[i] = F ** n - below ** n;
  }
  return pi;
}
