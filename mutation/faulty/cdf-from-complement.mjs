// @bug the CDF computed as 1 minus the mass above (a survival sum): F of a low outcome loses its digits
// @op bonPmf
// @caught-in standard, tiny
// @right-in large-n
// @classes standard: in-order/value; tiny: in-order/value
//
// F_i = 1 - sum_{j > i} q_j is exact in real arithmetic, but for a small F_i the subtraction cancels: an absolute
// error of about u, a relative error u / F_i, which the n-th power multiplies by n. With n >= 1e4 (large-n) such
// F_i^n underflow to 0 anyway, so the damage is invisible there.
export const capabilities = ["bonPmf"];

export function bonPmf({ p, n }) {
  const total = p.reduce((a, b) => a + b, 0);
  const q = p.map((x) => x / total);
  const F = new Array(q.length);
  let above = 0;
  for (let i = q.length - 1; i >= 0; i--) {
    F[i] = 1 - above; // BUG: cancels for small F
    above += q[i];
  }
  return q.map((_, i) => F[i] ** n - (i === 0 ? 0 : F[i - 1]) ** n);
}
