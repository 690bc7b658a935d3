/**
 * How far a subject's answer lies from the exact value, and whether it lies within a bound of it, measured to the
 * nearest end of the oracle's enclosure [lo, hi] (0 inside it), so the oracle's own uncertainty never counts against
 * a subject.
 *
 * The ends are first widened outward to the grid 2^-GRID_BITS, which moves them by less than 2^-1200: far below every
 * tolerance (at least 64 * 2^-1074) and the room the enclosure already gives (its width, up to tolerance / 2^20).
 * Then "within" is decided exactly for doubles and for decimal strings alike, with work bounded whatever the
 * decimal's length or exponent (numeric-answer.ts explains why a decimal cut at the place 10^-1200 is enough).
 * Only the reported distance is rounded, to a double.
 */
import { compareDyadic, type Dyadic } from "../oracle/index.ts";
import { rationalToNumber, type Rational } from "../numerics/rational.ts";
import { bitLength, doubleToDyadic, dyadicDifference } from "../numerics/dyadic.ts";
import { DECIMAL_PLACES, type DecimalValue, type NumericAnswer } from "./numeric-answer.ts";

/** Enclosure ends are widened outward to multiples of 2^-GRID_BITS. */
export const GRID_BITS = 1200;

export interface Ends {
  readonly lo: Dyadic;
  readonly hi: Dyadic;
}

const LOG2_10 = Math.log2(10);

/** d rounded down (up = false) or up to a multiple of 2^-GRID_BITS. */
export function toGrid(d: Dyadic, up: boolean): Dyadic {
  if (d.e >= -GRID_BITS) return d; // zero (e = 0) included
  const shift = -GRID_BITS - d.e;
  // floor(m / 2^shift); a non-zero m of fewer bits than the shift is below one grid step (floor 0 or -1, inexact).
  const small = shift > bitLength(d.m);
  const floor = small ? (d.m < 0n ? -1n : 0n) : d.m >> BigInt(shift);
  const exact = !small && (d.m & ((1n << BigInt(shift)) - 1n)) === 0n;
  return { m: up && !exact ? floor + 1n : floor, e: -GRID_BITS };
}

/** The ends widened outward to the grid. */
export function gridEnds(ends: Ends): Ends {
  return { lo: toGrid(ends.lo, false), hi: toGrid(ends.hi, true) };
}

function add(a: Dyadic, b: Dyadic): Dyadic {
  if (a.m === 0n) return b;
  if (b.m === 0n) return a;
  const e = Math.min(a.e, b.e);
  return { m: (a.m << BigInt(a.e - e)) + (b.m << BigInt(b.e - e)), e };
}

function negate(a: Dyadic): Dyadic {
  return { m: -a.m, e: a.e };
}

const powersOfFive = new Map<number, bigint>();
function pow5(k: number): bigint {
  let value = powersOfFive.get(k);
  if (value === undefined) {
    value = 5n ** BigInt(k);
    powersOfFive.set(k, value);
  }
  return value;
}

/** Compares |x| (x not huge) with g > 0, a point of the grid when x is inexact: -1, 0 or 1. */
function compareMagnitude(x: DecimalValue, g: Dyadic): number {
  if (x.inexact && g.e < -GRID_BITS) throw new Error(`internal: a cut decimal compared with ${g.m}*2^${g.e}, off the grid`);
  if (x.num === 0n) return -1; // 0 < x < 10^-1200 < 2^-1200 <= g (inexact); an exact 0 has sign 0 and never gets here
  // Magnitudes first: x in [2^(b-1), 2^(b+1)) * 10^-scale, g in [2^(top-1), 2^top).
  const b = bitLength(x.num) - x.scale * LOG2_10;
  const top = g.e + bitLength(g.m);
  if (b + 2 < top - 1) return -1;
  if (b - 2 > top) return 1;
  // num / (2^scale 5^scale) against m 2^e, as integers.
  let left = x.num;
  let right = g.m * pow5(x.scale);
  const twos = -x.scale - g.e;
  if (twos >= 0) left <<= BigInt(twos);
  else right <<= BigInt(-twos);
  if (left < right) return -1; // also when inexact: x < (num + 1) 10^-scale <= g, g being a multiple of 10^-scale
  if (left > right) return 1;
  return x.inexact ? 1 : 0;
}

