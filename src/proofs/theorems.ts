/**
 * The theorems bonkl proves over the continuum, each as: the quantity that must be >= 0 on the domain
 * y in (0, inf], v in [0, 1/2] (every integer n >= 2, and the limit n -> inf) plus the line v = 1 (n = 1), and
 * one box check per region method. A check returns a certified lower bound of the quantity that decides the box:
 *
 *   taylor    small y: the polynomial lower bounds of taylor-models.ts (y1 finite; y0 may be 0)
 *   interval  the quantity itself over the box, in interval arithmetic (0 < y0, y1 finite)
 *   tail      y in [Y0, inf]: the numeric hypotheses of the written tail argument of tail-bounds.ts
 *
 * The line v = 1 is the method "exact-n1" (n-equals-one.ts), common to both theorems.
 */
import { compareBoxNumbers, isInfinite, isZero, type BoxNumber } from "./box-number.ts";
import { positiveVerdict, refused, segmentInterval, type Box, type BoxVerdict } from "./box.ts";
import { gapOverBox, gapSlopeOverBox } from "./gap-forms.ts";
import { Interval, type Arena } from "./intervals.ts";
import { gapTailHypotheses, slopeTailHypotheses } from "./tail-bounds.ts";
import { gapTaylorLowerOverBox, slopeTaylorLowerOverBox } from "./taylor-models.ts";

export type BoxMethod = "taylor" | "interval" | "tail";
export type RegionMethod = "exact-n1" | BoxMethod;
export const BOX_METHODS: readonly BoxMethod[] = ["taylor", "interval", "tail"];
export const REGION_METHODS: readonly RegionMethod[] = ["exact-n1", ...BOX_METHODS];

export type BoxCheck = (arena: Arena, box: Box) => BoxVerdict;

export interface Theorem {
  readonly id: string;
  readonly title: string;
  /** The statement, in the paper's variables. */
  readonly statement: string;
  /** The quantity proved >= 0 in (y, v), as the spec page names it. */
  readonly quantity: string;
  readonly checks: Readonly<Record<BoxMethod, BoxCheck>>;
}

const HALF: BoxNumber = { num: 1n, den: 2n };

function boxIntervals(arena: Arena, box: Box): { y: Interval; v: Interval } {
  return { y: segmentInterval(arena, box.y0, box.y1), v: segmentInterval(arena, box.v0, box.v1) };
}

/** Shape requirements shared by the methods; undefined when the box is acceptable. */
function shapeProblem(box: Box, method: BoxMethod): string | undefined {
  if (isInfinite(box.v1) || compareBoxNumbers(box.v1, { num: 1n, den: 1n }) >= 0) return "v1 must be < 1";
  if (method === "tail") {
    if (!isInfinite(box.y1)) return "a tail box must end at y = inf";
    if (isInfinite(box.y0) || isZero(box.y0)) return "a tail box must start at a finite y0 > 0";
    return undefined;
  }
  if (isInfinite(box.y1)) return `a ${method} box must end at a finite y1`;
  if (method === "interval" && isZero(box.y0)) return "an interval box must start at y0 > 0";
  return undefined;
}

function guarded(method: BoxMethod, check: BoxCheck): BoxCheck {
  return (arena, box) => {
    const problem = shapeProblem(box, method);
    return problem === undefined ? check(arena, box) : refused(problem);
  };
}

export const gapTheorem: Theorem = {
  id: "gap-nonnegative",
  title: "Theorem 3's lower bound is non-negative (hence Theorem 1, Corollary 1)",
  statement:
    "For every real e in (0, 1] and every integer n >= 1, A(e, n) = log n - (n-1)/n - KLhat(e) >= 0, with KLhat of " +
    "Eq. (28); A(e, n) is the right-hand side of Theorem 3, Eq. (21).",
  quantity: "A(y, v)",
  checks: {
    taylor: guarded("taylor", (arena, box) => {
      const { y, v } = boxIntervals(arena, box);
      return positiveVerdict([gapTaylorLowerOverBox(y.scale(0.5), v)], "pA");
    }),
    interval: guarded("interval", (arena, box) => {
      const { y, v } = boxIntervals(arena, box);
      return positiveVerdict([gapOverBox(y, v)], "A");
    }),
    tail: guarded("tail", (arena, box) => {
      const y0 = segmentInterval(arena, box.y0, box.y0);
      const v1 = segmentInterval(arena, box.v1, box.v1);
      if (isZero(box.v1)) return refused("a tail box needs v1 > 0");
      return positiveVerdict(gapTailHypotheses(y0, v1), "a tail hypothesis");
    }),
  },
};

export const slopeTheorem: Theorem = {
  id: "estimate-nonincreasing",
  title: "KLhat(e) is non-increasing in e (hence E[KLhat(e_n)] >= KL, the paper's conjecture)",
  statement:
    "For every integer n >= 1, KLhat(e) of Eq. (28) is non-increasing in e on (0, 1]: for n >= 2, d/de KLhat(e) = " +
    "-(n/(1-e)) dA/dy <= 0 on (0, 1), and KLhat is continuous at e = 1.",
  quantity: "dA/dy(y, v)",
  checks: {
    taylor: guarded("taylor", (arena, box) => {
      const { y, v } = boxIntervals(arena, box);
      const x = y.scale(0.5);
      const pA = gapTaylorLowerOverBox(x, v);
      const pDx = slopeTaylorLowerOverBox(x, v);
      if (!pA.isNonNegative()) return { ok: false, lower: pA, reason: "pA is not certainly >= 0" };
      return positiveVerdict([pDx], "pDx");
    }),
    interval: guarded("interval", (arena, box) => {
      const { y, v } = boxIntervals(arena, box);
      return positiveVerdict([gapSlopeOverBox(y, v)], "dA/dy");
    }),
    tail: guarded("tail", (arena, box) => {
      if (compareBoxNumbers(box.v1, HALF) > 0) return refused("the slope's tail argument needs v1 <= 1/2");
      return positiveVerdict(slopeTailHypotheses(segmentInterval(arena, box.y0, box.y0)), "a tail hypothesis");
    }),
  },
};

export const THEOREMS: readonly Theorem[] = [gapTheorem, slopeTheorem];

export function theoremById(id: string): Theorem | undefined {
  return THEOREMS.find((t) => t.id === id);
}
