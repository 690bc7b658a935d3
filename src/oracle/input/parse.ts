/**
 * Validation of the oracle's inputs (protocol conventions, spec/protocol.md). Every rejection is an
 * InputError naming the field (`p[3]`, `n`, `eps`...) and the value found there.
 */
import { InputError } from "../../errors.ts";
import {
  compareRational,
  rationalFromString,
  rationalToNumber,
  scaledFromDecimal,
  scaledFromDouble,
  sumScaled,
  type Rational,
  type ScaledRational,
} from "../../numerics/rational.ts";

/**
 * An exact input value with, when it came from a JSON number, that double, and when its denominator is known to be
 * 2^twos 5^fives (JSON numbers, decimal strings, and sums of them), that form (both fields or neither).
 */
export interface ExactValue extends Rational {
  readonly double?: number;
  readonly twos?: number;
  readonly fives?: number;
}

function isScaled(v: ExactValue): v is ExactValue & ScaledRational {
  return v.twos !== undefined && v.fives !== undefined;
}

/** A JSON number (exact binary64) or a decimal / "a/b" string, as an exact rational. */
export function parseExact(value: unknown, field: string): ExactValue {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new InputError(field, value, "must be a finite number");
    const r = scaledFromDouble(value);
    return { num: r.num, den: r.den, double: value, twos: r.twos, fives: 0 };
  }
  if (typeof value === "string") {
    const r = value.includes("/") ? rationalFromString(value) : scaledFromDecimal(value);
    if (r === null) throw new InputError(field, value, 'must be a number, a decimal string such as "1e-30", or a ratio "a/b"');
    return r;
  }
  throw new InputError(field, value, "must be a number or a decimal string");
}

const ONE: Rational = { num: 1n, den: 1n };
const SUM_TOLERANCE: Rational = { num: 1n, den: 1_000_000n };

/**
 * Exact sum of rationals, keeping the common denominator small for powers of 2 and of 10: with no division at all
 * when every denominator's form 2^a 5^b is known (sumScaled).
 */
export function sumRationals(values: readonly ExactValue[]): ExactValue {
  // (JSON numbers alone, fives = 0: the divisibility path below is as fast, and keeps the same denominators)
  if (values.every(isScaled) && values.some((v) => v.fives > 0)) return sumScaled(values);
  let num = 0n;
  let den = 1n;
  for (const v of values) {
    if (v.num === 0n) continue;
    if (v.den === den) {
      num += v.num;
    } else if (den % v.den === 0n) {
      num += v.num * (den / v.den);
    } else if (v.den % den === 0n) {
      num = num * (v.den / den) + v.num;
      den = v.den;
    } else {
      num = num * v.den + v.num * den;
      den *= v.den;
    }
  }
  return { num, den };
}

/** Validates a probability vector: a non-empty array of finite non-negative numbers summing to 1 within 1e-6. */
export function parseProbabilities(p: unknown, field = "p"): ExactValue[] {
  return parseProbabilitiesAndSum(p, field).masses;
}

/**
 * parseProbabilities with the exact sum it checked, for callers that need it too (summing 1000 masses of 330,000-bit
 * denominators costs seconds: do it once).
 */
export function parseProbabilitiesAndSum(p: unknown, field: string): { masses: ExactValue[]; total: Rational } {
  if (!Array.isArray(p)) throw new InputError(field, p, "must be an array of probabilities");
  if (p.length === 0) throw new InputError(field, p, "must not be empty");
  const masses = p.map((value, i) => {
    const x = parseExact(value, `${field}[${i}]`);
    if (x.num < 0n) throw new InputError(`${field}[${i}]`, value, "must be non-negative");
    return x;
  });
  const total = sumRationals(masses);
  const low = { num: ONE.num * SUM_TOLERANCE.den - SUM_TOLERANCE.num, den: SUM_TOLERANCE.den };
  const high = { num: ONE.num * SUM_TOLERANCE.den + SUM_TOLERANCE.num, den: SUM_TOLERANCE.den };
  if (compareRational(total, low) < 0 || compareRational(total, high) > 0) {
    throw new InputError(field, rationalToNumber(total), "must sum to 1 within 1e-6 (the sum is shown)");
  }
  return { masses, total };
}

/** Validates rewards: same length as p, each a finite number or decimal string. */
export function parseRewards(r: unknown, length: number, field = "r"): ExactValue[] {
  if (!Array.isArray(r)) throw new InputError(field, r, "must be an array of rewards");
  if (r.length !== length) throw new InputError(field, r, `must have the same length as p (${length})`);
  return r.map((value, i) => parseExact(value, `${field}[${i}]`));
}

/** Largest n accepted: 2^53 - 1. */
export const MAX_N = Number.MAX_SAFE_INTEGER;

/** n: a positive safe integer (a JSON number, or a string of decimal digits). */
export function parseN(n: unknown, field = "n"): number {
  let value: number;
  if (typeof n === "number") value = n;
  else if (typeof n === "string" && /^\s*\+?\d+\s*$/.test(n)) value = Number(n.trim());
  else throw new InputError(field, n, "must be a positive integer");
  // A digit string above 2^53 - 1 rounds to a double >= 2^53, never to a safe integer, so this catches it too.
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new InputError(field, n, "must be a positive integer no larger than 2^53 - 1");
  }
  return value;
}

/** eps in (0, 1]. */
export function parseEps(eps: unknown, field = "eps"): ExactValue {
  const x = parseExact(eps, field);
  if (x.num <= 0n || x.num > x.den) throw new InputError(field, eps, "must be in (0, 1]");
  return x;
}

/** log eps <= 0. */
export function parseLogEps(logEps: unknown, field = "logEps"): ExactValue {
  const x = parseExact(logEps, field);
  if (x.num > 0n) throw new InputError(field, logEps, "must be <= 0 (it is the log of a probability)");
  return x;
}

/** The estimators' argument: exactly one of eps and logEps. */
export type EpsArgument = { kind: "eps"; value: ExactValue } | { kind: "logEps"; value: ExactValue };

export function parseEpsArgument(args: { eps?: unknown; logEps?: unknown }): EpsArgument {
  const hasEps = args.eps !== undefined;
  const hasLog = args.logEps !== undefined;
  if (hasEps && hasLog) throw new InputError("eps", args.eps, "give either eps or logEps, not both");
  if (hasEps) return { kind: "eps", value: parseEps(args.eps) };
  if (hasLog) return { kind: "logEps", value: parseLogEps(args.logEps) };
  throw new InputError("eps", undefined, "one of eps or logEps is required");
}
