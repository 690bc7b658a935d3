// @bug the PMF estimated by Monte Carlo (20000 simulated best-of-n draws) instead of computed
// @op bonPmf
// @caught-in standard
// @right-in none
// @classes standard: in-order/value
// @form program
//
// Each simulated best-of-n draw is the outcome whose CDF interval holds the maximum of n uniforms, U^(1/n)
// (Eq. 11): the frequencies carry a sampling error of about sqrt(pi (1 - pi) / 20000), some 1e-3.
import { serve } from "./_serve.mjs";

const SAMPLES = 20_000;

function bonPmf({ p, n }) {
  const total = p.reduce((a, b) => a + b, 0);
  const cdf = [];
  let F = 0;
  for (const x of p) cdf.push((F += x / total));
  const counts = new Array(p.length).fill(0);
  for (let s = 0; s < SAMPLES; s++) {
    const u = Math.random() ** (1 / n);
    let lo = 0;
    let hi = p.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (u < cdf[mid]) hi = mid;
      else lo = mid + 1;
    }
    counts[lo]++;
  }
  return counts.map((c) => c / SAMPLES);
}

await serve({ bonPmf });
