// @bug n passed through a Float32Array slot: rounded to 24 bits, so n > 2^24 = 16777216 loses its low bits
// @op klEstimateUpper
// @caught-in large-n
// @right-in standard, tiny
// @classes large-n: eps/value
//
// The careful float64 library (src/float), fed n from a float32 buffer. Every n <= 1e6 (standard, tiny) is exact
// in float32; from 2^24 on, n is rounded to a multiple of 2, 4, 8..., a relative change up to 2^-25 = 3e-8.
// KLhat_1 = log((1 - (1-eps)^n) / eps) is about log n when n eps is small, so it moves by up to 3e-8, while the
// tolerance is 64 u (|value| + |log eps| + log n + 1), below 1e-12.
import { klEstimateUpper as careful } from "../../src/float/subject.ts";

export const capabilities = ["klEstimateUpper"];

const slot = new Float32Array(1);

export function klEstimateUpper(args: { n: number; eps?: number; logEps?: number }): number {
  slot[0] = args.n; // BUG: a float32 slot
  return careful({ ...args, n: slot[0] });
}
