/**
 * A second, independent path to Lemma 1 with no rounding at all: big.js decimal arithmetic (exact for
 * +, - and *), for small n. pi_i = p_i ((B + g)^n - B^n) / (g s^n), where s is the exact sum of p, g the mass
 * of i's reward level and B the mass of the levels below, returned as an exact fraction. It shares nothing
 * with the MPFR path but the input conventions, so the tests can check the enclosures against it.
 */
import Big from "big.js";
import { doubleToDyadic } from "../../numerics/dyadic.ts";

/** A fraction of two exact decimals. */
export interface ExactFraction {
  readonly num: Big;
  readonly den: Big;
}

/** The exact decimal expansion of a finite double (every binary64 value is a finite decimal). */
export function exactDecimalOfDouble(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`not finite: ${x}`);
  if (x === 0) return "0";
  const { m, e: exponent } = doubleToDyadic(x); // x = m * 2^exponent exactly
  const negative = m < 0n;
  const mantissa = negative ? -m : m;
  let digits: string;
  if (exponent >= 0) digits = (mantissa << BigInt(exponent)).toString();
  else {
    const scaled = (mantissa * 5n ** BigInt(-exponent)).toString(); // value = scaled * 10^exponent
    const places = -exponent;
    const padded = scaled.padStart(places + 1, "0");
    digits = `${padded.slice(0, padded.length - places)}.${padded.slice(padded.length - places)}`.replace(/\.?0+$/, "");
  }
  return negative ? `-${digits}` : digits;
}

/** A probability as an exact fraction of two decimals: doubles, decimal strings and "a/b" strings. */
function toFraction(value: number | string): { num: Big; den: Big } {
  if (typeof value === "number") return { num: new Big(exactDecimalOfDouble(value)), den: new Big(1) };
  const slash = value.indexOf("/");
  if (slash < 0) return { num: new Big(value), den: new Big(1) };
  return { num: new Big(value.slice(0, slash)), den: new Big(value.slice(slash + 1)) };
}

/**
 * Weights w_i proportional to p_i, exactly: every p_i = a_i / b_i is multiplied by the product D of the
 * distinct denominators (D / b_i is the product of the others, so no division happens).
 */
function exactWeights(p: readonly (number | string)[]): Big[] {
  const fractions = p.map(toFraction);
  const denominators: Big[] = [];
  for (const f of fractions) if (!denominators.some((d) => d.eq(f.den))) denominators.push(f.den);
  return fractions.map((f) => denominators.reduce((acc, d) => (d.eq(f.den) ? acc : acc.times(d)), f.num));
}

/** pi_n exactly, for p given as doubles, decimal strings or "a/b" strings, rewards as doubles (ties allowed). */
export function exactBonPmf(p: readonly (number | string)[], n: number, r?: readonly number[]): ExactFraction[] {
  if (!Number.isInteger(n) || n < 1 || n > 4096) throw new RangeError("exactBonPmf: n must be an integer in [1, 4096]");
  const w = exactWeights(p);
  const s = w.reduce((acc, x) => acc.plus(x), new Big(0));
  const rewards = r ?? p.map((_, i) => i);
  // reward levels among positive-mass outcomes, lowest first
  const indices = p.map((_, i) => i).filter((i) => w[i]!.gt(0));
  const distinct = [...new Set(indices.map((i) => rewards[i]!))].sort((a, b) => a - b);
  const sn = s.pow(n);
  const out: ExactFraction[] = p.map(() => ({ num: new Big(0), den: new Big(1) }));
  let below = new Big(0);
  for (const reward of distinct) {
    const members = indices.filter((i) => rewards[i] === reward);
    const g = members.reduce((acc, i) => acc.plus(w[i]!), new Big(0));
    const levelProbNumerator = below.plus(g).pow(n).minus(below.pow(n)); // (B+g)^n - B^n, times s^n
    for (const i of members) out[i] = { num: w[i]!.times(levelProbNumerator), den: g.times(sn) };
    below = below.plus(g);
  }
  return out;
}

/** A Big decimal as an exact bigint fraction. */
export function bigToFraction(x: Big): { num: bigint; den: bigint } {
  const digits = BigInt(x.c.join(""));
  const scale = x.e - (x.c.length - 1);
  const signed = x.s < 0 ? -digits : digits;
  return scale >= 0 ? { num: signed * 10n ** BigInt(scale), den: 1n } : { num: signed, den: 10n ** BigInt(-scale) };
}
