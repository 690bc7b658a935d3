/**
 * Interval arithmetic on MPFR with outward rounding: every operation returns an interval [lo, hi] that
 * contains f(x) for every x in its operands (the inclusion property). Lower ends are rounded toward -inf,
 * upper ends toward +inf; transcendental functions come from MPFR, correctly rounded in each direction.
 *
 * Monotone functions of a narrow interval cost one MPFR call, not two: f(lo) is rounded down, its upward
 * rounding is the next number above (MPFR rounds correctly, so the two directed roundings of an inexact
 * result are adjacent), and f(hi) is bounded by the mean value theorem, e.g. log(hi) <= log(lo) + (hi-lo)/lo.
 * `setTwoCallTranscendentals(true)` turns this off (the tests check both ways agree).
 */
import type { Arena } from "./arena.ts";
import { bitLength } from "./dyadic.ts";
import { mpfr, RNDD, RNDN, RNDU, setIntegerFromBigInt as setIntegerFromBigIntPtr, type RealPtr } from "./mpfr.ts";

/** Relative width below which the one-call (mean value) bound is used. */
const NARROW = 2 ** -16;

let twoCallTranscendentals = false;

/** Evaluate f(lo) and f(hi) separately in every transcendental function (slower; for cross-checking). */
export function setTwoCallTranscendentals(on: boolean): void {
  twoCallTranscendentals = on;
}

export class Interval {
  private constructor(
    readonly arena: Arena,
    readonly lo: RealPtr,
    readonly hi: RealPtr,
  ) {}

  /** A new interval (value unset) owned by `arena`. */
  static alloc(arena: Arena): Interval {
    return new Interval(arena, arena.real(), arena.real());
  }

  /**
   * A new interval whose ends have `prec` bits instead of the arena's precision (still owned by `arena`). Only the
   * operations that write their result directly into its ends keep that precision: those going through the arena's
   * scratch numbers (sub, neg, div, the transcendental functions) swap arena-precision numbers into it.
   */
  static allocAt(arena: Arena, prec: number): Interval {
    return new Interval(arena, arena.realWithPrecision(prec), arena.realWithPrecision(prec));
  }

  /** The exact value of a double (exact since every working precision is >= 53 bits). */
  static fromDouble(arena: Arena, x: number): Interval {
    const v = Interval.alloc(arena);
    setDouble(v, x);
    return v;
  }

  /** The enclosure of num/den for bigints (den > 0): each end correctly rounded outward. */
  static fromRational(arena: Arena, num: bigint, den: bigint): Interval {
    const v = Interval.alloc(arena);
    setRational(v, num, den);
    return v;
  }

  /** [lo, hi] from two doubles (lo <= hi). */
  static fromBounds(arena: Arena, lo: number, hi: number): Interval {
    const v = Interval.alloc(arena);
    mpfr.mpfr_set_d(v.lo, lo, RNDD);
    mpfr.mpfr_set_d(v.hi, hi, RNDU);
    return v;
  }

  copy(): Interval {
    const v = Interval.alloc(this.arena);
    assign(v, this);
    return v;
  }

  add(b: Interval): Interval {
    return this.make((o) => add(o, this, b));
  }
  sub(b: Interval): Interval {
    return this.make((o) => sub(o, this, b));
  }
  mul(b: Interval): Interval {
    return this.make((o) => mul(o, this, b));
  }
  div(b: Interval): Interval {
    return this.make((o) => div(o, this, b));
  }
  neg(): Interval {
    return this.make((o) => neg(o, this));
  }
  /** Multiplies by a double (exact in MPFR). */
  scale(x: number): Interval {
    return this.make((o) => scale(o, this, x));
  }
  addDouble(x: number): Interval {
    return this.make((o) => addDouble(o, this, x));
  }
  square(): Interval {
    return this.make((o) => square(o, this));
  }
  log(): Interval {
    return this.make((o) => log(o, this));
  }
  log1p(): Interval {
    return this.make((o) => log1p(o, this));
  }
  exp(): Interval {
    return this.make((o) => exp(o, this));
  }
  expm1(): Interval {
    return this.make((o) => expm1(o, this));
  }

