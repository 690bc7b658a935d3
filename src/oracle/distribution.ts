/**
 * A validated distribution p with optional rewards r, in the form the paper's proof of Lemma 1 uses:
 * outcomes ordered by reward (y~_1 lowest ... y~_L highest). Outcomes of equal reward form one *reward
 * level*; zero-mass outcomes belong to no level (they are outside the paper's Y*) and get pi = 0.
 *
 * Everything here is exact (bigint rationals); intervals are made from it at each working precision.
 */
import { compareRational, type Rational } from "../numerics/rational.ts";
import { parseProbabilitiesAndSum, parseRewards, sumRationals, type ExactValue } from "./input/parse.ts";

/** A reward level: the positive-mass outcomes that share one reward value. */
export interface Level {
  /** Input indices of its outcomes (positive mass only), in input order. */
  readonly members: readonly number[];
  /** Its total mass g (unnormalised, exact). */
  readonly mass: ExactValue;
}

export class Distribution {
  private constructor(
    /** p as given (exact, unnormalised), in input order. */
    readonly masses: readonly ExactValue[],
    /** The exact sum of p, by which everything is normalised. */
    readonly total: Rational,
    /** Positive-mass reward levels in increasing reward order. */
    readonly levels: readonly Level[],
    /** Whether rewards were given (otherwise p is in increasing reward order, rewards distinct). */
    readonly hasRewards: boolean,
  ) {}

  /** Validates and orders {p, r?}; field names in errors are prefixed with `prefix` (e.g. "components[2]."). */
  static parse(input: { p: unknown; r?: unknown }, prefix = ""): Distribution {
    const { masses, total } = parseProbabilitiesAndSum(input.p, `${prefix}p`);
    if (input.r === undefined || input.r === null) {
      const levels: Level[] = [];
      masses.forEach((mass, i) => {
        if (mass.num > 0n) levels.push({ members: [i], mass });
      });
      return new Distribution(masses, total, levels, false);
    }
    const rewards = parseRewards(input.r, masses.length, `${prefix}r`);
    const order = masses.map((_, i) => i).filter((i) => (masses[i] as ExactValue).num > 0n);
    // Array.prototype.sort is stable and `order` starts in input order: equal rewards keep their input order.
    order.sort((a, b) => compareReward(rewards[a] as ExactValue, rewards[b] as ExactValue));
    const levels: Level[] = [];
    let start = 0;
    while (start < order.length) {
      let end = start + 1;
      const reward = rewards[order[start] as number] as ExactValue;
      while (end < order.length && compareReward(rewards[order[end] as number] as ExactValue, reward) === 0) end++;
      const members = order.slice(start, end);
      const mass = members.length === 1 ? (masses[members[0] as number] as ExactValue) : sumRationals(members.map((i) => masses[i] as ExactValue));
      levels.push({ members, mass });
      start = end;
    }
    return new Distribution(masses, total, levels, true);
  }

  /** L: the number of outcomes, zero-mass ones included. */
  get size(): number {
    return this.masses.length;
  }

  /** Whether some reward level holds more than one positive-mass outcome. */
  get hasTies(): boolean {
    return this.levels.some((level) => level.members.length > 1);
  }

  /** The highest positive-mass level (Y*'s top): its mass is eps_infinity. */
  get topLevel(): Level {
    const top = this.levels[this.levels.length - 1];
    if (top === undefined) throw new Error("distribution without positive mass");
    return top;
  }
}

function compareReward(a: ExactValue, b: ExactValue): number {
  if (a.double !== undefined && b.double !== undefined) return a.double < b.double ? -1 : a.double > b.double ? 1 : 0;
  return compareRational(a, b);
}
