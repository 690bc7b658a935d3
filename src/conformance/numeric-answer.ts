/**
 * A subject's numeric result read exactly enough to grade it, with work bounded whatever its length or exponent: a
 * JSON number stands for its binary64 value; a decimal string (spec/protocol.md) for the decimal it spells, read in
 * one pass and kept down to the place 10^-DECIMAL_PLACES, with a flag saying whether non-zero digits lie below it.
 *
 * Why that is enough: the grader compares an answer only with points of the grid 2^-1200 (exact-distance.ts: the
 * oracle's enclosure ends are widened outward to that grid, tolerances are doubles, multiples of 2^-1074), and every
 * multiple of 2^-1200 is a multiple of 10^-1200. A decimal cut at the place 10^-1200 therefore compares with such a
 * point exactly as the whole decimal does (the cut-off part only decides ties). Values beyond 10^400 exceed every
 * grid point in play (enclosure ends and tolerances are below 2^1024), so their digits are not read either.
 */

/** The finest decimal place kept: 10^-DECIMAL_PLACES, as fine as the grid 2^-1200 needs. */
export const DECIMAL_PLACES = 1200;
/** Decimals at or beyond 10^HUGE_PLACE compare above every point in play. */
export const HUGE_PLACE = 400;
/** Exponents are clamped to +-EXPONENT_CLAMP: beyond it a value is 0 or huge for every purpose here. */
export const EXPONENT_CLAMP = 1e15;

/**
 * A decimal string's value. Finite: sign * (num / 10^scale + rest), 0 <= rest < 10^-scale, rest > 0 exactly when
 * inexact (then scale = DECIMAL_PLACES). Huge: |value| >= 10^HUGE_PLACE, beyond every point in play.
 */
export type DecimalValue =
  | {
      /** -1, 0 or 1 (0 only when every digit is 0). */
      readonly sign: number;
      readonly huge: false;
      /** The digits down to the place 10^-scale, as an integer (the magnitude). */
      readonly num: bigint;
      /** The place of num's last digit: num / 10^scale; 0 <= scale <= DECIMAL_PLACES. */
      readonly scale: number;
      /** Non-zero digits were dropped below 10^-scale. */
      readonly inexact: boolean;
    }
  | { readonly sign: number; readonly huge: true };

export type NumericAnswer = { kind: "double"; value: number } | { kind: "decimal"; value: DecimalValue; text: string };

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NON_ZERO = /[1-9]/;

/**
 * The value of a decimal string, or null when the string is not a decimal (surrounding white space is allowed).
 * Work: a few regular-expression passes over the string and a bigint of at most HUGE_PLACE + DECIMAL_PLACES digits.
 */
export function readDecimal(raw: string): DecimalValue | null {
  const text = raw.trim();
  if (!DECIMAL.test(text)) return null;
  const [mantissa, exponentText] = text.split(/[eE]/) as [string, string | undefined];
  const sign = mantissa.startsWith("-") ? -1 : 1;
  const [whole, fraction = ""] = mantissa.replace(/^[+-]/, "").split(".") as [string, string | undefined];
  const digits = whole + fraction;
  const exponent = exponentText === undefined ? 0 : Math.max(-EXPONENT_CLAMP, Math.min(EXPONENT_CLAMP, Number(exponentText)));
  // Digit j of `digits` has the place (power of ten) exponent + whole.length - 1 - j.
  const leading = exponent + whole.length - 1;
  const first = digits.search(NON_ZERO);
  if (first < 0) return { sign: 0, huge: false, num: 0n, scale: 0, inexact: false };
  if (leading - first >= HUGE_PLACE) return { sign, huge: true };
  // Keep the digits of place >= -DECIMAL_PLACES; those below only matter as "some non-zero digit, or none".
  const last = Math.min(digits.length - 1, leading + DECIMAL_PLACES);
  const inexact = NON_ZERO.test(digits.slice(Math.max(0, last + 1)));
  // num / 10^scale with scale >= 0 (an integer gets its trailing zeros), at the place 10^-DECIMAL_PLACES when cut
  const digitsKept = BigInt(digits.slice(first, Math.max(first, last + 1))); // "" (no non-zero digit kept) is 0n
  const scale = inexact ? DECIMAL_PLACES : Math.max(0, last - leading);
  return { sign, huge: false, num: digitsKept * 10n ** BigInt(scale - (last - leading)), scale, inexact };
}

/** The exact reading of a value, or null when it is not a finite number or a decimal string. */
export function readNumeric(value: unknown): NumericAnswer | null {
  if (typeof value === "number") return Number.isFinite(value) ? { kind: "double", value } : null;
  if (typeof value === "string") {
    const decimal = readDecimal(value);
    return decimal === null ? null : { kind: "decimal", value: decimal, text: value };
  }
  return null;
}
