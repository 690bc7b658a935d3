/**
 * Lemma 1 level by level, from the top reward level down, holding O(1) MPFR numbers whatever the number of levels:
 * the consumers (the KL sum, the pmf) take each P_k = F_k^n - F_{k-1}^n (Eq. 13) as it comes, so a pass costs time
 * linear in L and no memory that grows with it (before, every level's dozen intervals lived for the whole pass, and
 * the growing WebAssembly memory cost garbage-collection storms that made large L quadratic).
 *
 * Numerics. The masses at or below a level (c_k) and above it (a_k) are exact (level-masses.ts), so F_k = c_k / T
 * and 1 - F_k = a_k / T are never formed by cancellation. F_k^n is c_k^n / T^n with MPFR's correctly rounded integer
 * power (for n < 2^29): three roundings whatever n, no exp(n log F) whose argument error n grows with n, and a
 * fraction of the cost of a log and an exp. For larger n, F_k^n = exp(n log F_k) with log F_k = log1p(-a_k / T) near
 * the top, as before. The powers are kept EXTRA bits beyond the working precision so that P_k = F_k^n - F_{k-1}^n
 * loses nothing visible when the two are close (up to 2^-(EXTRA - 16) relative difference); closer still (n g_k /
 * c_k tiny), P_k = F_k^n * -expm1(n log1p(-g_k / c_k)) instead, with g_k / c_k exact before its one rounding.
 */
import { Interval, add, exp, expm1, log, log1p, mul, neg, scale, setZero } from "../../numerics/interval.ts";
import type { Arena } from "../../numerics/arena.ts";
import { mpfr, RNDD, RNDN, RNDU, type RealPtr } from "../../numerics/mpfr.ts";
import type { Distribution } from "../distribution.ts";
import { levelMasses, type LevelMasses } from "./level-masses.ts";

/** Bits kept beyond the working precision for F_k^n and P_k. */
export const EXTRA_BITS = 64;
/** Largest n for MPFR's integer power (C long is 32 bits here, and T^n must stay within MPFR's exponent range). */
export const MAX_POWER_N = 2 ** 29 - 1;
/** P_k is taken as a difference while n g_k / c_k is at least this (the difference then loses at most 44 bits). */
const DIFFERENCE_THRESHOLD = 2 ** -44;

export class LevelWalk {
  /** The number of reward levels K. */
  readonly count: number;
  /** The current level (K before the first step, then K-1 down to 0). */
  k: number;
  /** Exact numbers in the units of level-masses.ts: the total T, g_k, c_k, a_k, c_{k-1} and a_{k-1}. */
  readonly total: RealPtr;
  readonly mass: RealPtr;
  atOrBelow: RealPtr;
  above: RealPtr;
  below: RealPtr;
  aboveBelow: RealPtr;
  /** F_k^n, F_{k-1}^n and P_k, EXTRA_BITS beyond the working precision. */
  power: Interval;
  powerBelow: Interval;
  readonly prob: Interval;
  private readonly masses: LevelMasses;
  private readonly totalPower: Interval;
  private readonly t: Interval;
  private readonly u: Interval;

  constructor(
    readonly arena: Arena,
    readonly dist: Distribution,
    readonly n: number,
  ) {
    this.masses = levelMasses(dist);
    this.count = this.masses.count;
    this.k = this.count;
    const exact = () => arena.realWithPrecision(this.masses.bits);
    this.total = exact();
    this.mass = exact();
    this.atOrBelow = exact();
    this.above = exact();
    this.below = exact();
    this.aboveBelow = exact();
    const extended = arena.prec + EXTRA_BITS;
    this.power = Interval.allocAt(arena, extended);
    this.powerBelow = Interval.allocAt(arena, extended);
    this.prob = Interval.allocAt(arena, extended);
    this.totalPower = Interval.allocAt(arena, extended);
    this.t = Interval.alloc(arena);
    this.u = Interval.alloc(arena);

    const z = arena.scratchInteger();
    this.masses.setTotal(this.total, z);
    mpfr.mpfr_set(this.atOrBelow, this.total, RNDN);
    mpfr.mpfr_set_zero(this.above, 1);
    mpfr.mpfr_set_ui(this.power.lo, 1, RNDN); // F_K = 1
    mpfr.mpfr_set_ui(this.power.hi, 1, RNDN);
    if (n <= MAX_POWER_N) pointPower(this.totalPower, this.total, n);
  }

