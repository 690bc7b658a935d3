// @bug tied rewards not grouped: outcomes sorted by r and each treated as its own level (ties broken by position)
// @op klBon
// @caught-in ties
// @right-in standard, large-n, tiny, large-L
// @classes ties: ties/value
//
// A stable sort by reward keeps tied outcomes in listing order, and the CDF then ranks them as if the later one
// were better: the PMF (and so the KL) of a strict order that does not exist.
export const capabilities = ["klBon"];

export function klBon({ p, n, r }) {
  const total = p.reduce((a, b) => a + b, 0);
  const q = p.map((x) => x / total);
  const order = q.map((_, i) => i);
  if (r !== undefined) order.sort((a, b) => r[a] - r[b]);
  let F = 0;
  let kl = 0;
  for (const i of order) {
    const below = F;
    F += q[i];
    const pi = F ** n - below ** n;
    if (pi > 0) kl += pi * Math.log(pi / q[i]);
  }
  return kl;
}
