// @bug off-by-one in F_-: the mass below an outcome taken as F - p_i instead of F - g (its whole tie level)
// @op bonPmf
// @caught-in ties
// @right-in standard, large-n, tiny, large-L
// @classes ties: ties/value
//
// F_-(y) = P[r(z) < r(y)] read as "the CDF at y minus y itself": right when every level holds one outcome, wrong
// for a tie group, whose outcomes each get F^n - (F - p_i)^n as if they stood alone at the top of the level.
export const capabilities = ["bonPmf"];

export function bonPmf({ p, n, r }) {
  const total = p.reduce((a, b) => a + b, 0);
  const q = p.map((x) => x / total);
  const rewards = r ?? q.map((_, i) => i);
  const levels = [...new Set(rewards)].sort((a, b) => a - b);
  const mass = new Map(levels.map((v) => [v, 0]));
  q.forEach((x, i) => mass.set(rewards[i], mass.get(rewards[i]) + x));
  const atOrBelow = new Map();
  let F = 0;
  for (const v of levels) {
    F += mass.get(v);
    atOrBelow.set(v, F);
  }
  return q.map((x, i) => {
    const Fi = atOrBelow.get(rewards[i]);
    return Fi ** n - (Fi - x) ** n; // BUG: F_- is Fi - (mass of the level)
  });
}