  /** Lower end > 0. */
  isPositive(): boolean {
    return mpfr.mpfr_sgn(this.lo) > 0;
  }
  /** Upper end < 0. */
  isNegative(): boolean {
    return mpfr.mpfr_sgn(this.hi) < 0;
  }
  /** Lower end >= 0. */
  isNonNegative(): boolean {
    return mpfr.mpfr_sgn(this.lo) >= 0;
  }
  /** lo == hi == 0. */
  isExactZero(): boolean {
    return mpfr.mpfr_zero_p(this.lo) !== 0 && mpfr.mpfr_zero_p(this.hi) !== 0;
  }
  /** Every value of this interval is < every value of b. */
  certainlyBelow(b: Interval): boolean {
    return mpfr.mpfr_less_p(this.hi, b.lo) !== 0;
  }
  /** The lower end as the nearest double (for decisions that only affect tightness, never rigor). */
  loDouble(): number {
    return mpfr.mpfr_get_d(this.lo, RNDD);
  }
  hiDouble(): number {
    return mpfr.mpfr_get_d(this.hi, RNDU);
  }
  /** Midpoint as the nearest double: an approximation, never a certified value. */
  midDouble(): number {
    const lo = mpfr.mpfr_get_d(this.lo, RNDN);
    const hi = mpfr.mpfr_get_d(this.hi, RNDN);
    return lo === hi ? lo : lo / 2 + hi / 2;
  }

  private make(fn: (o: Interval) => void): Interval {
    const o = Interval.alloc(this.arena);
    fn(o);
    return o;
  }
}

// ---- in-place operations: o may alias an operand ------------------------------------------------------

export function assign(o: Interval, a: Interval): void {
  if (o === a) return;
  mpfr.mpfr_set(o.lo, a.lo, RNDD);
  mpfr.mpfr_set(o.hi, a.hi, RNDU);
}

export function setDouble(o: Interval, x: number): void {
  if (!Number.isFinite(x)) throw new Error(`not a finite double: ${x}`);
  mpfr.mpfr_set_d(o.lo, x, RNDD);
  mpfr.mpfr_set_d(o.hi, x, RNDU);
}

export function setZero(o: Interval): void {
  mpfr.mpfr_set_zero(o.lo, 1);
  mpfr.mpfr_set_zero(o.hi, 1);
}

/** o = [lo, hi] from two doubles, each rounded outward. */
export function setBounds(o: Interval, lo: number, hi: number): void {
  mpfr.mpfr_set_d(o.lo, lo, RNDD);
  mpfr.mpfr_set_d(o.hi, hi, RNDU);
}

export function setRational(o: Interval, num: bigint, den: bigint): void {
  if (den <= 0n) throw new Error("setRational: denominator must be positive");
  const arena = o.arena;
  const z = arena.scratchInteger();
  const bits = Math.max(bitLength(num < 0n ? -num : num), 2);
  const x = arena.realWithPrecision(bits);
  setIntegerFromBigIntPtr(z, num);
  mpfr.mpfr_set_z(x, z, RNDN); // exact: x has enough bits
  setIntegerFromBigIntPtr(z, den);
  mpfr.mpfr_div_z(o.lo, x, z, RNDD);
  mpfr.mpfr_div_z(o.hi, x, z, RNDU);
}

export function add(o: Interval, a: Interval, b: Interval): void {
  mpfr.mpfr_add(o.lo, a.lo, b.lo, RNDD);
  mpfr.mpfr_add(o.hi, a.hi, b.hi, RNDU);
}

export function addDouble(o: Interval, a: Interval, x: number): void {
  mpfr.mpfr_add_d(o.lo, a.lo, x, RNDD);
  mpfr.mpfr_add_d(o.hi, a.hi, x, RNDU);
}

export function sub(o: Interval, a: Interval, b: Interval): void {
  const t = o.arena.scratch(0);
  mpfr.mpfr_sub(t, a.lo, b.hi, RNDD);
  mpfr.mpfr_sub(o.hi, a.hi, b.lo, RNDU);
  mpfr.mpfr_swap(o.lo, t);
}

export function neg(o: Interval, a: Interval): void {
  const t = o.arena.scratch(0);
  mpfr.mpfr_neg(t, a.hi, RNDD);
  mpfr.mpfr_neg(o.hi, a.lo, RNDU);
  mpfr.mpfr_swap(o.lo, t);
}

