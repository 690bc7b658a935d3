// @bug float32 arithmetic: every intermediate rounded with Math.fround (as in a Float32Array or a GPU kernel)
// @op klBon
// @caught-in standard
// @right-in none
// @classes standard: in-order/value
// @form program
//
// Single precision carries 24 bits: relative errors of 6e-8 where the tolerance allows about 64 u = 7e-15.
import { serve } from "./_serve.mjs";

const f = Math.fround;

function klBon({ p, n }) {
  const total = f(p.reduce((a, b) => f(a + f(b)), 0));
  let F = 0;
  let kl = 0;
  for (const x of p) {
    const q = f(f(x) / total);
    const below = F;
    F = f(F + q);
    const pi = f(f(F ** n) - f(below ** n));
    if (pi > 0) kl = f(kl + f(pi * f(Math.log(f(pi / q)))));
  }
  return kl;
}

await serve({ klBon });
