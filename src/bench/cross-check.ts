/**
 * Correctness cross-checks printed next to the speed figures, decided exactly (bigint rationals and dyadics, no
 * float64): does mpmath's uncertified value carry the digits asked, and do Arb's ball and bonkl's enclosure agree.
 */
import { compareDyadic, type Dyadic, type Enclosure } from "../oracle/index.ts";
import { compareRational, rationalFromDecimal, type Rational } from "../numerics/rational.ts";

function sub(a: Rational, b: Rational): Rational {
  return { num: a.num * b.den - b.num * a.den, den: a.den * b.den };
}
function abs(a: Rational): Rational {
  return a.num < 0n ? { num: -a.num, den: a.den } : a;
}
function mul(a: Rational, b: Rational): Rational {
  return { num: a.num * b.num, den: a.den * b.den };
}
function min(a: Rational, b: Rational): Rational {
  return compareRational(a, b) <= 0 ? a : b;
}
function parse(text: string): Rational {
  const r = rationalFromDecimal(text);
  if (r === null) throw new Error(`not a decimal: ${JSON.stringify(text)}`);
  return r;
}

/**
 * Whether `value` is within 10^-digits relative error of every point of [lo, hi] (decimal strings; bonkl serve's
 * enclosure is rounded outward, so it contains the exact value): then `value` has `digits` correct digits. An
 * enclosure containing 0 is judged with the absolute error 10^-digits instead.
 */
export function hasCorrectDigits(value: string, enclosure: readonly [string, string], digits: number): boolean {
  const v = parse(value);
  const lo = parse(enclosure[0]);
  const hi = parse(enclosure[1]);
  const tenth: Rational = { num: 1n, den: 10n ** BigInt(digits) };
  const straddles = lo.num <= 0n && hi.num >= 0n;
  const tolerance = straddles ? tenth : mul(tenth, min(abs(lo), abs(hi)));
  return compareRational(abs(sub(v, lo)), tolerance) <= 0 && compareRational(abs(sub(v, hi)), tolerance) <= 0;
}

/** (a + b) / 2, exactly. */
function midpoint(a: Dyadic, b: Dyadic): Dyadic {
  const e = Math.min(a.e, b.e);
  return { m: (a.m << BigInt(a.e - e)) + (b.m << BigInt(b.e - e)), e: e - 1 };
}

/**
 * How Arb's ball [lo, hi] sits against bonkl's enclosure. Both are certified, so they must intersect (disjoint would
 * prove one of them wrong); `midpointInside`: Arb's result (the ball's midpoint) lies inside bonkl's enclosure.
 * Both are typically far narrower than the digits asked, so neither need contain the other.
 */
export function arbAgreement(arb: { lo: Dyadic; hi: Dyadic }, bonkl: Enclosure): { intersects: boolean; midpointInside: boolean } {
  const intersects = compareDyadic(arb.lo, bonkl.hi) <= 0 && compareDyadic(bonkl.lo, arb.hi) <= 0;
  return { intersects, midpointInside: bonkl.contains(midpoint(arb.lo, arb.hi)) };
}
