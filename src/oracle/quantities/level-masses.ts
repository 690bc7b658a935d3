/**
 * The reward levels' masses as exact numbers for the level walk (level-walk.ts). Every level mass g_k is an integer
 * N_k over one common denominator D (D = 2^E when every mass is dyadic, as JSON numbers always are; otherwise the
 * least common multiple of the denominators), and the walk holds N_k * 2^-B in MPFR numbers of B bits, B being the
 * bit length of the scaled total sum N_k: the total then lies in [1/2, 1), and every partial sum c_k = g_1 + ... + g_k
 * and every tail a_k = total - c_k is exact at B bits. So F_k = c_k / total and 1 - F_k = a_k / total come with a
 * single rounding each, and no tail sum has to be kept per level.
 *
 * Computed once per distribution (cached), with approximate doubles of g_k, c_k and a_k (over the total) for the
 * walk's choices that only affect tightness, and the running minimum of the level masses.
 */
import { bitLength } from "../../numerics/dyadic.ts";
import { mpfr, RNDN, setIntegerFromBigInt, type IntegerPtr, type RealPtr } from "../../numerics/mpfr.ts";
import { approxQuotient, gcd, rationalToNumber, scaleUp } from "../../numerics/rational.ts";
import type { Distribution, Level } from "../distribution.ts";

export interface LevelMasses {
  /** The number of reward levels K. */
  readonly count: number;
  /** A precision (bits) at which every mass, partial sum and tail is exact in these units (at least 64). */
  readonly bits: number;
  /** Sets `ptr` (at least `bits` bits) to the mass of level k in units, exactly; `z` is a scratch integer. */
  setMass(ptr: RealPtr, k: number, z: IntegerPtr): void;
  /** Sets `ptr` to the total in units (in [1/2, 1)), exactly. */
  setTotal(ptr: RealPtr, z: IntegerPtr): void;
  /** g_k / total, c_k / total (mass at or below level k) and a_k / total (mass above it), as approximate doubles. */
  readonly approxMass: Float64Array;
  readonly approxAtOrBelow: Float64Array;
  readonly approxAbove: Float64Array;
  /** The index of a smallest level mass among levels 0..k (exact comparison). */
  readonly prefixMin: Int32Array;
}

const cache = new WeakMap<Distribution, LevelMasses>();

/** The exact level masses of `dist` (computed on first use, then cached). */
export function levelMasses(dist: Distribution): LevelMasses {
  let masses = cache.get(dist);
  if (masses === undefined) {
    masses = computeLevelMasses(dist);
    cache.set(dist, masses);
  }
  return masses;
}

function isPowerOfTwo(x: bigint): boolean {
  return x > 0n && (x & (x - 1n)) === 0n;
}

/** N_k for a level: its mass times the common denominator D, an integer. */
type Numerator = (level: Level) => bigint;

/** D = 2^E for dyadic masses: E is the largest binary exponent of a denominator. */
function dyadicNumerator(levels: readonly Level[]): { numerator: Numerator; E: number } {
  let E = 0;
  for (const level of levels) E = Math.max(E, bitLength(level.mass.den) - 1);
  const numerator: Numerator = (level) => level.mass.num << BigInt(E - (bitLength(level.mass.den) - 1));
  return { numerator, E };
}

/**
 * D = 2^T 5^F when every denominator's form 2^t 5^f is known (decimal strings, JSON numbers: parse.ts), T and F the
 * largest exponents: N_k is then a shift and a multiplication by a small power of 5, never a division of large integers.
 */
function scaledNumerator(levels: readonly Level[]): { numerator: Numerator; E: number } | null {
  let T = 0;
  let F = 0;
  for (const { mass } of levels) {
    if (mass.twos === undefined || mass.fives === undefined) return null;
    T = Math.max(T, mass.twos);
    F = Math.max(F, mass.fives);
  }
  const numerator: Numerator = ({ mass }) => scaleUp(mass.num, T - (mass.twos as number), F - (mass.fives as number));
  return { numerator, E: 0 };
}

