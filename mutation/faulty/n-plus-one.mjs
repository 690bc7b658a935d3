// @bug off-by-one in n: the sample itself counted on top of its n rivals, so the PMF of best-of-(n+1)
// @op klBon
// @caught-in standard
// @right-in none
// @classes standard: in-order/value
//
// "Draw one response, then keep it unless one of n others beats it": n + 1 draws in all, pi = F^(n+1) - F_-^(n+1).
export const capabilities = ["klBon"];

export function klBon({ p, n }) {
  const draws = n + 1; // BUG: n draws in all
  const total = p.reduce((a, b) => a + b, 0);
  let F = 0;
  let kl = 0;
  for (const x of p) {
    const q = x / total;
    const below = F;
    F += q;
    const pi = F ** draws - below ** draws;
    if (pi > 0) kl += pi * Math.log(pi / q);
  }
  return kl;
}
