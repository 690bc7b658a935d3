/**
 * Compensated summation: Neumaier's improved Kahan-Babuska scheme, with the rounding error of each addition
 * obtained by Knuth's branch-free TwoSum (this is Ogita-Rump-Oishi's Sum2). Neumaier's usual update
 * `if (|s| >= |x|) c += (s - t) + x; else c += (x - t) + s` computes the same exact error term; TwoSum gets it
 * without the data-dependent branch, which also keeps V8's optimised code from deoptimising on the rarely taken
 * side. Hot loops in this library inline the same three lines instead of calling these helpers.
 *
 * Error model: for m addends x_i, the returned sum s satisfies
 *   |s - sum x_i| <= u |sum x_i| + 2 m u^2 sum |x_i|        (u = 2^-53),
 * i.e. it is the correctly rounded sum up to a second-order term. For non-negative addends (masses) this is a
 * relative error of at most u (1 + 2 m u), about one ulp even for m = 10^6.
 */

/** A running compensated sum: `sum` is the leading part, `compensation` the accumulated rounding errors. */
export class NeumaierSum {
  sum = 0;
  compensation = 0;

  add(x: number): void {
    const t = this.sum + x;
    const tb = t - this.sum; // TwoSum (Knuth): the exact error of sum + x
    this.compensation += this.sum - (t - tb) + (x - tb);
    this.sum = t;
  }

  /** The compensated value, rounded once. */
  value(): number {
    return this.sum + this.compensation;
  }
}

/** Compensated sum of `values[from..to)` (default: all of it). */
export function neumaierSum(values: ArrayLike<number>, from = 0, to = values.length): number {
  let s = 0;
  let c = 0;
  for (let i = from; i < to; i++) {
    const x = values[i]!;
    const t = s + x;
    const tb = t - s; // TwoSum (Knuth): c gathers the exact error of s + x
    c += s - (t - tb) + (x - tb);
    s = t;
  }
  return s + c;
}
