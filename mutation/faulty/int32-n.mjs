// @bug n coerced with n | 0 (int32): wraps around for n >= 2^31, so log n is NaN or wrong
// @op klFormula
// @caught-in large-n
// @right-in standard
// @classes large-n: n/non-finite, n/value
// @form program
//
// The bitwise "make it an integer" idiom keeps only 32 bits; klFormula takes n up to 2^53 - 1 in large-n.
import { serve } from "./_serve.mjs";

function klFormula({ n }) {
  const k = n | 0; // BUG
  return Math.log(k) - (k - 1) / k;
}

await serve({ klFormula });
