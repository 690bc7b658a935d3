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
const EXPONENT_CLAMP = 1e15;

/** A decimal string's value: sign * (num / 10^scale + rest), 0 <= rest < 10^-scale, rest > 0 exactly when inexact. */
export interface DecimalValue {
  /** -1, 0 or 1 (0 only when every digit is 0). */
  readonly sign: number;
  /** The digits down to the place 10^-scale, as an integer (the magnitude). */
  readonly num: bigint;
  /** The place of num's last digit: num / 10^scale; 0 <= scale <= DECIMAL_PLACES. */
  readonly scale: number;
  /** Non-zero digits were dropped below 10^-scale (then scale = DECIMAL_PLACES). */
  readonly inexact: boolean;
  /** |value| >= 10^HUGE_PLACE: beyond every point in play (num and scale are then not meaningful). */
  readonly huge: boolean;
}

export type NumericAnswer = { kind: "double"; value: number } | { kind: "decimal"; value: DecimalValue; text: string };

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NON_ZERO = /[1-9]/g;

/** The index of the first non-zero digit of text in [from, to), or -1. */
function firstNonZero(text: string, from: number, to: number): number {
  NON_ZERO.lastIndex = from;
  const match = NON_ZERO.exec(text);
  return match === null || match.index >= to ? -1 : match.index;
}

/**
 * The value of a decimal string, or null when the string is not a decimal (surrounding white space is allowed).
 * Work: one regular-expression pass over the string and a bigint of at most HUGE_PLACE + DECIMAL_PLACES digits.
 */
export function readDecimal(raw: string): DecimalValue | null {
  const text = raw.trim();
  if (!DECIMAL.test(text)) return null;
  const sign = text.startsWith("-") ? -1 : 1;
  const start = text[0] === "-" || text[0] === "+" ? 1 : 0;
  const ePos = text.search(/[eE]/);
  const mantissaEnd = ePos < 0 ? text.length : ePos;
  const exponent = ePos < 0 ? 0 : Math.max(-EXPONENT_CLAMP, Math.min(EXPONENT_CLAMP, Number(text.slice(ePos + 1))));
  const dot = text.indexOf(".");
  const hasDot = dot >= 0 && dot < mantissaEnd;
  const integerDigits = (hasDot ? dot : mantissaEnd) - start;
  const digitCount = mantissaEnd - start - (hasDot ? 1 : 0);
  // Digit j (0-based, the point skipped) sits at index indexOf(j) and has the place exponent + integerDigits - 1 - j.
  const indexOf = (j: number): number => start + j + (hasDot && start + j >= dot ? 1 : 0);
  const placeOf = (j: number): number => exponent + integerDigits - 1 - j;
  const firstIndex = firstNonZero(text, start, mantissaEnd);
  if (firstIndex < 0) return { sign: 0, num: 0n, scale: 0, inexact: false, huge: false };
  const first = firstIndex - start - (hasDot && firstIndex > dot ? 1 : 0);
  if (placeOf(first) >= HUGE_PLACE) return { sign, num: 1n, scale: 0, inexact: true, huge: true };
  // Keep the digits of place >= -DECIMAL_PLACES; those below only matter as "some non-zero digit, or none".
  const last = Math.min(digitCount - 1, exponent + integerDigits - 1 + DECIMAL_PLACES);
  const inexact = last < digitCount - 1 && firstNonZero(text, indexOf(last + 1), mantissaEnd) >= 0;
  if (last < first) return { sign, num: 0n, scale: DECIMAL_PLACES, inexact: true, huge: false };
  let num = BigInt(text.slice(firstIndex, indexOf(last) + 1).replace(".", ""));
  let scale = -placeOf(last);
  if (scale <= 0) {
    num *= 10n ** BigInt(-scale); // an integer: trailing zeros made explicit
    scale = 0;
  }
  if (inexact) {
    num *= 10n ** BigInt(DECIMAL_PLACES - scale);
    scale = DECIMAL_PLACES;
  }
  return { sign, num, scale, inexact, huge: false };
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
