/**
 * Exact rational numbers for the oracle's inputs. A JSON number means its exact binary64 value; a string
 * means the exact decimal it spells ("1e-30", "0.1") or a ratio of two decimals ("1/3"). Decimal strings
 * are parsed and validated by big.js, then turned into bigint fractions: nothing is rounded.
 */
import Big from "big.js";
import { bitLength, doubleToDyadic, scaleByPowerOfTwo } from "./dyadic.ts";

/** num / den with den > 0 (not necessarily in lowest terms). */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

/**
 * A rational whose denominator is known to be 2^twos 5^fives exactly (not necessarily in lowest terms): every JSON
 * number (den 2^k) and every decimal string (den 10^k) is one. Sums of them, and their numerators over a common
 * denominator, then need shifts and small powers of 5, never a division of two large integers: a p of 1000 masses
 * such as "3e-99512" (330,000-bit denominators) is summed in milliseconds instead of seconds.
 */
export interface ScaledRational extends Rational {
  readonly twos: number;
  readonly fives: number;
}

/** Largest decimal exponent accepted in a string (keeps bigints of reasonable size). */
export const MAX_DECIMAL_EXPONENT = 100_000;

/** The exact value of a finite double. */
export function rationalFromDouble(x: number): Rational {
  const { num, den } = scaledFromDouble(x);
  return { num, den };
}

function reduceTwos(num: bigint, shift: number): ScaledRational {
  let n = num;
  let s = shift;
  while (s > 0 && (n & 1n) === 0n) {
    n >>= 1n;
    s--;
  }
  return { num: n, den: 1n << BigInt(s), twos: s, fives: 0 };
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * base^k for one base, as a bigint. A large power is the power of its block of 1024 exponents (the last 16 blocks
 * are remembered) times a small power: a long array of strings such as "1e-100000", or of distinct exponents from
 * 1e-99000 to 1e-99999, then costs one 330,000-bit exponentiation (about 5 ms) per block instead of one per entry,
 * and a multiplication linear in the size for each entry.
 */
function blockPowers(base: bigint): (k: number) => bigint {
  const BLOCK = 1024;
  const remembered = new Map<number, bigint>();
  return (k) => {
    if (k < BLOCK) return base ** BigInt(k);
    const rest = k % BLOCK;
    const block = k - rest;
    let power = remembered.get(block);
    if (power === undefined) {
      power = base ** BigInt(block);
      if (remembered.size >= 16) remembered.delete(remembered.keys().next().value as number);
      remembered.set(block, power);
    }
    return rest === 0 ? power : power * base ** BigInt(rest);
  };
}

/** 10^k as a bigint. */
const pow10 = blockPowers(10n);

/** 5^k as a bigint. */
export const pow5 = blockPowers(5n);

/** num * 2^twos 5^fives (twos, fives >= 0). */
export function scaleUp(num: bigint, twos: number, fives: number): bigint {
  const scaled = fives === 0 ? num : num * pow5(fives);
  return twos === 0 ? scaled : scaled << BigInt(twos);
}

/** The exact value of a double, with its denominator's form (2^k). */
export function scaledFromDouble(x: number): ScaledRational {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  if (x === 0) return { num: 0n, den: 1n, twos: 0, fives: 0 };
  const { m: signed, e: exponent } = doubleToDyadic(x); // x = signed * 2^exponent exactly
  return exponent >= 0 ? { num: signed << BigInt(exponent), den: 1n, twos: 0, fives: 0 } : reduceTwos(signed, -exponent);
}

/**
 * The exact sum of rationals of known denominator form, over the common denominator 2^max(twos) 5^max(fives): shifts,
 * multiplications by 5^(difference) and additions only.
 */
export function sumScaled(values: readonly ScaledRational[]): ScaledRational {
  // one pass: the sum so far is num / (2^twos 5^fives); a term of a finer denominator rescales the sum instead
  let num = 0n;
  let twos = 0;
  let fives = 0;
  for (const v of values) {
    if (v.num === 0n) continue;
    if (v.twos > twos || v.fives > fives) {
      const t = Math.max(twos, v.twos);
      const f = Math.max(fives, v.fives);
      num = scaleUp(num, t - twos, f - fives);
      twos = t;
      fives = f;
    }
    num += v.twos === twos && v.fives === fives ? v.num : scaleUp(v.num, twos - v.twos, fives - v.fives);
  }
  return { num, den: scaleUp(1n, twos, fives), twos, fives };
}

/** The exact value of a decimal string, or null when the string is not a decimal. */
export function rationalFromDecimal(text: string): Rational | null {
  const r = scaledFromDecimal(text);
  return r === null ? null : { num: r.num, den: r.den };
}

/** rationalFromDecimal with its denominator's form: 10^k, i.e. twos = fives = k. */
export function scaledFromDecimal(text: string): ScaledRational | null {
  const s = text.trim();
  if (/^\d{1,300}$/.test(s)) return { num: BigInt(s), den: 1n, twos: 0, fives: 0 }; // plain integers (as in "w/total") need no decimal parsing
  if (!DECIMAL.test(s)) return null;
  const exponentPart = /[eE]([+-]?\d+)$/.exec(s);
  if (exponentPart && Math.abs(Number(exponentPart[1])) > MAX_DECIMAL_EXPONENT) return null;
  let big: Big;
  try {
    big = new Big(s.startsWith("+") ? s.slice(1) : s);
  } catch {
    return null;
  }
  // big.js keeps the value as sign s, digit array c and exponent e: value = s * c0.c1c2... * 10^e
  const digits = BigInt(big.c.join(""));
  const scale = big.e - (big.c.length - 1);
  const signed = big.s < 0 ? -digits : digits;
  if (scale >= 0) return { num: signed * pow10(scale), den: 1n, twos: 0, fives: 0 };
  return { num: signed, den: pow10(-scale), twos: -scale, fives: -scale };
}

/** The exact value of "a/b" with decimal a and b (b != 0), or of a plain decimal; null if neither. */
export function rationalFromString(text: string): Rational | null {
  const slash = text.indexOf("/");
  if (slash < 0) return rationalFromDecimal(text);
  const a = rationalFromDecimal(text.slice(0, slash));
  const b = rationalFromDecimal(text.slice(slash + 1));
  if (a === null || b === null || b.num === 0n) return null;
  const num = a.num * b.den;
  const den = a.den * b.num;
  return den < 0n ? { num: -num, den: -den } : { num, den };
}

export function compareRational(a: Rational, b: Rational): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l > r ? 1 : l < r ? -1 : 0;
}

