/**
 * Small-y region: polynomial lower bounds with certified remainders, in x = y/2. With
 *   D(x, v) = (1 - v)(x coth x - 1) - Lsh(x) + Lsh(vx),   Lsh(x) = log(sinh(x)/x),
 * A = (1 - e^-y) D(y/2, v) exactly, and from the partial fractions of coth and the product of sinh
 * (spec/proofs.md, "Analytic facts"), for every x >= 0 and v in [0, 1]:
 *
 *   D(x, v)   >= x^2 pA(x, v),   pA  = (1-v)^2/6 - x^2 ((1-v)/45 + v^4/180)
 *   dD/dx     >= x   pDx(x, v),  pDx = (1-v)^2/3 - x^2 (v^4 + 4(1-v))/45
 *
 * and dA/dy = e^-y D + (1 - e^-y) (dD/dx) / 2. So pA > 0 on a box proves A > 0 there (y > 0), and pA >= 0 with
 * pDx > 0 proves dA/dy > 0. These functions enclose pA and pDx over a box.
 */
import { Interval } from "./intervals.ts";

/** (1-v)^2/6 - x^2 ((1-v)/45 + v^4/180) over the box X x V. */
export function gapTaylorLowerOverBox(x: Interval, v: Interval): Interval {
  const w = v.neg().addDouble(1);
  const v4 = v.square().square();
  const remainder = w.div(fromInt(x, 45)).add(v4.div(fromInt(x, 180)));
  return w.square().div(fromInt(x, 6)).sub(x.square().mul(remainder));
}

/** (1-v)^2/3 - x^2 (v^4 + 4(1-v))/45 over the box X x V. */
export function slopeTaylorLowerOverBox(x: Interval, v: Interval): Interval {
  const w = v.neg().addDouble(1);
  const v4 = v.square().square();
  const remainder = v4.add(w.scale(4)).div(fromInt(x, 45));
  return w.square().div(fromInt(x, 3)).sub(x.square().mul(remainder));
}

function fromInt(like: Interval, k: number): Interval {
  return Interval.fromDouble(like.arena, k);
}
