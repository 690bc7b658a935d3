/**
 * Per-prompt values for `bonkl estimate`, from the certified oracle: KLhat(eps_n) (Eq. 28), KLhat_1(eps_n)
 * (Eq. 26) at eps_n = exp(logp), and the formula log n - (n-1)/n (Eq. 5), each the double nearest the exact
 * value (the oracle is asked for a relative width of 1e-17). Repeated (n, logp) pairs are computed once.
 */
import { klEstimate, klEstimateUpper, klFormula, type Enclosure } from "../oracle/index.ts";
import type { PromptSample } from "./prompt-input.ts";

export interface PromptEstimate {
  readonly estimate: number;
  readonly estimateUpper: number;
  readonly formula: number;
}

const ACCURACY = { relative: 1e-17, absolute: 1e-300, startPrecision: 64 };

function nearest(e: Enclosure): number {
  return e.mid;
}

export function promptEstimates(samples: readonly PromptSample[], onProgress?: (done: number, total: number) => void): PromptEstimate[] {
  const cache = new Map<string, PromptEstimate>();
  const formulas = new Map<number, number>();
  return samples.map((sample, i) => {
    const key = `${sample.n}|${typeof sample.logp}|${sample.logp}`;
    let value = cache.get(key);
    if (value === undefined) {
      let formula = formulas.get(sample.n);
      if (formula === undefined) {
        formula = nearest(klFormula({ n: sample.n }, ACCURACY));
        formulas.set(sample.n, formula);
      }
      const args = { n: sample.n, logEps: sample.logp };
      value = { estimate: nearest(klEstimate(args, ACCURACY)), estimateUpper: nearest(klEstimateUpper(args, ACCURACY)), formula };
      cache.set(key, value);
    }
    onProgress?.(i + 1, samples.length);
    return value;
  });
}
