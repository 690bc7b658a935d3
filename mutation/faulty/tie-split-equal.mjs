// @bug a tie level's probability split equally among its outcomes instead of in proportion p_i / g
// @op bonPmf
// @caught-in ties
// @right-in standard, large-n, tiny, large-L
// @classes ties: ties/value
//
// The winner among tied maximal draws is uniform over the *draws*, not over the tied outcomes: an outcome of a
// tie group gets (p_i / g)(F^n - F_-^n), not (F^n - F_-^n) / (size of the group).
export const capabilities = ["bonPmf"];

export function bonPmf({ p, n, r }) {
  const total = p.reduce((a, b) => a + b, 0);
  const q = p.map((x) => x / total);
  const rewards = r ?? q.map((_, i) => i);
  const levels = [...new Set(rewards)].sort((a, b) => a - b);
  const mass = new Map(levels.map((v) => [v, 0]));
  const size = new Map(levels.map((v) => [v, 0]));
  q.forEach((x, i) => {
    mass.set(rewards[i], mass.get(rewards[i]) + x);
    size.set(rewards[i], size.get(rewards[i]) + 1);
  });
  const level = new Map();
  let F = 0;
  for (const v of levels) {
    const below = F;
    F += mass.get(v);
    level.set(v, F ** n - below ** n);
  }
  return q.map((x, i) => level.get(rewards[i]) / size.get(rewards[i])); // BUG: should be (x / mass) * level
}
