// @bug reward levels sorted with Array.prototype.sort() and no comparator: as strings, so 10 < 2
// @op bonPmf
// @caught-in ties
// @right-in standard, large-n, tiny, large-L
// @classes ties: ties/value, unordered/value
//
// The classic JavaScript slip: [...new Set(r)].sort() orders 0, 1, 10, 11, 2, ... . Without r the listing order is
// the reward order and is used as it is, so only inputs with rewards of two or more digits go wrong.
export const capabilities = ["bonPmf"];

export function bonPmf({ p, n, r }) {
  const total = p.reduce((a, b) => a + b, 0);
  const q = p.map((x) => x / total);
  const rewards = r ?? q.map((_, i) => i);
  const levels = r === undefined ? rewards : [...new Set(r)].sort(); // BUG: string order
  const mass = new Map(levels.map((v) => [v, 0]));
  q.forEach((x, i) => mass.set(rewards[i], mass.get(rewards[i]) + x));
  const level = new Map();
  let F = 0;
  for (const v of levels) {
    const below = F;
    F += mass.get(v);
    level.set(v, F ** n - below ** n);
  }
  return q.map((x, i) => (x === 0 ? 0 : (x / mass.get(rewards[i])) * level.get(rewards[i])));
}