/** sign(x - g) for a decimal x. */
function compareDecimal(x: DecimalValue, g: Dyadic): number {
  const sg = g.m > 0n ? 1 : g.m < 0n ? -1 : 0;
  if (x.sign !== sg) return x.sign > sg ? 1 : -1;
  if (sg === 0) return 0;
  if (x.huge) return x.sign;
  return x.sign * compareMagnitude(x, sg > 0 ? g : negate(g));
}

/** sign(answer - g), exact; g must be a grid point when the answer is a cut decimal. */
export function compareAnswer(answer: NumericAnswer, g: Dyadic): number {
  return answer.kind === "double" ? Math.sign(compareDyadic(doubleToDyadic(answer.value), g)) : compareDecimal(answer.value, g);
}

/**
 * Whether lo - bound <= answer <= hi + bound, exactly, with the ends widened to the grid (`gridEnds`). A NaN bound
 * admits nothing; an infinite one everything.
 */
export function isWithin(answer: NumericAnswer, ends: Ends, bound: number): boolean {
  if (Number.isNaN(bound)) return false;
  if (bound === Number.POSITIVE_INFINITY) return true;
  const { lo, hi } = gridEnds(ends);
  const b = doubleToDyadic(Math.max(0, bound));
  return compareAnswer(answer, add(lo, negate(b))) >= 0 && compareAnswer(answer, add(hi, b)) <= 0;
}

function dyadicToRational(d: Dyadic): Rational {
  return d.e >= 0 ? { num: d.m << BigInt(d.e), den: 1n } : { num: d.m, den: 1n << BigInt(-d.e) };
}

function decimalToRational(x: DecimalValue): Rational {
  return { num: BigInt(x.sign) * x.num, den: 10n ** BigInt(x.scale) };
}

function subtract(a: Rational, b: Rational): Rational {
  return { num: a.num * b.den - b.num * a.den, den: a.den * b.den };
}

/**
 * |answer - [lo, hi]| (ends widened to the grid): 0 inside, else the distance to the nearer end, rounded to a double
 * (a cut decimal's dropped digits change it by less than 10^-1200). Infinity for a decimal beyond 10^400.
 */
export function distanceToEnclosure(answer: NumericAnswer, ends: Ends): number {
  const grid = gridEnds(ends);
  const above = compareAnswer(answer, grid.hi) > 0;
  const below = !above && compareAnswer(answer, grid.lo) < 0;
  if (!above && !below) return 0;
  if (answer.kind === "double") {
    const x = doubleToDyadic(answer.value);
    return above ? dyadicDifference(x, grid.hi) : dyadicDifference(grid.lo, x);
  }
  if (answer.value.huge) return Number.POSITIVE_INFINITY;
  const x = decimalToRational(answer.value);
  return above ? rationalToNumber(subtract(x, dyadicToRational(grid.hi))) : rationalToNumber(subtract(dyadicToRational(grid.lo), x));
}

/** |answer - x| for an exact rational x (a reference value), rounded to a double. */
export function distanceToRational(answer: NumericAnswer, x: Rational): number {
  if (answer.kind === "decimal" && answer.value.huge) return Number.POSITIVE_INFINITY;
  const a = answer.kind === "double" ? dyadicToRational(doubleToDyadic(answer.value)) : decimalToRational(answer.value);
  return Math.abs(rationalToNumber(subtract(a, x)));
}

/** The finest decimal place of a cut decimal (re-exported for the tests and the spec). */
export { DECIMAL_PLACES };
