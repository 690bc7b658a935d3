/** Intervals of exact input values. */
import { Interval, setDouble, setRational } from "../../numerics/interval.ts";
import type { Arena } from "../../numerics/arena.ts";
import type { ExactValue } from "../input/parse.ts";
import type { Rational } from "../../numerics/rational.ts";

/** The tightest interval around an exact value (a point when it is a double). */
export function intervalOf(arena: Arena, x: ExactValue | Rational): Interval {
  const v = Interval.alloc(arena);
  const d = (x as ExactValue).double;
  if (d !== undefined) setDouble(v, d);
  else setRational(v, x.num, x.den);
  return v;
}

/** x / y for exact rationals, rounded once. */
export function ratioOf(arena: Arena, x: Rational, y: Rational): Interval {
  const v = Interval.alloc(arena);
  setRational(v, x.num * y.den, x.den * y.num);
  return v;
}
