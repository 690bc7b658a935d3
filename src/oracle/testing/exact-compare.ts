/** Exact comparisons between dyadic enclosure ends and rationals, for tests. */
import type { Dyadic } from "../enclosure.ts";
import type { Rational } from "../input/rational.ts";
import { rationalFromString } from "../input/rational.ts";
import type { Enclosure } from "../enclosure.ts";

function bits(x: bigint): number {
  return (x < 0n ? -x : x).toString(2).length;
}

/** Sign of (d - r) for a finite dyadic d and a rational r (den > 0). */
export function compareDyadicRational(d: Dyadic, r: Rational): number {
  if (!Number.isFinite(d.e)) return d.m > 0n ? 1 : -1;
  const sd = d.m > 0n ? 1 : d.m < 0n ? -1 : 0;
  const sr = r.num > 0n ? 1 : r.num < 0n ? -1 : 0;
  if (sd !== sr || sd === 0) return sd - sr;
  // same sign, both non-zero: compare magnitudes by size first
  const sizeD = bits(d.m) + d.e;
  const sizeR = bits(r.num) - bits(r.den);
  if (sizeD > sizeR + 2) return sd;
  if (sizeD < sizeR - 2) return -sd;
  const left = d.m * r.den;
  const l = d.e >= 0 ? left << BigInt(d.e) : left;
  const rr = d.e >= 0 ? r.num : r.num << BigInt(-d.e);
  return l > rr ? 1 : l < rr ? -1 : 0;
}

/** Whether lo <= r <= hi exactly. */
export function enclosureContains(e: Enclosure, r: Rational): boolean {
  return compareDyadicRational(e.lo, r) <= 0 && compareDyadicRational(e.hi, r) >= 0;
}

/**
 * Whether the enclosure meets a decimal reference value given to `digits` significant digits, i.e.
 * intersects [v - u, v + u] with u half a unit in its last place (the reference's own rounding error).
 */
export function enclosureMeetsDecimal(e: Enclosure, value: string, digits: number): boolean {
  const v = rationalFromString(value);
  if (v === null) throw new Error(`not a decimal: ${value}`);
  if (v.num === 0n) return compareDyadicRational(e.lo, v) <= 0 && compareDyadicRational(e.hi, v) >= 0;
  const exponent = Math.floor(Math.log10(Math.abs(Number(value.split(/e/i)[0])))) + Number(value.split(/e/i)[1] ?? 0);
  const ulpExp = exponent - digits + 1; // half of 10^ulpExp
  const half: Rational = ulpExp >= 0 ? { num: 5n * 10n ** BigInt(ulpExp), den: 10n } : { num: 5n, den: 10n ** BigInt(-ulpExp + 1) };
  const low: Rational = { num: v.num * half.den - half.num * v.den, den: v.den * half.den };
  const high: Rational = { num: v.num * half.den + half.num * v.den, den: v.den * half.den };
  return compareDyadicRational(e.lo, high) <= 0 && compareDyadicRational(e.hi, low) >= 0;
}
