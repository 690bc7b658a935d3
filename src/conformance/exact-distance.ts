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
import { bitLength, doubleToDyadic, dyadicDifference, sign } from "../numerics/dyadic.ts";
import { DECIMAL_PLACES, type DecimalValue, type NumericAnswer } from "./numeric-answer.ts";

/** Enclosure ends are widened outward to multiples of 2^-GRID_BITS. */
export const GRID_BITS = 1200;

export interface Ends {
  readonly lo: Dyadic;
  readonly hi: Dyadic;
}

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
  const e = Math.min(a.e, b.e);
  return { m: (a.m << BigInt(a.e - e)) + (b.m << BigInt(b.e - e)), e };
}

/** 5^k, remembered (k <= DECIMAL_PLACES: a decimal's scale). */
const powersOfFive = new Map<number, bigint>();
function pow5(k: number): bigint {
  let value = powersOfFive.get(k);
  if (value === undefined) {
    value = 5n ** BigInt(k);
    powersOfFive.set(k, value);
  }
  return value;
}

type FiniteDecimal = Extract<DecimalValue, { huge: false }>;

/**
 * Compares |x| with |g| (g a point of the grid when x is cut): -1, 0 or 1, as num / (2^scale 5^scale) against
 * m 2^e in integers of a few thousand bits at most (scale <= 1200, e >= -1200 on the grid, values below 2^1024).
 */
function compareMagnitude(x: FiniteDecimal, m: bigint, e: number): number {
  const twos = -x.scale - e;
  const left = x.num * 2n ** BigInt(Math.max(0, twos));
  const right = m * pow5(x.scale) * 2n ** BigInt(Math.max(0, -twos));
  // also when cut, left < right means x < g: x < (num + 1) 10^-scale <= g, a multiple of 10^-1200
  const c = Number(left > right) - Number(left < right);
  return c === 0 && x.inexact ? 1 : c;
}

/** sign(x - g) for a decimal x. */
function compareDecimal(x: DecimalValue, g: Dyadic): number {
  const sg = sign(g);
  if (x.sign !== sg) return Math.sign(x.sign - sg);
  if (x.huge) return x.sign;
  return x.sign * compareMagnitude(x, g.m * BigInt(x.sign), g.e) + 0; // + 0: never -0
}

/** sign(answer - g), exact; g must be a grid point when the answer is a cut decimal. */
export function compareAnswer(answer: NumericAnswer, g: Dyadic): number {
  return answer.kind === "double" ? Math.sign(compareDyadic(doubleToDyadic(answer.value), g)) : compareDecimal(answer.value, g);
}

/**
 * Whether lo - bound <= answer <= hi + bound, exactly, with the ends widened to the grid (`gridEnds`). A NaN bound
 * admits nothing; an infinite one everything; a negative one counts as 0.
 */
export function isWithin(answer: NumericAnswer, ends: Ends, bound: number): boolean {
  if (Number.isNaN(bound)) return false;
  if (bound === Number.POSITIVE_INFINITY) return true;
  const { lo, hi } = gridEnds(ends);
  const b = doubleToDyadic(Math.max(0, bound));
  return compareAnswer(answer, add(lo, negate(b))) >= 0 && compareAnswer(answer, add(hi, b)) <= 0;
}

function negate(a: Dyadic): Dyadic {
  return { m: -a.m, e: a.e };
}

function dyadicToRational(d: Dyadic): Rational {
  return { num: d.m << BigInt(Math.max(0, d.e)), den: 1n << BigInt(Math.max(0, -d.e)) };
}

function decimalToRational(x: FiniteDecimal): Rational {
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
  const { lo, hi } = gridEnds(ends);
  if (answer.kind === "double") {
    const x = doubleToDyadic(answer.value);
    return Math.max(0, dyadicDifference(x, hi), dyadicDifference(lo, x));
  }
  if (answer.value.huge) return Number.POSITIVE_INFINITY;
  const x = decimalToRational(answer.value);
  return Math.max(0, rationalToNumber(subtract(x, dyadicToRational(hi))), rationalToNumber(subtract(dyadicToRational(lo), x)));
}

/** |answer - x| for an exact rational x (a reference value), rounded to a double. */
export function distanceToRational(answer: NumericAnswer, x: Rational): number {
  if (answer.kind === "double") return Math.abs(rationalToNumber(subtract(dyadicToRational(doubleToDyadic(answer.value)), x)));
  return answer.value.huge ? Number.POSITIVE_INFINITY : Math.abs(rationalToNumber(subtract(decimalToRational(answer.value), x)));
}

/** The finest decimal place of a cut decimal (re-exported for the tests and the spec). */
export { DECIMAL_PLACES };
