/**
 * Exact dyadic numbers m * 2^e (bigint m): the ends of every enclosure (enclosure.ts), compared and subtracted
 * exactly, converted to and from doubles, in pure JS without going through MPFR (grading compares 1e5 values per
 * bonPmf case at L = 1e5). The one place where a binary64 value is turned into its exact value.
 */

/** The exact value m * 2^e; infinities are m = +-1 with e = Infinity. */
export interface Dyadic {
  readonly m: bigint;
  readonly e: number;
}

export const ZERO: Dyadic = { m: 0n, e: 0 };
export const POSITIVE_INFINITY: Dyadic = { m: 1n, e: Number.POSITIVE_INFINITY };
export const NEGATIVE_INFINITY: Dyadic = { m: -1n, e: Number.POSITIVE_INFINITY };

export function isInfinite(x: Dyadic): boolean {
  return x.e === Number.POSITIVE_INFINITY;
}

/** Sign of a dyadic: -1, 0 or 1. */
export function sign(x: Dyadic): number {
  return x.m > 0n ? 1 : x.m < 0n ? -1 : 0;
}

function cmpBig(a: bigint, b: bigint): number {
  return a > b ? 1 : a < b ? -1 : 0;
}

/** Exact comparison: negative, zero or positive as a <, =, > b. */
export function compareDyadic(a: Dyadic, b: Dyadic): number {
  const sa = sign(a);
  const sb = sign(b);
  if (sa !== sb) return sa - sb;
  if (sa === 0) return 0;
  if (isInfinite(a) || isInfinite(b)) {
    if (isInfinite(a) && isInfinite(b)) return 0;
    return isInfinite(a) ? sa : -sa;
  }
  // Same sign, both finite and non-zero: compare magnitudes.
  const ma = a.m < 0n ? -a.m : a.m;
  const mb = b.m < 0n ? -b.m : b.m;
  const topA = a.e + bitLength(ma);
  const topB = b.e + bitLength(mb);
  let magnitude: number;
  if (topA !== topB) magnitude = topA > topB ? 1 : -1;
  else if (a.e >= b.e) magnitude = cmpBig(ma << BigInt(a.e - b.e), mb);
  else magnitude = cmpBig(ma, mb << BigInt(b.e - a.e));
  return sa * magnitude;
}

const view = new DataView(new ArrayBuffer(8));

/** The number of bits of |m| (0 for 0). */
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

function finite(x: Dyadic, what: string): Dyadic {
  if (isInfinite(x)) throw new Error(`${what}: infinite enclosure end`);
  return x;
}

/** a - b, exactly. */
export function subtractDyadic(a: Dyadic, b: Dyadic): Dyadic {
  finite(a, "subtract");
  finite(b, "subtract");
  if (b.m === 0n) return a;
  if (a.m === 0n) return { m: -b.m, e: b.e };
  const e = Math.min(a.e, b.e);
  return { m: (a.m << BigInt(a.e - e)) - (b.m << BigInt(b.e - e)), e };
}

/** floor(sqrt(n)) for n >= 0 (Newton's method from above). */
export function integerSqrt(n: bigint): bigint {
  if (n < 0n) throw new RangeError("integerSqrt of a negative number");
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(bitLength(n) / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** sqrt(x) rounded down (up = false) or up (up = true) to a dyadic with at least `bits` significant bits. */
export function sqrtDyadic(x: Dyadic, bits: number, up: boolean): Dyadic {
  finite(x, "sqrt");
  if (x.m < 0n) throw new RangeError("sqrt of a negative number");
  if (x.m === 0n) return x;
  // x = M * 2^(2j) with M an integer of at least 2 * bits bits, so sqrt(x) = sqrt(M) * 2^j.
  let shift = Math.max(0, 2 * bits - bitLength(x.m));
  if ((x.e - shift) % 2 !== 0) shift += 1;
  const M = x.m << BigInt(shift);
  const j = (x.e - shift) / 2;
  const r = integerSqrt(M);
  return { m: up && r * r !== M ? r + 1n : r, e: j };
}