export function mul(o: Interval, a: Interval, b: Interval): void {
  const aLo = mpfr.mpfr_sgn(a.lo);
  const bLo = mpfr.mpfr_sgn(b.lo);
  if (aLo >= 0 && bLo >= 0) {
    mpfr.mpfr_mul(o.lo, a.lo, b.lo, RNDD);
    mpfr.mpfr_mul(o.hi, a.hi, b.hi, RNDU);
    refuseNaN(o);
    return;
  }
  if (allFinite(a, b) && mulBySigns(o, a, b, aLo, bLo)) return;
  fourCorners(o, a, b, mpfr.mpfr_mul);
}

function allFinite(a: Interval, b: Interval): boolean {
  return mpfr.mpfr_number_p(a.lo) !== 0 && mpfr.mpfr_number_p(a.hi) !== 0 && mpfr.mpfr_number_p(b.lo) !== 0 && mpfr.mpfr_number_p(b.hi) !== 0;
}

/**
 * o = a * b for finite ends, from the two corners that the signs of the ends single out (the classic case table):
 * the same ends as the four corners' min and max, since rounding in one direction is monotone. Returns false when
 * both operands contain 0 in their interior (then all four corners are needed). o may alias a or b.
 */
function mulBySigns(o: Interval, a: Interval, b: Interval, aLo: number, bLo: number): boolean {
  const aHi = mpfr.mpfr_sgn(a.hi);
  const bHi = mpfr.mpfr_sgn(b.hi);
  let lo: [RealPtr, RealPtr];
  let hi: [RealPtr, RealPtr];
  if (aLo >= 0) {
    // a >= 0, b.lo < 0
    lo = [a.hi, b.lo];
    hi = bHi <= 0 ? [a.lo, b.hi] : [a.hi, b.hi];
  } else if (aHi <= 0) {
    // a <= 0, a.lo < 0
    if (bLo >= 0) {
      lo = [a.lo, b.hi];
      hi = [a.hi, b.lo];
    } else if (bHi <= 0) {
      lo = [a.hi, b.hi];
      hi = [a.lo, b.lo];
    } else {
      lo = [a.lo, b.hi];
      hi = [a.lo, b.lo];
    }
  } else if (bLo >= 0) {
    // a.lo < 0 < a.hi, b >= 0
    lo = [a.lo, b.hi];
    hi = [a.hi, b.hi];
  } else if (bHi <= 0) {
    // a.lo < 0 < a.hi, b <= 0
    lo = [a.hi, b.lo];
    hi = [a.lo, b.lo];
  } else {
    return false;
  }
  if (o !== a && o !== b) {
    mpfr.mpfr_mul(o.lo, lo[0], lo[1], RNDD); // written in place: an interval of another precision keeps it
    mpfr.mpfr_mul(o.hi, hi[0], hi[1], RNDU);
    return true;
  }
  const t = o.arena.scratch(0);
  mpfr.mpfr_mul(t, lo[0], lo[1], RNDD);
  mpfr.mpfr_mul(o.hi, hi[0], hi[1], RNDU);
  mpfr.mpfr_swap(o.lo, t);
  return true;
}

export function div(o: Interval, a: Interval, b: Interval): void {
  const bPositive = mpfr.mpfr_sgn(b.lo) > 0;
  if (!bPositive && !(mpfr.mpfr_sgn(b.hi) < 0)) throw new Error("interval division by an interval containing 0");
  if (bPositive && mpfr.mpfr_sgn(a.lo) >= 0) {
    const t = o.arena.scratch(0);
    mpfr.mpfr_div(t, a.lo, b.hi, RNDD);
    mpfr.mpfr_div(o.hi, a.hi, b.lo, RNDU);
    mpfr.mpfr_swap(o.lo, t);
    return;
  }
  fourCorners(o, a, b, mpfr.mpfr_div);
}

/** o = a * x for a finite double x (exact in MPFR). */
export function scale(o: Interval, a: Interval, x: number): void {
  if (x >= 0) {
    mpfr.mpfr_mul_d(o.lo, a.lo, x, RNDD);
    mpfr.mpfr_mul_d(o.hi, a.hi, x, RNDU);
  } else {
    const t = o.arena.scratch(0);
    mpfr.mpfr_mul_d(t, a.hi, x, RNDD);
    mpfr.mpfr_mul_d(o.hi, a.lo, x, RNDU);
    mpfr.mpfr_swap(o.lo, t);
  }
  refuseNaN(o);
}

/** A NaN end means 0 * inf (or inf - inf) somewhere: no enclosure can come of it, so every operation refuses it. */
function refuseNaN(o: Interval): void {
  if (mpfr.mpfr_nan_p(o.lo) || mpfr.mpfr_nan_p(o.hi)) throw new Error("interval operation produced NaN (0 * inf?)");
}

