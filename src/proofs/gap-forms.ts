/**
 * The gap lower bound A of Theorem 3 and its y-derivative in the coordinates y = n log(1/(1-e)), v = 1/n,
 * evaluated over a box Y x V with interval arithmetic (naive interval forms, phi and B through their
 * monotonicity):
 *
 *   A(y, v)     = (1 - e^-y) [phi(vy) - phi(y) - (1 - v)] + (1 - v) y e^-y
 *   dA/dy(y, v) = e^-y [phi(vy) - phi(y) - (1 - v) y] + (1 - e^-y) (B(vy) - B(y)) / y
 *
 * Both are derived in spec/proofs.md; gap-forms.test.ts checks them against Eq. (21) and Eq. (28) in the
 * paper's own variables (e, n) and against difference quotients.
 */
import type { Interval } from "./intervals.ts";
import { bernoulliRatio, phi } from "./monotone-functions.ts";

/** A over the box Y x V (Y finite with Y > 0 or Y = [0, ...] allowed only through phi's limit, V within [0, 1]). */
export function gapOverBox(y: Interval, v: Interval): Interval {
  const oneMinusV = v.neg().addDouble(1);
  const bracket = phi(v.mul(y)).sub(phi(y)).sub(oneMinusV);
  const expMinusY = y.neg().exp();
  const oneMinusExp = y.neg().expm1().neg();
  return oneMinusExp.mul(bracket).add(oneMinusV.mul(y).mul(expMinusY));
}

/** dA/dy over the box Y x V (Y > 0 finite, V within [0, 1]). */
export function gapSlopeOverBox(y: Interval, v: Interval): Interval {
  const oneMinusV = v.neg().addDouble(1);
  const vy = v.mul(y);
  const first = y.neg().exp().mul(phi(vy).sub(phi(y)).sub(oneMinusV.mul(y)));
  const second = y.neg().expm1().neg().mul(bernoulliRatio(vy).sub(bernoulliRatio(y))).div(y);
  return first.add(second);
}
