/**
 * KL(pi_n || p), Eq. (3), and the formula log n - (n-1)/n, Eq. (5).
 *
 * Per reward level k the ratio pi_i / p_i is the same for all its outcomes (P_k / g_k, with g_k and P_k
 * normalised), so Eq. (3) is sum_k P_k log(P_k / g_k), which is Eq. (24)'s expectation written out.
 */
import { Interval, add, log, mul, div, setZero, sub } from "../../numerics/interval.ts";
import type { Arena } from "../../numerics/arena.ts";
import type { Distribution } from "../distribution.ts";
import { bonLevels, logLevelProb, type BonLevels } from "./bon-policy.ts";

/** KL(pi_n || p) from precomputed levels (Eq. 3). */
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

/** KL(pi_n || p) in nats (Eq. 3). */
export function klBon(arena: Arena, dist: Distribution, n: number): Interval {
  return klFromLevels(arena, bonLevels(arena, dist, n));
}

/** The formula of Eq. (5): log n - (n-1)/n. For n = 1 it is exactly 0. */
export function klFormula(arena: Arena, n: number): Interval {
  const logN = Interval.fromDouble(arena, n).log();
  const fraction = Interval.fromRational(arena, BigInt(n - 1), BigInt(n));
  return logN.sub(fraction);
}
