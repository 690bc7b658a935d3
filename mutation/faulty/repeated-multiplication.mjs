// @bug F^n by repeated multiplication: n roundings, which below the normal range pile up instead of cancelling
// @op bonPmf
// @caught-in tiny
// @right-in standard, ties, zero-mass
// @classes tiny: in-order/value
//
// In the normal range the n roundings cost at most n u F^n, inside the tolerance's n (2L + |log F|) u F^n. But
// when F^n sinks through the subnormals (F near 1, n up to 1e6: the tiny domain) each product is rounded to a
// multiple of 2^-1074, and a product y F that differs from y by less than half a step stays y: the power stalls
// above its value (by more than the tolerance floor, 64 steps of 2^-1074, in a few cases of 100). It is also O(n)
// per outcome: n up to 1e9 in large-n would take minutes.
export const capabilities = ["bonPmf"];

function power(x, n) {
  let y = 1;
  for (let k = 0; k < n; k++) y *= x; // BUG: Math.exp(n * Math.log(x)) or x ** n
  return y;
}

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
    level.set(v, power(F, n) - power(below, n));
  }
  return q.map((x, i) => (x === 0 ? 0 : (x / mass.get(rewards[i])) * level.get(rewards[i])));
}
