// @bug the KL's arguments swapped: KL(p || pi_n) instead of KL(pi_n || p)
// @op klBon
// @caught-in standard
// @right-in none
// @classes standard: in-order/non-finite, in-order/value
// @form program
//
// sum_i p_i log(p_i / pi_i): a different divergence (infinite when some pi_i underflows to 0, which JSON
// cannot carry).
import { serve } from "./_serve.mjs";

function klBon({ p, n }) {
  const total = p.reduce((a, b) => a + b, 0);
  let F = 0;
  let kl = 0;
  for (const x of p) {
    const q = x / total;
    const below = F;
    F += q;
    const pi = F ** n - below ** n;
    if (q > 0) kl += q * Math.log(q / pi); // BUG: pi * log(pi / q)
  }
  return kl;
}

await serve({ klBon });
