/**
 * Fast pure-JS helpers on the oracle's exact dyadic numbers m * 2^e (Dyadic, src/oracle/enclosure.ts) for
 * grading: conversions to and from doubles and differences rounded to a double, without going through MPFR
 * (bonPmf on L = 1e5 outcomes compares 1e5 values per case).
 */
import type { Dyadic } from "../oracle/index.ts";

const view = new DataView(new ArrayBuffer(8));

export function bitLength(m: bigint): number {
  const a = m < 0n ? -m : m;
  if (a === 0n) return 0;
  const hex = a.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(Number.parseInt(hex[0] as string, 16)));
}

/** x * 2^k without intermediate overflow or underflow (k may be far outside [-1074, 1023]). */
export function scaleByPowerOfTwo(x: number, k: number): number {
  let value = x;
  let rest = k;
  while (rest > 1000) {
    value *= 2 ** 1000;
    rest -= 1000;
    if (!Number.isFinite(value)) return value;
  }
  while (rest < -1000) {
    value *= 2 ** -1000;
    rest += 1000;
    if (value === 0) return value;
  }
  return value * 2 ** rest;
}

/** The double nearest to m * 2^e (up to a double rounding in the subnormal range: for display and error models). */
export function dyadicToDouble(d: Dyadic): number {
  if (d.e === Number.POSITIVE_INFINITY) return d.m > 0n ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  if (d.m === 0n) return 0;
  const mantissa = Number(d.m); // correctly rounded to 53 bits while |m| < 2^1024
  if (Number.isFinite(mantissa)) return scaleByPowerOfTwo(mantissa, d.e);
  const extra = bitLength(d.m) - 64;
  return scaleByPowerOfTwo(Number(d.m >> BigInt(extra)), d.e + extra);
}

/** The exact value of a finite double as a dyadic. */
export function doubleToDyadic(x: number): Dyadic {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  if (x === 0) return { m: 0n, e: 0 };
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  const mantissa = biased === 0 ? fraction : fraction | 0x10000000000000n;
  const signed = bits >> 63n === 1n ? -mantissa : mantissa;
  return { m: signed, e: (biased === 0 ? 1 : biased) - 1075 };
}

/** a - b rounded to a double (exact up to that final rounding, except when one operand is negligible). */
export function dyadicDifference(a: Dyadic, b: Dyadic): number {
  if (a.e === Number.POSITIVE_INFINITY || b.e === Number.POSITIVE_INFINITY) return dyadicToDouble(a) - dyadicToDouble(b);
  if (b.m === 0n) return dyadicToDouble(a);
  if (a.m === 0n) return -dyadicToDouble(b);
  const topA = a.e + bitLength(a.m);
  const topB = b.e + bitLength(b.m);
  // One operand below 2^-120 of the other cannot change the double of the difference (beyond a tie).
  if (topA - topB > 120) return dyadicToDouble(a);
  if (topB - topA > 120) return -dyadicToDouble(b);
  const e = Math.min(a.e, b.e);
  const m = (a.m << BigInt(a.e - e)) - (b.m << BigInt(b.e - e));
  return dyadicToDouble({ m, e });
}

/** Natural log of a positive dyadic, as a double, for any exponent (no underflow). -Infinity for 0. */
export function logOfDyadic(d: Dyadic): number {
  if (d.m < 0n) return Number.NaN;
  if (d.m === 0n) return Number.NEGATIVE_INFINITY;
  if (d.e === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
  const extra = Math.max(0, bitLength(d.m) - 64);
  const top = Number(d.m >> BigInt(extra));
  return Math.log(top) + (d.e + extra) * Math.LN2;
}
