// @bug base-2 logarithm: the Renyi entropy returned in bits instead of nats
// @op renyi2
// @caught-in standard
// @right-in none
// @classes standard: in-order/value
//
// The protocol's quantities are in nats (natural logarithms); Math.log2 gives H_2 / ln 2.
export const capabilities = ["renyi2"];

export function renyi2({ p }) {
  const total = p.reduce((a, b) => a + b, 0);
  return -Math.log2(p.reduce((s, x) => s + (x / total) ** 2, 0));
}