  /** Moves one level down (the first call: to the top level). False once past the bottom. */
  next(): boolean {
    if (this.k === 0) return false;
    if (this.k < this.count) {
      [this.atOrBelow, this.below] = [this.below, this.atOrBelow];
      [this.above, this.aboveBelow] = [this.aboveBelow, this.above];
      [this.power, this.powerBelow] = [this.powerBelow, this.power];
    }
    this.k -= 1;
    const k = this.k;
    if ((k & 1023) === 0) this.arena.pulse();
    this.masses.setMass(this.mass, k, this.arena.scratchInteger());
    exactly(mpfr.mpfr_sub(this.below, this.atOrBelow, this.mass, RNDN));
    exactly(mpfr.mpfr_add(this.aboveBelow, this.above, this.mass, RNDN));
    const P = this.prob;
    if (k === 0) {
      mpfr.mpfr_set_zero(this.powerBelow.lo, 1);
      mpfr.mpfr_set_zero(this.powerBelow.hi, 1);
      mpfr.mpfr_set(P.lo, this.power.lo, RNDD); // P_1 = F_1^n
      mpfr.mpfr_set(P.hi, this.power.hi, RNDU);
      return true;
    }
    this.powerOf(this.powerBelow, this.below, this.aboveBelow);
    const ratio = this.masses.approxMass[k]! / this.masses.approxAtOrBelow[k]!; // g_k / c_k, roughly
    if (this.n * ratio >= DIFFERENCE_THRESHOLD) {
      mpfr.mpfr_sub(P.lo, this.power.lo, this.powerBelow.hi, RNDD);
      mpfr.mpfr_sub(P.hi, this.power.hi, this.powerBelow.lo, RNDU);
      if (mpfr.mpfr_sgn(P.lo) < 0) mpfr.mpfr_set_zero(P.lo, 1); // P_k >= 0 exactly
    } else {
      this.logRatio(this.t); // log(c_{k-1} / c_k)
      scale(this.t, this.t, this.n);
      expm1(this.t, this.t);
      neg(this.t, this.t); // 1 - (F_{k-1} / F_k)^n
      mul(P, this.power, this.t);
    }
    return true;
  }

  /** log F_k of the current level into o (arena precision). */
  logAtOrBelow(o: Interval): void {
    logFraction(o, this.atOrBelow, this.above, this.total);
  }

  /**
   * log P_k of the current level in log space, n log F_k + log(1 - (F_{k-1}/F_k)^n), into o: finite even when P_k
   * is below MPFR's exponent range (about 10^-3.2e8), where the interval P_k is [0, tiny].
   */
  logProb(o: Interval): void {
    this.logAtOrBelow(o);
    scale(o, o, this.n);
    if (this.k === 0) return;
    this.logRatio(this.u);
    scale(this.u, this.u, this.n);
    expm1(this.u, this.u);
    neg(this.u, this.u);
    log(this.u, this.u);
    add(o, o, this.u);
  }

  /** Sets `ptr` (at least the exact precision) to the mass of level j, exactly, in the walk's units. */
  setMassOf(ptr: RealPtr, j: number): void {
    this.masses.setMass(ptr, j, this.arena.scratchInteger());
  }

  /** The exact precision (bits) of the walk's exact numbers. */
  get exactBits(): number {
    return this.masses.bits;
  }

  /** Approximate c_k / T and a_k / T of level j (for choices that only affect tightness). */
  approxAtOrBelow(j: number): number {
    return this.masses.approxAtOrBelow[j]!;
  }
  approxAbove(j: number): number {
    return this.masses.approxAbove[j]!;
  }
  /** The index of a smallest level mass among levels 0..j. */
  smallestMassUpTo(j: number): number {
    return this.masses.prefixMin[j]!;
  }

  /** o = log(c_{k-1} / c_k) = log(1 - g_k / c_k), the ratio exact before its one rounding. */
  private logRatio(o: Interval): void {
    if (mpfr.mpfr_cmp(this.mass, this.below) <= 0) {
      divideExact(o, this.mass, this.atOrBelow);
      neg(o, o);
      log1p(o, o);
    } else {
      divideExact(o, this.below, this.atOrBelow);
      log(o, o);
    }
  }

  /** o = F^n for F = c / T, from the exact c and a = T - c. */
  private powerOf(o: Interval, c: RealPtr, a: RealPtr): void {
    if (this.n <= MAX_POWER_N) {
      pointPower(o, c, this.n);
      const Tn = this.totalPower;
      mpfr.mpfr_div(o.lo, o.lo, Tn.hi, RNDD);
      mpfr.mpfr_div(o.hi, o.hi, Tn.lo, RNDU);
      return;
    }
    const logF = this.u;
    logFraction(logF, c, a, this.total);
    scale(logF, logF, this.n);
    exp(logF, logF);
    mpfr.mpfr_set(o.lo, logF.lo, RNDD); // exact: o has more bits
    mpfr.mpfr_set(o.hi, logF.hi, RNDU);
  }
}

/** MPFR reported an inexact sum of exact level masses: impossible unless the units are wrong. */
function exactly(ternary: number): void {
  if (ternary !== 0) throw new Error("level walk: a sum of level masses was not exact");
}

/** o = x^n for an exact x >= 0: one correctly rounded power, its upward rounding the next number (or itself). */
function pointPower(o: Interval, x: RealPtr, n: number): void {
  const ternary = mpfr.mpfr_pow_ui(o.lo, x, n, RNDD);
  mpfr.mpfr_set(o.hi, o.lo, RNDU);
  if (ternary !== 0) mpfr.mpfr_nextabove(o.hi);
}

/** o = x / y for exact positive x, y: each end rounded once. */
function divideExact(o: Interval, x: RealPtr, y: RealPtr): void {
  mpfr.mpfr_div(o.lo, x, y, RNDD);
  mpfr.mpfr_div(o.hi, x, y, RNDU);
}

/** o = log(c / T) for exact c = T - a: log1p(-a / T) when a <= c (near the top), log(c / T) otherwise. */
function logFraction(o: Interval, c: RealPtr, a: RealPtr, T: RealPtr): void {
  if (mpfr.mpfr_zero_p(a) !== 0) {
    setZero(o);
    return;
  }
  if (mpfr.mpfr_cmp(a, c) <= 0) {
    divideExact(o, a, T);
    neg(o, o);
    log1p(o, o);
  } else {
    divideExact(o, c, T);
    log(o, o);
  }
}

