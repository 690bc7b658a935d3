/**
 * Large-y region [Y0, inf]: the numeric hypotheses of the two written tail arguments (spec/proofs.md), which the
 * checker evaluates with certified enclosures. Each returns the enclosures that must be positive.
 *
 * Gap (A >= 0), for y >= Y0 and 0 <= v <= v1 < 1, with s = 2: where vy >= s,
 *   phi(vy) - phi(y) - (1-v) >= h(v) + log(1 - e^-s) >= h(v1) + log(1 - e^-s),   h(v) = -log v - (1 - v) decreasing;
 * where vy <= s, phi(vy) - phi(y) - (1-v) >= log y - s/2 - 1 >= log Y0 - s/2 - 1. So A > 0 when both are > 0,
 * and at y = inf A = h(v) >= h(v1) > 0.
 *
 * Slope (dA/dy >= 0), for y >= Y0 and 0 <= v <= 1/2: dA/dy >= e^-y ((e^{y/2} - 1)/2 - y), and
 * e^{y/2} - 1 - 2y is increasing for y >= 2 log 4; so e^{Y0/2} - 1 - 2 Y0 > 0 and Y0 >= 2 log 4 suffice.
 */
import { Interval } from "./intervals.ts";

/** The split point s of the gap's tail argument. */
export const GAP_TAIL_SPLIT = 2;

/** [h(v1) + log(1 - e^-s), log Y0 - s/2 - 1] for the gap's tail; both must be > 0. */
export function gapTailHypotheses(y0: Interval, v1: Interval): Interval[] {
  const s = Interval.fromDouble(y0.arena, GAP_TAIL_SPLIT);
  const h = v1.log().neg().sub(v1.neg().addDouble(1));
  const far = h.add(s.neg().expm1().neg().log());
  const near = y0.log().sub(s.scale(0.5)).addDouble(-1);
  return [far, near];
}

/** [e^{Y0/2} - 1 - 2 Y0, Y0 - 2 log 4] for the slope's tail; both must be > 0. */
export function slopeTailHypotheses(y0: Interval): Interval[] {
  const growth = y0.scale(0.5).expm1().sub(y0.scale(2));
  const convex = y0.sub(Interval.fromDouble(y0.arena, 4).log().scale(2));
  return [growth, convex];
}
