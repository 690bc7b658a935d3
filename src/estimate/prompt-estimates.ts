/**
 * The estimate over prompts for `bonkl estimate`, from the certified oracle: per prompt, KLhat(eps_n) (Eq. 28),
 * KLhat_1(eps_n) (Eq. 26) at eps_n = exp(logp), and the formula log n - (n-1)/n (Eq. 5), each the correctly
 * rounded double (nearest-double.ts), summarised as the prompts stream by (memory independent of their number).
 *
 * A prompt with a value the oracle cannot pin down is left out of every mean (so the three columns average the same
 * prompts) and reported by line; the others are kept. That happens when the enclosure is still wide at the precision
 * cap: KLhat_1 at logp = "-1e10000" is about log n, but the oracle subtracts two enclosures of size 1e10000, and
 * 8192 bits leave a width of 1e7534. (All three values lie in [0, log n], so none is beyond the double range.)
 * Recent (n, logp) pairs are computed once (a bounded cache).
 */
import { InputError } from "../errors.ts";
import { klEstimate, klEstimateUpper, klFormula } from "../oracle/index.ts";
import { nearestDouble, type PointValue } from "./nearest-double.ts";
import type { PromptSample, PromptSource } from "./prompt-input.ts";
import { RunningSummary, type Summary } from "./summary-statistics.ts";

export interface PromptEstimate {
  readonly estimate: PointValue;
  readonly estimateUpper: PointValue;
  readonly formula: PointValue;
}

/** A prompt left out of the means, and why. */
export interface LeftOut {
  readonly where: string;
  readonly reason: string;
}

export interface EstimateSummary {
  readonly source: string;
  /** Prompts read (used and left out). */
  readonly read: number;
  readonly estimate: Summary;
  readonly estimateUpper: Summary;
  readonly formula: Summary;
  /** How many prompts were left out, and the first few of them (MAX_LISTED). */
  readonly leftOutCount: number;
  readonly leftOut: readonly LeftOut[];
  /** Per-prompt values that could not be certified as correctly rounded (their midpoints were used). */
  readonly uncertified: number;
}

/** Left-out prompts listed by line (the rest are counted). */
export const MAX_LISTED = 10;
/** Distinct (n, logp) pairs remembered. */
const CACHE_ENTRIES = 4096;

/** The values of one prompt. */
export function promptEstimate(sample: Pick<PromptSample, "n" | "logp">): PromptEstimate {
  const args = { n: sample.n, logEps: sample.logp };
  return {
    estimate: nearestDouble((accuracy) => klEstimate(args, accuracy)),
    estimateUpper: nearestDouble((accuracy) => klEstimateUpper(args, accuracy)),
    formula: nearestDouble((accuracy) => klFormula({ n: sample.n }, accuracy)),
  };
}

/** An uncertified value is still used (its midpoint) when its enclosure is this narrow, relatively. */
const USABLE_RELATIVE_WIDTH = 2 ** -40;

/** Why a prompt's values cannot enter a mean of doubles, or null. */
function unusable(e: PromptEstimate): string | null {
  const named: [string, PointValue][] = [["KLhat", e.estimate], ["KLhat_1", e.estimateUpper], ["log n - (n-1)/n", e.formula]];
  for (const [name, point] of named) {
    if (!point.certified && !(point.enclosure.relativeWidth <= USABLE_RELATIVE_WIDTH)) {
      return `${name} could not be narrowed below ${point.enclosure.toString()} at the oracle's precision cap (${point.enclosure.precision} bits)`;
    }
  }
  return null;
}

/**
 * Estimates every prompt of `input` and summarises them. `onProgress(count)` after each prompt. InputError when a
 * line is malformed, or when no prompt is usable.
 */
export function estimatePrompts(input: PromptSource, onProgress?: (count: number) => void): EstimateSummary {
  const cache = new Map<string, PromptEstimate>();
  const sums = { estimate: new RunningSummary(), estimateUpper: new RunningSummary(), formula: new RunningSummary() };
  const leftOut: LeftOut[] = [];
  let leftOutCount = 0;
  let read = 0;
  let used = 0;
  let uncertified = 0;
  for (const sample of input.prompts()) {
    read += 1;
    const key = `${sample.n}|${typeof sample.logp}|${sample.logp}`;
    let values = cache.get(key);
    if (values === undefined) {
      values = promptEstimate(sample);
      if (cache.size >= CACHE_ENTRIES) cache.clear();
      cache.set(key, values);
    }
    const problem = unusable(values);
    if (problem !== null) {
      leftOutCount += 1;
      if (leftOut.length < MAX_LISTED) leftOut.push({ where: sample.where, reason: problem });
    } else {
      used += 1;
      for (const name of ["estimate", "estimateUpper", "formula"] as const) {
        sums[name].add(values[name].value);
        if (!values[name].certified) uncertified += 1;
      }
    }
    onProgress?.(read);
  }
  if (read === 0) throw new InputError(input.source, "", "has no prompts");
  if (used === 0) throw new InputError(input.source, "", `has no prompt whose values a double can carry (${leftOut[0]?.where}: ${leftOut[0]?.reason})`);
  return { source: input.source, read, estimate: sums.estimate.summary(), estimateUpper: sums.estimateUpper.summary(), formula: sums.formula.summary(), leftOutCount, leftOut, uncertified };
}
