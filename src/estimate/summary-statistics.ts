/**
 * The mean over prompts with a normal-approximation 95% confidence interval: mean +- 1.96 * s / sqrt(count),
 * s the sample standard deviation (denominator count - 1). Sums are compensated (Neumaier), so the mean of
 * many values is accurate to a few ulps.
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

function compensatedSum(values: Iterable<number>): number {
  let sum = 0;
  let compensation = 0;
  for (const v of values) {
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + compensation;
}

export function summarize(values: readonly number[]): Summary {
  const count = values.length;
  if (count === 0) throw new RangeError("summary of no values");
  const first = values[0] as number;
  if (values.every((v) => v === first)) return { count, mean: first, sd: count === 1 ? Number.NaN : 0, ci: count === 1 ? [Number.NaN, Number.NaN] : [first, first] };
  const mean = compensatedSum(values) / count;
  if (count === 1) return { count, mean, sd: Number.NaN, ci: [Number.NaN, Number.NaN] };
  const sd = Math.sqrt(compensatedSum(values.map((v) => (v - mean) ** 2)) / (count - 1));
  const half = (Z_95 * sd) / Math.sqrt(count);
  return { count, mean, sd, ci: [mean - half, mean + half] };
}