export function square(o: Interval, a: Interval): void {
  if (mpfr.mpfr_sgn(a.lo) >= 0) {
    mpfr.mpfr_sqr(o.lo, a.lo, RNDD);
    mpfr.mpfr_sqr(o.hi, a.hi, RNDU);
    return;
  }
  if (mpfr.mpfr_sgn(a.hi) <= 0) {
    const t = o.arena.scratch(0);
    mpfr.mpfr_sqr(t, a.hi, RNDD);
    mpfr.mpfr_sqr(o.hi, a.lo, RNDU);
    mpfr.mpfr_swap(o.lo, t);
    return;
  }
  const t = o.arena.scratch(0);
  if (mpfr.mpfr_cmpabs(a.lo, a.hi) > 0) mpfr.mpfr_sqr(t, a.lo, RNDU);
  else mpfr.mpfr_sqr(t, a.hi, RNDU);
  mpfr.mpfr_swap(o.hi, t);
  mpfr.mpfr_set_zero(o.lo, 1);
}

/** Hull of two intervals into o. */
export function hull(o: Interval, a: Interval, b: Interval): void {
  mpfr.mpfr_min(o.lo, a.lo, b.lo, RNDD);
  mpfr.mpfr_max(o.hi, a.hi, b.hi, RNDU);
}

type Binary = (rop: RealPtr, x: RealPtr, y: RealPtr, rnd: number) => number;

function fourCorners(o: Interval, a: Interval, b: Interval, op: Binary): void {
  const arena = o.arena;
  const lo = arena.scratch(0);
  const hi = arena.scratch(1);
  const t = arena.scratch(2);
  op(lo, a.lo, b.lo, RNDD);
  op(hi, a.lo, b.lo, RNDU);
  const pairs: [RealPtr, RealPtr][] = [
    [a.lo, b.hi],
    [a.hi, b.lo],
    [a.hi, b.hi],
  ];
  let nan = mpfr.mpfr_nan_p(lo) !== 0;
  for (const [x, y] of pairs) {
    op(t, x, y, RNDD);
    nan ||= mpfr.mpfr_nan_p(t) !== 0;
    if (mpfr.mpfr_less_p(t, lo)) mpfr.mpfr_swap(t, lo);
    op(t, x, y, RNDU);
    if (mpfr.mpfr_greater_p(t, hi)) mpfr.mpfr_swap(t, hi);
  }
  // any NaN corner, not only the first (comparisons with NaN are false, so a later one would be skipped silently)
  if (nan) throw new Error("interval operation produced NaN (0 * inf?)");
  mpfr.mpfr_swap(o.lo, lo);
  mpfr.mpfr_swap(o.hi, hi);
}

// ---- monotone transcendental functions ----------------------------------------------------------------

/**
 * Writes into `up` the upward rounding of a value whose downward rounding is in `down`, given the ternary
 * result of the downward call (0 when exact).
 */
function roundUpFromDown(up: RealPtr, down: RealPtr, ternary: number): void {
  mpfr.mpfr_set(up, down, RNDU);
  if (ternary !== 0) mpfr.mpfr_nextabove(up);
}

/** d = RU(hi - lo), an upper bound on the width of a. */
function widthOf(d: RealPtr, a: Interval): void {
  mpfr.mpfr_sub(d, a.hi, a.lo, RNDU);
}

function isPoint(a: Interval): boolean {
  return mpfr.mpfr_equal_p(a.lo, a.hi) !== 0;
}

type Unary = (rop: RealPtr, x: RealPtr, rnd: number) => number;

/** An increasing function and its mean value bound (mpmath's libmpi writes each of these in a few lines too). */
interface Increasing {
  /** f, correctly rounded in direction rnd (an MPFR function): returns MPFR's ternary value (0 when exact). */
  readonly f: Unary;
  /** Turns d = RU(hi - lo) into a measure of the step f(hi) - f(lo) compared with NARROW (default: d itself). */
  readonly step?: (d: RealPtr, a: Interval) => void;
  /** Raises up >= f(lo) to a bound >= f(hi), given the step measure d <= NARROW. */
  readonly raise: (up: RealPtr, d: RealPtr, a: Interval) => void;
}

/**
 * o = f(a) for an increasing f: f(lo) rounded down; f(hi) rounded up, or, for a narrow interval, bounded from the
 * upward rounding of f(lo) (adjacent to the downward one) by the mean value theorem: one MPFR call instead of two.
 */
