/**
 * Corollary 1, Eq. (16): over prompts x ~ p_x, KL(pi_n || p) = E_x KL(pi_n || p | x). A mixture is a list
 * of (weight, distribution) pairs; the weights are normalised by their exact sum.
 */
import { Interval, add, mul, setZero } from "../../numerics/interval.ts";
import type { Arena } from "../../numerics/arena.ts";
import type { Distribution } from "../distribution.ts";
import type { ExactValue } from "../input/parse.ts";
import type { Rational } from "../../numerics/rational.ts";
import { intervalOf } from "./exact-value.ts";
import { klBon } from "./kl.ts";

export interface MixtureComponent {
  readonly weight: ExactValue;
  readonly distribution: Distribution;
}

export function klMixture(arena: Arena, components: readonly MixtureComponent[], totalWeight: Rational, n: number): Interval {
  const sum = Interval.alloc(arena);
  setZero(sum);
  const t = Interval.alloc(arena);
  for (const c of components) {
    if (c.weight.num === 0n) continue;
    mul(t, intervalOf(arena, c.weight), klBon(arena, c.distribution, n));
    add(sum, sum, t);
  }
  return sum.div(intervalOf(arena, totalWeight));
}
