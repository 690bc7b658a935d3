/**
 * The numbers that bound a certificate's boxes: exact non-negative decimals ("3.125", "0", "12") or "inf".
 * They are parsed into exact fractions (nothing is rounded), compared exactly, and turned into MPFR intervals
 * only when a box is evaluated (outward rounding, so a box is never shrunk). The search writes dyadic ends
 * k / 2^m, whose decimal spelling is exact and finite.
 */
import { InputError } from "../errors.ts";
import { Interval, type Arena } from "./intervals.ts";

/** num / den >= 0 with den > 0, or +infinity. */
export type BoxNumber = { readonly num: bigint; readonly den: bigint } | "inf";

const DECIMAL = /^(\d{1,40})(?:\.(\d{1,80}))?$/;

/** Parses "inf" or a plain non-negative decimal (no sign, no exponent, at most 40 + 80 digits); `field` names it in errors. */
export function parseBoxNumber(text: unknown, field: string): BoxNumber {
  if (text === "inf") return "inf";
  if (typeof text !== "string") throw new InputError(field, text, 'must be a string: a non-negative decimal such as "3.125", or "inf"');
  const match = DECIMAL.exec(text);
  if (match === null) throw new InputError(field, text, 'must be a non-negative decimal such as "3.125" (no sign, no exponent), or "inf"');
  const fraction = match[2] ?? "";
  return { num: BigInt(`${match[1]}${fraction}`), den: 10n ** BigInt(fraction.length) };
}

export function isInfinite(x: BoxNumber): x is "inf" {
  return x === "inf";
}

/** -1, 0 or 1 as a < b, a == b, a > b (exactly; "inf" equals only itself). */
export function compareBoxNumbers(a: BoxNumber, b: BoxNumber): number {
  if (a === "inf" || b === "inf") return a === b ? 0 : a === "inf" ? 1 : -1;
  const d = a.num * b.den - b.num * a.den;
  return d > 0n ? 1 : d < 0n ? -1 : 0;
}

export function isZero(x: BoxNumber): boolean {
  return x !== "inf" && x.num === 0n;
}

/** The enclosure of a finite box number (exact when it is dyadic and fits the precision). */
export function boxNumberInterval(arena: Arena, x: BoxNumber): Interval {
  if (x === "inf") throw new Error("boxNumberInterval: infinite end");
  return Interval.fromRational(arena, x.num, x.den);
}

/** The exact decimal spelling of num / 2^shift (num >= 0): every dyadic rational has a finite one. */
export function dyadicDecimal(num: bigint, shift: number): string {
  if (num < 0n) throw new Error("dyadicDecimal: negative");
  if (shift <= 0) return (num << BigInt(-shift)).toString();
  return decimalOf(num * 5n ** BigInt(shift), shift); // num / 2^s = num 5^s / 10^s
}

/** The decimal spelling of a box number, as parseBoxNumber reads it back (den must divide a power of 10). */
export function formatBoxNumber(x: BoxNumber): string {
  if (x === "inf") return "inf";
  for (let digits = 0; digits <= 400; digits++) {
    const power = 10n ** BigInt(digits);
    if (power % x.den === 0n) return decimalOf((x.num * power) / x.den, digits);
  }
  throw new Error(`formatBoxNumber: ${x.num}/${x.den} has no short finite decimal spelling`);
}

/** scaled / 10^digits as a plain decimal without trailing zeros (scaled >= 0). */
function decimalOf(scaled: bigint, digits: number): string {
  const text = scaled.toString().padStart(digits + 1, "0");
  const whole = text.slice(0, text.length - digits);
  const fraction = text.slice(text.length - digits).replace(/0+$/, "");
  return fraction === "" ? whole : `${whole}.${fraction}`;
}

const SCIENTIFIC = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d{1,6}))?$/;

/** The exact rational value of a decimal such as "-1.25e-3" (for the stored lower bounds); den > 0. */
export function parseScientific(text: string): { num: bigint; den: bigint } {
  const match = SCIENTIFIC.exec(text);
  if (match === null) throw new Error(`not a decimal: ${text}`);
  const fraction = match[3] ?? "";
  const exponent = Number(match[4] ?? "0") - fraction.length;
  const digits = BigInt(`${match[1]}${match[2]}${fraction}`);
  return exponent >= 0 ? { num: digits * 10n ** BigInt(exponent), den: 1n } : { num: digits, den: 10n ** BigInt(-exponent) };
}