function increasing(o: Interval, a: Interval, fn: Increasing): void {
  const arena = o.arena;
  const down = arena.scratch(3);
  const up = arena.scratch(4);
  const ternary = fn.f(down, a.lo, RNDD);
  if (isPoint(a)) {
    roundUpFromDown(up, down, ternary);
  } else {
    const d = arena.scratch(5);
    widthOf(d, a);
    fn.step?.(d, a);
    if (!twoCallTranscendentals && mpfr.mpfr_cmp_d(d, NARROW) <= 0) {
      roundUpFromDown(up, down, ternary);
      fn.raise(up, d, a);
    } else {
      fn.f(up, a.hi, RNDU);
    }
  }
  mpfr.mpfr_swap(o.lo, down);
  mpfr.mpfr_swap(o.hi, up);
}

/** t = RU(d + d^2): for 0 <= d <= 1, e^d - 1 <= d + d^2. */
function expIncrementBound(t: RealPtr, d: RealPtr): void {
  mpfr.mpfr_sqr(t, d, RNDU);
  mpfr.mpfr_add(t, t, d, RNDU);
}

const LOG: Increasing = {
  f: (r, x, rnd) => mpfr.mpfr_log(r, x, rnd),
  step: (d, a) => mpfr.mpfr_div(d, d, a.lo, RNDU), // (hi - lo) / lo >= log(hi) - log(lo)
  raise: (up, d) => mpfr.mpfr_add(up, up, d, RNDU),
};

const LOG1P: Increasing = {
  f: (r, x, rnd) => mpfr.mpfr_log1p(r, x, rnd),
  step: (d, a) => {
    const t = a.arena.scratch(6);
    mpfr.mpfr_add_ui(t, a.lo, 1, RNDD); // 1 + lo > 0, rounded down
    mpfr.mpfr_div(d, d, t, RNDU); // (hi - lo) / (1 + lo) >= log1p(hi) - log1p(lo)
  },
  raise: (up, d) => mpfr.mpfr_add(up, up, d, RNDU),
};

const EXP: Increasing = {
  f: (r, x, rnd) => mpfr.mpfr_exp(r, x, rnd),
  raise: (up, d, a) => {
    const t = a.arena.scratch(6);
    expIncrementBound(t, d); // exp(hi) = exp(lo) e^d <= exp(lo) (1 + d + d^2)
    mpfr.mpfr_add_ui(t, t, 1, RNDU);
    mpfr.mpfr_mul(up, up, t, RNDU);
  },
};

const EXPM1: Increasing = {
  f: (r, x, rnd) => mpfr.mpfr_expm1(r, x, rnd),
  raise: (up, d, a) => {
    // expm1(hi) = expm1(lo) + e^lo (e^d - 1) <= up(expm1(lo)) + (1 + up(expm1(lo))) (d + d^2)
    const t = a.arena.scratch(6);
    const eLo = a.arena.scratch(7);
    expIncrementBound(t, d);
    mpfr.mpfr_add_ui(eLo, up, 1, RNDU);
    mpfr.mpfr_mul(t, t, eLo, RNDU);
    mpfr.mpfr_add(up, up, t, RNDU);
  },
};

/** o = log(a); a must be > 0 (a.lo == 0 gives a lower end of -inf). */
export function log(o: Interval, a: Interval): void {
  if (!(mpfr.mpfr_sgn(a.hi) > 0)) throw new Error("log of an interval that is not positive");
  if (mpfr.mpfr_sgn(a.lo) <= 0) {
    const up = o.arena.scratch(4);
    mpfr.mpfr_log(up, a.hi, RNDU);
    mpfr.mpfr_set_inf(o.lo, -1);
    mpfr.mpfr_swap(o.hi, up);
    return;
  }
  increasing(o, a, LOG);
}

/** o = log(1 + a); a must be > -1. */
export function log1p(o: Interval, a: Interval): void {
  if (!(mpfr.mpfr_cmp_si(a.lo, -1) > 0)) throw new Error("log1p of an interval reaching -1");
  increasing(o, a, LOG1P);
}

/** o = exp(a). */
export function exp(o: Interval, a: Interval): void {
  increasing(o, a, EXP);
}

/** o = exp(a) - 1. */
export function expm1(o: Interval, a: Interval): void {
  increasing(o, a, EXPM1);
}
