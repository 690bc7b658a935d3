// @bug no guard for a zero-mass level: the tie share p_i / g is 0 / 0 = NaN for a zero mass alone in its level
// @op bonPmf
// @caught-in zero-mass
// @right-in standard, large-n, tiny, ties, large-L
// @classes zero-mass: zero-mass/non-finite
//
// pi_i = (p_i / g)(F^n - F_-^n) with g = 0: the formula needs 0 / 0 := 0 (0 log 0 = 0 in spirit). A zero mass
// tied with positive mass (g > 0) still gets 0.
export const capabilities = ["bonPmf"];

export function bonPmf({ p, n, r }) {
  const total = p.reduce((a, b) => a + b, 0);
  const q = p.map((x) => x / total);
  const rewards = r ?? q.map((_, i) => i);
  const levels = [...new Set(rewards)].sort((a, b) => a - b);
  const mass = new Map(levels.map((v) => [v, 0]));
  q.forEach((x, i) => mass.set(rewards[i], mass.get(rewards[i]) + x));
  const level = new Map();
  let F = 0;
  for (const v of levels) {
    const below = F;
    F += mass.get(v);
    level.set(v, F ** n - below ** n);
  }
  return q.map((x, i) => (x / mass.get(rewards[i])) * level.get(rewards[i])); // BUG: NaN when the level's mass is 0
}
