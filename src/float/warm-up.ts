/**
 * Type-feedback priming for V8, run once when the library is imported (a few milliseconds, most of it the
 * first compilation of the functions, which the first real call would pay anyway).
 *
 * V8 allocates a function's feedback vector only after several calls, and compiles a long loop on stack
 * replacement (OSR) in the middle of the first large call. Code that had not yet run with a feedback vector at
 * that point (the lines before and after the loop, a rarely taken branch) is compiled without type feedback;
 * later calls then deoptimise there and run part of every call in the interpreter. Measured on klBon with
 * L = 10^6: 2-3x slower, at random from one process to the next. Calling each hot path a few times on tiny
 * inputs first gives V8 complete feedback, so the first large call is compiled right (measured: no
 * deoptimisation left in the library's functions; 3 rounds suffice, 2 already did).
 *
 * The inputs below reach every branch of the level sweep (series, general, dominant level, zero mass,
 * underflow), the tie grouping (sorted and unsorted rewards) and the estimators; results are discarded.
 */
import { bonPmf } from "./bon-pmf.ts";
import { klBon } from "./kl-bon.ts";
import { klEstimate } from "./kl-estimate.ts";
import { klEstimateUpper } from "./kl-estimate-upper.ts";
import { renyi2 } from "./renyi2.ts";
import { epsInfinity } from "./eps-infinity.ts";

const PRIMING_CALLS = 3;

/** A small p reaching every branch: tiny top levels (series), mid levels (general), zeros. */
const mixed = [0.3, 0, 0.0004, 0.2, 0.499, 0.0003, 0.0003];
/** One level holding almost everything (the dominant-level branch). */
const concentrated = [0.0005, 0.999, 0.0005];
const rewards = [3, 1, 2, 2, 0, 5, 4];

export function warmUp(): void {
  for (let i = 0; i < PRIMING_CALLS; i++) {
    for (const n of [2, 1e6]) {
      klBon(mixed, n);
      klBon(concentrated, n);
      bonPmf(mixed, n);
      bonPmf(concentrated, n);
      klBon(mixed, n, rewards);
      bonPmf(mixed, n, [0, 1, 1, 2, 3, 4, 5]);
      klEstimate(n, { eps: 1e-4 });
      klEstimate(n, { logEps: -0.1 });
      klEstimateUpper(n, { eps: 0.7 });
      klEstimateUpper(n, { logEps: -1e5 });
    }
    renyi2(mixed);
    renyi2(concentrated);
    epsInfinity(mixed);
    epsInfinity(mixed, rewards);
  }
}

warmUp();