export function addRational(a: Rational, b: Rational): Rational {
  if (a.den === b.den) return { num: a.num + b.num, den: a.den };
  return { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
}

export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function reduce(a: Rational): Rational {
  const g = gcd(a.num, a.den);
  return g <= 1n ? a : { num: a.num / g, den: a.den / g };
}

/**
 * The double nearest to a rational, ties to even (for messages, heuristics and measured distances). Correctly
 * rounded whenever the result is a normal double; a subnormal result may be off by its last bit (double rounding).
 */
export function rationalToNumber(a: Rational): number {
  if (a.num === 0n) return 0;
  const negative = a.num < 0n;
  const n = negative ? -a.num : a.num;
  const shift = bitLength(n) - bitLength(a.den);
  // Scale so the quotient q = floor(n 2^k / den) has 64 or 65 bits, and make its last bit sticky (1 when the
  // division is inexact): rounding q to 53 bits then rounds the exact quotient correctly.
  const k = 64 - shift;
  const [scaled, divisor] = k >= 0 ? [n << BigInt(k), a.den] : [n, a.den << BigInt(-k)];
  let q = scaled / divisor;
  if (q * divisor !== scaled) q |= 1n;
  // 2^-k in two halves, so that neither factor overflows or underflows on its own
  const value = Number(q) * 2 ** Math.floor(-k / 2) * 2 ** Math.ceil(-k / 2);
  return negative ? -value : value;
}

/**
 * n / d (n >= 0, d > 0) to within a few units in the last place, not correctly rounded (for heuristics only): from
 * the leading 64 bits of each, so its cost is the bit lengths, not a division of the full integers.
 */
export function approxQuotient(n: bigint, d: bigint): number {
  if (n === 0n) return 0;
  const shiftN = Math.max(0, bitLength(n) - 64);
  const shiftD = Math.max(0, bitLength(d) - 64);
  return scaleByPowerOfTwo(Number(n >> BigInt(shiftN)) / Number(d >> BigInt(shiftD)), shiftN - shiftD);
}
