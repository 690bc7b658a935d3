/**
 * KL(pi_n || p), Eq. (3), and the formula log n - (n-1)/n, Eq. (5).
 *
 * Per reward level k the ratio pi_i / p_i is the same for all its outcomes (P_k / q_k, with q_k = g_k / total the
 * normalised level mass), so Eq. (3) is sum_k P_k log(P_k / q_k), which is Eq. (24)'s expectation written out.
 *
 * klBon streams the levels from the top down (level-walk.ts) and stops early once the levels left below are provably
 * negligible: for the bottom block 0..j, sum P = F_j^n exactly (telescoping), each P_i <= F_j^n, so when F_j^n is at
 * most the smallest q_i of the block every term is <= 0, and by the log-sum inequality their sum is at least
 * F_j^n log(F_j^n / F_j) = (n-1) F_j^n log F_j >= -(n-1) F_j^n (1 - F_j) / F_j. The block then adds the interval
 * [-(n-1) F_j^n a_j / c_j, 0] (two roundings up), and is cut off only when that width is below 2^-(prec+8) of the sum
 * so far. For large n only the top levels matter (at n = 1e6, L = 1e4: levels with F_j^n < 2^-160 are the bottom
 * 99.9 %), so the pass costs far less than L transcendental evaluations.
 */
import { Interval, add, log, mul, div, setZero, sub } from "../../numerics/interval.ts";
import type { Arena } from "../../numerics/arena.ts";
import { mpfr, RNDD, RNDU, type RealPtr } from "../../numerics/mpfr.ts";
import type { Distribution } from "../distribution.ts";
import { logLevelProb, type BonLevels } from "./bon-policy.ts";
import { EXTRA_BITS, LevelWalk } from "./level-walk.ts";

/** KL(pi_n || p) from levels kept in arrays (bonLevels), Eq. (3). */
export function klFromLevels(arena: Arena, levels: BonLevels): Interval {
  const sum = Interval.alloc(arena);
  setZero(sum);
  const t = Interval.alloc(arena);
  const u = Interval.alloc(arena);
  levels.prob.forEach((P, k) => {
    const g = levels.mass[k] as Interval;
    if (P.isPositive()) {
      mul(t, P, levels.total);
      div(t, t, g);
      log(t, t); // log(P_k / (g_k / total))
    } else {
      // P_k underflowed: take log P_k in log space; the term is then a rigorous [negative tiny, 0].
      const logP = logLevelProb(arena, levels, k);
      div(u, g, levels.total);
      log(u, u);
      sub(t, logP, u);
    }
    mul(t, P, t);
    add(sum, sum, t);
  });
  return sum;
}

/** KL(pi_n || p) in nats (Eq. 3), streaming the levels from the top down. */
export function klBon(arena: Arena, dist: Distribution, n: number): Interval {
  const walk = new LevelWalk(arena, dist, n);
  // Summed EXTRA_BITS beyond the working precision: from the top down, the running sum is large from the start, and
  // L roundings of it at the working precision would cost log2(L) bits.
  const sum = Interval.allocAt(arena, arena.prec + EXTRA_BITS);
  setZero(sum);
  const term = Interval.alloc(arena);
  const u = Interval.alloc(arena);
  const bottom = new BottomBlock(arena, walk);
  while (walk.next()) {
    levelTerm(term, walk, u);
    add(sum, sum, term);
    if (walk.k > 0 && bottom.close(sum)) break;
  }
  return sum;
}

/**
 * o = P_k log(P_k / q_k) for the walk's current level (u: scratch). Exported for its tests: the log-space branch (P_k
 * below MPFR's exponent range) needs inputs of hundreds of MB to reach through klBon.
 */
export function levelTerm(o: Interval, walk: LevelWalk, u: Interval): void {
  const P = walk.prob;
  if (mpfr.mpfr_sgn(P.lo) > 0) {
    // P_k / q_k = P_k T / g_k, T and g_k exact
    mpfr.mpfr_mul(u.lo, P.lo, walk.total, RNDD);
    mpfr.mpfr_div(u.lo, u.lo, walk.mass, RNDD);
    mpfr.mpfr_mul(u.hi, P.hi, walk.total, RNDU);
    mpfr.mpfr_div(u.hi, u.hi, walk.mass, RNDU);
    log(u, u);
  } else {
    // P_k underflowed: log P_k in log space; the term is then a rigorous [negative tiny, 0].
    walk.logProb(u);
    mpfr.mpfr_div(o.lo, walk.mass, walk.total, RNDD);
    mpfr.mpfr_div(o.hi, walk.mass, walk.total, RNDU);
    log(o, o); // log q_k
    sub(u, u, o);
  }
  mul(o, P, u);
}

/** The bound on the levels left below the walk's current one (see the module comment). */
class BottomBlock {
  /** The smallest exact mass of the block (exact: the walk's exact precision). */
  private readonly smallest: RealPtr;
  /** That mass over the total, rounded down at the working precision (a quotient at the exact precision would cost a
   *  division of numbers of up to 330,000 bits at every level for masses like 1e-100000). */
  private readonly smallestShare: RealPtr;
  private readonly width: RealPtr;
  private readonly negligible: number;

  constructor(
    arena: Arena,
    private readonly walk: LevelWalk,
  ) {
    this.smallest = arena.realWithPrecision(walk.exactBits); // every exact mass fits in exactBits
    this.smallestShare = arena.real();
    this.width = arena.real();
    this.negligible = 2 ** -(arena.prec + 8);
  }

  /** Adds the bound of levels 0..k-1 to `sum` and returns true when it is negligible (false: walk on). */
  close(sum: Interval): boolean {
    const walk = this.walk;
    const j = walk.k - 1;
    const n = walk.n;
    const Pb = walk.powerBelow; // F_j^n = sum of P_i over the block
    const estimate = (n - 1) * mpfr.mpfr_get_d(Pb.hi, RNDU) * (walk.approxAbove(j) / walk.approxAtOrBelow(j));
    if (!(estimate <= this.negligible * Math.abs(sum.midDouble()))) return false;
    // every P_i <= F_j^n <= q_i in the block (the smallest q_i decides)
    walk.setMassOf(this.smallest, walk.smallestMassUpTo(j));
    mpfr.mpfr_div(this.smallestShare, this.smallest, walk.total, RNDD);
    if (mpfr.mpfr_lessequal_p(Pb.hi, this.smallestShare) === 0) return false;
    // width = (n-1) F_j^n a_j / c_j, rounded up
    mpfr.mpfr_div(this.width, walk.aboveBelow, walk.below, RNDU);
    mpfr.mpfr_mul_d(this.width, this.width, n - 1, RNDU);
    mpfr.mpfr_mul(this.width, this.width, Pb.hi, RNDU);
    mpfr.mpfr_sub(sum.lo, sum.lo, this.width, RNDD);
    return true;
  }
}

/** The formula of Eq. (5): log n - (n-1)/n. For n = 1 it is exactly 0. */
export function klFormula(arena: Arena, n: number): Interval {
  const logN = Interval.fromDouble(arena, n).log();
  const fraction = Interval.fromRational(arena, BigInt(n - 1), BigInt(n));
  return logN.sub(fraction);
}
