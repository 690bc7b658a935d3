// @bug zero masses dropped from p but not from r: the rewards no longer line up with their masses
// @op klBon
// @caught-in zero-mass
// @right-in standard, large-n, tiny, ties, large-L
// @classes zero-mass: zero-mass/value
//
// Dropping zeros is harmless for the KL (they contribute 0 log 0 = 0) only if every parallel array is filtered
// the same way. Here r keeps its zero-mass entries, so each mass after the first dropped zero takes the reward of
// its neighbour. Without r, or without zeros, nothing is misaligned.
export const capabilities = ["klBon"];

export function klBon({ p, n, r }) {
  const kept = p.filter((x) => x > 0);
  const rewards = r ?? kept.map((_, i) => i); // BUG: r should be filtered with p
  const total = kept.reduce((a, b) => a + b, 0);
  const q = kept.map((x) => x / total);
  const levels = [...new Set(rewards.slice(0, q.length))].sort((a, b) => a - b);
  const mass = new Map(levels.map((v) => [v, 0]));
  q.forEach((x, i) => mass.set(rewards[i], mass.get(rewards[i]) + x));
  let F = 0;
  let kl = 0;
  for (const v of levels) {
    const g = mass.get(v);
    const below = F;
    F += g;
    const P = F ** n - below ** n;
    if (P > 0) kl += P * Math.log(P / g);
  }
  return kl;
}
