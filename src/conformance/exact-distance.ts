/**
 * How far a subject's answer lies from the exact value, measured to the nearest end of the oracle's enclosure
 * [lo, hi] (0 inside it), so the oracle's own uncertainty never counts against a subject. Exact: doubles and
 * decimal strings are compared with the dyadic ends without rounding; only the final distance is rounded.
 */
import { compareDyadic, type Dyadic } from "../oracle/index.ts";
import { compareRational, rationalToNumber, type Rational } from "../numerics/rational.ts";
import { doubleToDyadic, dyadicDifference, dyadicToDouble } from "../numerics/dyadic.ts";
import type { NumericAnswer } from "./numeric-answer.ts";

export interface Ends {
  readonly lo: Dyadic;
  readonly hi: Dyadic;
}

function dyadicToRational(d: Dyadic): Rational {
  return d.e >= 0 ? { num: d.m << BigInt(d.e), den: 1n } : { num: d.m, den: 1n << BigInt(-d.e) };
}

function subtract(a: Rational, b: Rational): Rational {
  return { num: a.num * b.den - b.num * a.den, den: a.den * b.den };
}

function doubleDistance(x: number, ends: Ends): number {
  const loApprox = dyadicToDouble(ends.lo);
  const hiApprox = dyadicToDouble(ends.hi);
  // round(lo) < x implies lo <= x for a double x (rounding is monotone); likewise for hi.
  if (loApprox < x && x < hiApprox) return 0;
  const exact = doubleToDyadic(x);
  if (compareDyadic(exact, ends.lo) < 0) return dyadicDifference(ends.lo, exact);
  if (compareDyadic(exact, ends.hi) > 0) return dyadicDifference(exact, ends.hi);
  return 0;
}

function decimalDistance(x: Rational, ends: Ends): number {
  const lo = dyadicToRational(ends.lo);
  const hi = dyadicToRational(ends.hi);
  if (compareRational(x, lo) < 0) return rationalToNumber(subtract(lo, x));
  if (compareRational(x, hi) > 0) return rationalToNumber(subtract(x, hi));
  return 0;
}

/** |answer - [lo, hi]|: 0 inside, else the distance to the nearer end, rounded to a double. */
export function distanceToEnclosure(answer: NumericAnswer, ends: Ends): number {
  return answer.kind === "double" ? doubleDistance(answer.value, ends) : decimalDistance(answer.value, ends);
}

/** |answer - x| for an exact rational x (a reference value), rounded to a double. */
export function distanceToRational(answer: NumericAnswer, x: Rational): number {
  const a = answer.kind === "double" ? dyadicToRational(doubleToDyadic(answer.value)) : answer.value;
  const d = subtract(a, x);
  return Math.abs(rationalToNumber(d));
}
