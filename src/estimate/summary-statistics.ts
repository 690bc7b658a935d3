/**
 * The mean over prompts with a normal-approximation 95% confidence interval: mean +- 1.96 * s / sqrt(count),
 * s the sample standard deviation (denominator count - 1). Accumulated one value at a time (RunningSummary), so a
 * file of any length is summarised in constant memory: the sum is compensated (Neumaier), so the mean of many
 * values is accurate to a few ulps, and the spread is Welford's running sum of squared deviations.
 */

/** z for a two-sided 95% normal interval. */
export const Z_95 = 1.96;

export interface Summary {
  readonly count: number;
  readonly mean: number;
  /** Sample standard deviation; NaN for a single value. */
  readonly sd: number;
  /** 95% confidence interval for the mean; NaN ends for a single value. */
  readonly ci: readonly [number, number];
}

/** Count, mean and spread of values added one at a time. */
export class RunningSummary {
  private count = 0;
  private sum = 0;
  private compensation = 0;
  /** Welford: running mean and sum of squared deviations from it. */
  private runningMean = 0;
  private squares = 0;
  private first = Number.NaN;
  private allEqual = true;

  add(v: number): void {
    if (this.count === 0) this.first = v;
    else if (v !== this.first) this.allEqual = false;
    this.count += 1;
    const t = this.sum + v;
    this.compensation += Math.abs(this.sum) >= Math.abs(v) ? this.sum - t + v : v - t + this.sum;
    this.sum = t;
    const delta = v - this.runningMean;
    this.runningMean += delta / this.count;
    this.squares += delta * (v - this.runningMean);
  }

  summary(): Summary {
    const count = this.count;
    if (count === 0) throw new RangeError("summary of no values");
    if (this.allEqual) return { count, mean: this.first, sd: count === 1 ? Number.NaN : 0, ci: count === 1 ? [Number.NaN, Number.NaN] : [this.first, this.first] };
    const mean = (this.sum + this.compensation) / count;
    const sd = Math.sqrt(Math.max(0, this.squares) / (count - 1));
    const half = (Z_95 * sd) / Math.sqrt(count);
    return { count, mean, sd, ci: [mean - half, mean + half] };
  }
}

export function summarize(values: Iterable<number>): Summary {
  const running = new RunningSummary();
  for (const v of values) running.add(v);
  return running.summary();
}
