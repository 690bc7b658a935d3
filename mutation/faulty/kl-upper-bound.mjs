// @bug the upper bound log n - (n-1)/n (Eq. 5) returned as the exact KL
// @op klBon
// @caught-in standard
// @right-in none
// @classes standard: in-order/value
//
// The "commonly used analytical expression" the paper disproves: Theorem 1 makes it an upper bound on the KL,
// equal to it only at n = 1 (and close to it only when n eps << 1).
export const capabilities = ["klBon"];

export function klBon({ n }) {
  return Math.log(n) - (n - 1) / n;
}
