/**
 * The unnormalised reading of a case (spec/conformance.md, "Normalisation"): what an implementation computes when it
 * takes p as given instead of p / sum(p), which real code does when p comes from a softmax and "sums to 1". With
 * S = sum(p) (exact) and F_k' = S F_k, every quantity follows from the normalised one:
 *
 *   bonPmf:  pi_i' = (p_i / g_k)(F_k'^n - F_{k-1}'^n) = S^n pi_i
 *   klBon:   sum_i pi_i' log(pi_i' / p_i) = S^n (KL + (n - 1) log S)
 *   renyi2:  -log sum_i p_i^2 = H_2 - 2 log S
 *
 * certified from the oracle's enclosures of the normalised values (exact dyadic products for bonPmf; interval
 * arithmetic on MPFR for the others). The grader uses it to say in words when an answer matches p as given and not
 * p / sum(p); other ops do not read p and have no such reading.
 */
import { compareDyadic, type Dyadic, type Enclosure } from "../oracle/index.ts";
import { certify } from "../numerics/certify.ts";
import { doubleToDyadic, dyadicDifference } from "../numerics/dyadic.ts";
import { Interval, hull } from "../numerics/interval.ts";
import type { Arena } from "../numerics/arena.ts";
import type { Ends } from "./exact-distance.ts";

/** sum(p) exactly, when every mass is a JSON number; null otherwise (decimal-string masses are not diagnosed). */
export function exactSum(p: readonly unknown[]): Dyadic | null {
  if (!p.every((x) => Number.isFinite(x))) return null; // (Number.isFinite is false for anything but a finite number)
  return (p as number[]).reduce<Dyadic>((sum, x) => {
    const d = doubleToDyadic(x);
    const e = Math.min(sum.e, d.e);
    return { m: (sum.m << BigInt(sum.e - e)) + (d.m << BigInt(d.e - e)), e };
  }, ZERO_ABOVE_EVERY_DOUBLE);
}

/** 0, as a dyadic whose exponent is above every double's (so the sum's exponent is the smallest mass's). */
const ZERO_ABOVE_EVERY_DOUBLE: Dyadic = { m: 0n, e: 1024 };

const ONE: Dyadic = { m: 1n, e: 0 };

/** Whether a dyadic is exactly 1. */
export function isOne(d: Dyadic): boolean {
  return compareDyadic(d, ONE) === 0;
}

function intervalOf(arena: Arena, d: Dyadic): Interval {
  return Interval.fromRational(arena, d.m << BigInt(Math.max(0, d.e)), 1n << BigInt(Math.max(0, -d.e)));
}

function enclosureInterval(arena: Arena, e: Enclosure): Interval {
  const out = Interval.alloc(arena);
  hull(out, intervalOf(arena, e.lo), intervalOf(arena, e.hi));
  return out;
}

/** S^n. */
function powerOf(sum: Dyadic, n: number): Enclosure {
  return certify((arena) => intervalOf(arena, sum).log().scale(n).exp());
}

function times(a: Dyadic, b: Dyadic): Dyadic {
  return { m: a.m * b.m, e: a.e + b.e };
}

/** The unnormalised reading of bonPmf, per outcome. */
export function unnormalisedPmf(sum: Dyadic, n: number, pi: readonly Enclosure[]): Ends[] {
  const factor = powerOf(sum, n);
  return pi.map((e) => ({ lo: times(e.lo, factor.lo), hi: times(e.hi, factor.hi) }));
}

/** The unnormalised reading of klBon. */
export function unnormalisedKl(sum: Dyadic, n: number, kl: Enclosure): Ends {
  return certify((arena) => {
    const logS = intervalOf(arena, sum).log();
    return logS.scale(n).exp().mul(enclosureInterval(arena, kl).add(logS.scale(n - 1)));
  });
}

/** The unnormalised reading of renyi2. */
export function unnormalisedRenyi2(sum: Dyadic, h2: Enclosure): Ends {
  return certify((arena) => enclosureInterval(arena, h2).sub(intervalOf(arena, sum).log().scale(2)));
}

/** sum(p) - 1 as a double, for the report's words. */
export function sumOffset(sum: Dyadic): number {
  return dyadicDifference(sum, ONE);
}
