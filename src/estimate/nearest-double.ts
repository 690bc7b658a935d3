/**
 * A point value from the oracle: the double nearest the exact value, certified. The oracle is asked for enclosures
 * narrow in the relative sense (no absolute floor: a value of 5e-324 is not "zero within 1e-300"), tighter and
 * tighter until both ends of the enclosure round to the same double, which is then the correctly rounded value.
 * When even the precision cap leaves the ends on two sides of a rounding boundary (a value astronomically close to
 * one, or one whose relative accuracy cannot be reached), the double nearest the midpoint is given and marked
 * uncertified, so callers can say so.
 */
import { dyadicToNumber, type Accuracy, type Enclosure } from "../oracle/index.ts";

export interface PointValue {
  /** The correctly rounded double (certified), or the double nearest the enclosure's midpoint. +0, never -0. */
  readonly value: number;
  /** Whether `value` is proven to be the double nearest the exact value. */
  readonly certified: boolean;
  /** The last enclosure computed. */
  readonly enclosure: Enclosure;
}

/** Accuracies tried in turn: a little beyond a double's 2^-53 first, then far beyond, up to 8192 bits. */
export const POINT_ACCURACIES: readonly Accuracy[] = [
  { relative: 2 ** -64, absolute: 0, startPrecision: 96, maxPrecision: 1024 },
  { relative: 2 ** -200, absolute: 0, startPrecision: 1024, maxPrecision: 8192 },
];

/** The double both ends of `e` round to, or null when they round to different doubles (-0 and +0 count as 0). */
export function certifiedDouble(e: Enclosure): number | null {
  const lo = dyadicToNumber(e.lo);
  const hi = dyadicToNumber(e.hi);
  return lo === hi ? lo + 0 : null;
}

/** The point value of a quantity the oracle computes at a given accuracy. */
export function nearestDouble(quantity: (accuracy: Accuracy) => Enclosure): PointValue {
  let enclosure: Enclosure | null = null;
  for (const accuracy of POINT_ACCURACIES) {
    enclosure = quantity(accuracy);
    const value = certifiedDouble(enclosure);
    if (value !== null) return { value, certified: true, enclosure };
  }
  const last = enclosure as Enclosure;
  return { value: last.mid + 0, certified: false, enclosure: last };
}