/** D = lcm of the denominators; D / den remembered per denominator (a few, unless the input is hostile). */
function rationalNumerator(levels: readonly Level[]): { numerator: Numerator; E: number } {
  let D = 1n;
  for (const level of levels) {
    const den = level.mass.den;
    if (D % den === 0n) continue;
    D = den % D === 0n ? den : (D / gcd(D, den)) * den;
  }
  const factors = new Map<bigint, bigint>();
  const numerator: Numerator = (level) => {
    let factor = factors.get(level.mass.den);
    if (factor === undefined) {
      factor = D / level.mass.den;
      if (factors.size < 256) factors.set(level.mass.den, factor);
    }
    return level.mass.num * factor;
  };
  return { numerator, E: 0 };
}

function computeLevelMasses(dist: Distribution): LevelMasses {
  const levels = dist.levels;
  const K = levels.length;
  const dyadic = levels.every((level) => isPowerOfTwo(level.mass.den));
  const plan = dyadic ? dyadicNumerator(levels) : (scaledNumerator(levels) ?? rationalNumerator(levels));
  let scaledTotal = 0n;
  for (const level of levels) scaledTotal += plan.numerator(level);
  const B = Math.max(bitLength(scaledTotal), 1);
  const bits = Math.max(B, 64);
  const E = plan.E;

  const setMass = (ptr: RealPtr, k: number, z: IntegerPtr): void => {
    const level = levels[k] as Level;
    const double = level.mass.double;
    if (dyadic && double !== undefined) {
      mpfr.mpfr_set_d(ptr, double, RNDN); // exact: ptr has at least 64 bits
      mpfr.mpfr_mul_2si(ptr, ptr, E - B, RNDN); // exact: the mass is a multiple of 2^-E, at most the total
      return;
    }
    setIntegerFromBigInt(z, plan.numerator(level));
    mpfr.mpfr_set_z_2exp(ptr, z, -B, RNDN); // exact: N_k < 2^B
  };
  const setTotal = (ptr: RealPtr, z: IntegerPtr): void => {
    setIntegerFromBigInt(z, scaledTotal);
    mpfr.mpfr_set_z_2exp(ptr, z, -B, RNDN);
  };

  const total = rationalToNumber(dist.total);
  const approxMass = new Float64Array(K);
  levels.forEach((level, k) => {
    const double = level.mass.double;
    approxMass[k] = double !== undefined ? double / total : approxQuotient(plan.numerator(level), scaledTotal);
  });
  const approxAtOrBelow = new Float64Array(K);
  let running = 0;
  for (let k = 0; k < K; k++) approxAtOrBelow[k] = running += approxMass[k] as number;
  const approxAbove = new Float64Array(K);
  let tail = 0;
  for (let k = K - 1; k >= 0; k--) {
    approxAbove[k] = tail;
    tail += approxMass[k] as number;
  }
  const prefixMin = new Int32Array(K); // prefixMin[0] = 0
  let smallest = 0;
  let smallestNumerator: bigint | null = null; // N of level `smallest`, once computed
  for (let k = 1; k < K; k++) {
    const x = (levels[k] as Level).mass.double;
    const y = (levels[smallest] as Level).mass.double;
    if (x !== undefined && y !== undefined) {
      if (x < y) [smallest, smallestNumerator] = [k, null];
    } else {
      // exact: the numerators over the common denominator (no cross multiplication of large integers)
      const candidate = plan.numerator(levels[k] as Level);
      smallestNumerator ??= plan.numerator(levels[smallest] as Level);
      if (candidate < smallestNumerator) [smallest, smallestNumerator] = [k, candidate];
    }
    prefixMin[k] = smallest;
  }
  return { count: K, bits, setMass, setTotal, approxMass, approxAtOrBelow, approxAbove, prefixMin };
}
