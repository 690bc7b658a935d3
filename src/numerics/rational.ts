/**
 * Exact rational numbers for the oracle's inputs. A JSON number means its exact binary64 value; a string
 * means the exact decimal it spells ("1e-30", "0.1") or a ratio of two decimals ("1/3"). Decimal strings
 * are parsed and validated by big.js, then turned into bigint fractions: nothing is rounded.
 */
import Big from "big.js";
import { bitLength, doubleToDyadic } from "./dyadic.ts";

/** num / den with den > 0 (not necessarily in lowest terms). */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

/** Largest decimal exponent accepted in a string (keeps bigints of reasonable size). */
export const MAX_DECIMAL_EXPONENT = 100_000;

/** The exact value of a finite double. */
export function rationalFromDouble(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  if (x === 0) return { num: 0n, den: 1n };
  const { m: signed, e: exponent } = doubleToDyadic(x); // x = signed * 2^exponent exactly
  return exponent >= 0 ? { num: signed << BigInt(exponent), den: 1n } : reduceTwos(signed, -exponent);
}

function reduceTwos(num: bigint, shift: number): Rational {
  let n = num;
  let s = shift;
  while (s > 0 && (n & 1n) === 0n) {
    n >>= 1n;
    s--;
  }
  return { num: n, den: 1n << BigInt(s) };
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * 10^k as a bigint. A large power is the power of its block of 1024 exponents (remembered for the last few blocks) times
 * a small power: a long array of strings such as "1e-100000", or of distinct exponents from 1e-99000 to 1e-99999,
 * then costs one 330,000-bit exponentiation (about 5 ms) per block instead of one per entry, and a multiplication
 * linear in the size for each entry.
 */
const BLOCK = 1024;
const blockPowers = new Map<number, bigint>();
function pow10(k: number): bigint {
  if (k < BLOCK) return 10n ** BigInt(k);
  const rest = k % BLOCK;
  const block = k - rest;
  let power = blockPowers.get(block);
  if (power === undefined) {
    power = 10n ** BigInt(block);
    if (blockPowers.size >= 16) blockPowers.delete(blockPowers.keys().next().value as number);
    blockPowers.set(block, power);
  }
  return rest === 0 ? power : power * 10n ** BigInt(rest);
}

/** The exact value of a decimal string, or null when the string is not a decimal. */
export function rationalFromDecimal(text: string): Rational | null {
  const s = text.trim();
  if (/^\d{1,300}$/.test(s)) return { num: BigInt(s), den: 1n }; // plain integers (as in "w/total") need no decimal parsing
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
  if (scale >= 0) return { num: signed * pow10(scale), den: 1n };
  return { num: signed, den: pow10(-scale) };
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
