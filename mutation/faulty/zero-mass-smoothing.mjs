// @bug zero masses replaced by 1e-12 "to avoid log 0" and p renormalised: zero-mass outcomes get probability
// @op bonPmf
// @caught-in zero-mass
// @right-in standard, large-n, tiny, ties, large-L
// @classes zero-mass: zero-mass/value
//
// Additive smoothing changes the distribution: a zero-mass outcome must get exactly 0 (its tolerance is 0), and
// every other mass moves by about 1e-12 relative. Inputs without zeros are untouched.
export const capabilities = ["bonPmf"];

export function bonPmf({ p, n, r }) {
  const smoothed = p.map((x) => (x === 0 ? 1e-12 : x)); // BUG
  const total = smoothed.reduce((a, b) => a + b, 0);
  const q = smoothed.map((x) => x / total);
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
  return q.map((x, i) => (x / mass.get(rewards[i])) * level.get(rewards[i]));
}
