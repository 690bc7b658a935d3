/**
 * A box of the (y, v) plane, [y0, y1] x [v0, v1], with exact ends (y1 may be "inf"), and what checking one
 * gives: whether it is proved and the certified lower bound of the quantity that decided it.
 */
import { formatBoxNumber, isInfinite, type BoxNumber } from "./box-number.ts";
import { hull, Interval, mpfr, type Arena } from "./intervals.ts";

export interface Box {
  readonly y0: BoxNumber;
  readonly y1: BoxNumber;
  readonly v0: BoxNumber;
  readonly v1: BoxNumber;
}

/** The outcome of checking one box with one method. */
export interface BoxVerdict {
  readonly ok: boolean;
  /** The certified lower bound of the deciding quantity (its lower end, rounded down), when it was computed. */
  readonly lower?: Interval;
  /** Why the box was not proved (a hypothesis of the method not met, or a lower bound not above 0). */
  readonly reason?: string;
}

/** The enclosure [lo(a), hi(b)] of the segment between two finite box numbers a <= b. */
export function segmentInterval(arena: Arena, a: BoxNumber, b: BoxNumber): Interval {
  if (isInfinite(a) || isInfinite(b)) throw new Error("segmentInterval: infinite end");
  const out = Interval.alloc(arena);
  hull(out, Interval.fromRational(arena, a.num, a.den), Interval.fromRational(arena, b.num, b.den));
  return out;
}

export function describeBox(box: Box): string {
  return `y in [${formatBoxNumber(box.y0)}, ${formatBoxNumber(box.y1)}], v in [${formatBoxNumber(box.v0)}, ${formatBoxNumber(box.v1)}]`;
}

/** A verdict from enclosures that must all be > 0: proved when every lower end is > 0; lower = the smallest. */
export function positiveVerdict(quantities: readonly Interval[], what: string): BoxVerdict {
  let lower = quantities[0];
  if (lower === undefined) throw new Error("positiveVerdict: nothing to decide");
  for (const q of quantities) if (mpfr.mpfr_less_p(q.lo, lower.lo) !== 0) lower = q;
  const ok = quantities.every((q) => q.isPositive());
  return ok ? { ok, lower } : { ok, lower, reason: `${what} is not certainly > 0 (lower end ${lower.loDouble().toPrecision(3)})` };
}

/** A verdict for a box a method cannot take (wrong shape). */
export function refused(reason: string): BoxVerdict {
  return { ok: false, reason };
}
