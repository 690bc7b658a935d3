/**
 * One row of the KL speed comparison: KL(pi_n || p) to `digits` digits for one (L, n), measured five ways in the
 * same run: `bonkl serve` (fresh processes: start-up, cold, cold request alone, warm), the oracle called directly
 * in this process (its first call instrumented to count passes and transcendental calls), mpmath (uncertified)
 * and the Arb anchor (certified), with the cross-checks that make the comparison meaningful.
 */
import { klBon, type Enclosure } from "../oracle/index.ts";
import type { ArbAnchor, ArbRun } from "./arb-anchor.ts";
import { arbAgreement, hasCorrectDigits } from "./cross-check.ts";
import { countMpfrCalls, type PassCount } from "./mpfr-call-counter.ts";
import { mpmathDps, runMpmath, type MpmathRun } from "./mpmath-runner.ts";
import { timeServe, type ServeTiming } from "./serve-session.ts";

/** The accuracy `bonkl serve --digits N` asks of the oracle. */
export { serveAccuracy } from "../serve/oracle-answer.ts";
import { serveAccuracy } from "../serve/oracle-answer.ts";

export interface RowPlan {
  L: number;
  n: number;
  p: number[];
  digits: number;
  /** Fresh serve processes (cold is their median). */
  serveProcesses: number;
  /** Warm repeats per process (warm is the best). */
  warmRepeats: number;
  /** Timed direct calls after the instrumented one; 0: the instrumented call is the figure. */
  directRepeats: number;
  mpmathRepeats: number;
  arbRepeats: number;
}

export interface RowResult {
  plan: RowPlan;
  serve: { startup: number; cold: number; coldRequest: number; warm: number; value: string; enclosure: [string, string] };
  direct: { seconds: number; instrumentedOnly: boolean; enclosure: Enclosure; passes: PassCount[] };
  mpmath: MpmathRun | Error | null;
  arb: ArbRun | Error | null;
  checks: {
    /** serve's digits equal the direct call's certified digits. */
    serveMatchesDirect: boolean;
    /** mpmath's value carries `digits` correct digits (null: no mpmath run). */
    mpmathCorrect: boolean | null;
    /** Arb's ball against bonkl's enclosure (null: no Arb run). */
    arb: { intersects: boolean; midpointInside: boolean } | null;
  };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function timed<T>(fn: () => T): { seconds: number; value: T } {
  const t = performance.now();
  const value = fn();
  return { seconds: (performance.now() - t) / 1000, value };
}

/** Measures one row. `mpmath` and `arb` are null when unavailable. */
export async function measureRow(plan: RowPlan, tools: { mpmath: boolean; arb: ArbAnchor }): Promise<RowResult> {
  const args = { p: plan.p, n: plan.n };
  const runs: ServeTiming[] = [];
  for (let i = 0; i < plan.serveProcesses; i++) runs.push(await timeServe("klBon", args, { digits: plan.digits, warmRepeats: plan.warmRepeats }));
  const first = runs[0] as ServeTiming;
  const warm = runs.flatMap((r) => r.warmSeconds);
  const serve = {
    startup: median(runs.map((r) => r.startupSeconds)),
    cold: median(runs.map((r) => r.coldSeconds)),
    coldRequest: median(runs.map((r) => r.coldRequestSeconds)),
    warm: warm.length > 0 ? Math.min(...warm) : Number.NaN,
    value: first.answer.value,
    enclosure: first.answer.enclosure,
  };

  const accuracy = serveAccuracy(plan.digits);
  const instrumented = timed(() => countMpfrCalls(() => klBon(args, accuracy)));
  let directSeconds = instrumented.seconds;
  let enclosure = instrumented.value.result;
  if (plan.directRepeats > 0) {
    directSeconds = Number.POSITIVE_INFINITY;
    for (let i = 0; i < plan.directRepeats; i++) {
      const run = timed(() => klBon(args, accuracy));
      directSeconds = Math.min(directSeconds, run.seconds);
      enclosure = run.value;
    }
  }
  const direct = { seconds: directSeconds, instrumentedOnly: plan.directRepeats === 0, enclosure, passes: instrumented.value.passes };

  const mpmath = tools.mpmath ? runMpmath(plan.p, plan.n, mpmathDps(plan.digits, plan.n, plan.p), plan.mpmathRepeats) : null;
  const arb = tools.arb.available ? tools.arb.run(plan.p, plan.n, plan.digits, plan.arbRepeats) : null;
  return {
    plan,
    serve,
    direct,
    mpmath,
    arb,
    checks: {
      serveMatchesDirect: enclosure.certifiedDecimal(plan.digits) === serve.value,
      mpmathCorrect: mpmath === null || mpmath instanceof Error ? null : hasCorrectDigits(mpmath.value, serve.enclosure, plan.digits),
      arb: arb === null || arb instanceof Error ? null : arbAgreement(arb, enclosure),
    },
  };
}
