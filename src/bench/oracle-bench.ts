/**
 * Oracle benchmarks (issue: certified oracle): time to certify KL(pi_n || p) to 30 digits for
 * L in {1e2, 1e3, 1e4} and n in {10, 1e3, 1e6}, against mpmath's uncertified time at 40 digits on the
 * same distribution, and peak memory over 100,000 small cases.
 */
import { klBon, klEstimate, liveReals } from "../oracle/index.ts";
import { benchDistribution, seededRandom } from "./bench-distribution.ts";
import { mpmathMissing, runMpmath } from "./mpmath-runner.ts";
import type { BenchResult } from "./result.ts";

const ACCURACY_30_DIGITS = { relative: 1e-30, absolute: 1e-40 };

function bestOf<T>(times: number, fn: () => T): { seconds: number; value: T } {
  let best = Number.POSITIVE_INFINITY;
  let value: T | undefined;
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    value = fn();
    best = Math.min(best, (performance.now() - t) / 1000);
  }
  return { seconds: best, value: value as T };
}

function mpmathSeconds(p: string[], n: number): number | null {
  const run = runMpmath(p, n, 40, 3);
  return run instanceof Error ? null : run.seconds;
}

export function oracleBench(log: (line: string) => void, options: { quick: boolean }): BenchResult[] {
  const results: BenchResult[] = [];
  const missing = mpmathMissing();
  const withMpmath = missing === null;
  if (!withMpmath) log(`  mpmath comparison skipped: ${missing}`);
  log("  certify KL(pi_n || p) to 30 digits (best of 3); mpmath at 40 digits, uncertified, same p");
  log(`  ${"L".padStart(6)} ${"n".padStart(8)} ${"bonkl s".padStart(9)} ${"mpmath s".padStart(9)} ${"ratio".padStart(6)}  bits`);
  const sizes = options.quick ? [100, 1000] : [100, 1000, 10000];
  for (const L of sizes) {
    const p = benchDistribution(L);
    for (const n of [10, 1000, 1_000_000]) {
      klBon({ p, n }, ACCURACY_30_DIGITS); // warm-up
      const ours = bestOf(3, () => klBon({ p, n }, ACCURACY_30_DIGITS));
      const theirs = withMpmath ? mpmathSeconds(p, n) : null;
      const ratio = theirs === null ? null : ours.seconds / theirs;
      log(
        `  ${String(L).padStart(6)} ${String(n).padStart(8)} ${ours.seconds.toFixed(4).padStart(9)} ${theirs === null ? "-".padStart(9) : theirs.toFixed(4).padStart(9)} ${ratio === null ? "-".padStart(6) : ratio.toFixed(2).padStart(6)}  ${ours.value.precision}`,
      );
      if (L === 10000 && n === 1_000_000) {
        results.push({ name: "oracle: certify KL, L = 1e4, n = 1e6, 30 digits", value: ours.seconds, unit: "s", target: "< 0.5 s", pass: ours.seconds < 0.5 });
        if (ratio !== null) results.push({ name: "oracle vs mpmath (40 digits), L = 1e4, n = 1e6", value: ratio, unit: "x", target: "<= 1.5x", pass: ratio <= 1.5 });
      }
    }
  }
  const cases = options.quick ? 10_000 : 100_000;
  const random = seededRandom(42);
  const liveBefore = liveReals();
  let peak = process.memoryUsage().rss;
  const start = performance.now();
  for (let i = 0; i < cases; i++) {
    const L = 2 + Math.floor(random() * 6);
    const w = Array.from({ length: L }, () => 1 + Math.floor(random() * 1000));
    const total = w.reduce((a, b) => a + b, 0);
    const n = 1 + Math.floor(random() * 1e6);
    klBon({ p: w.map((x) => `${x}/${total}`), n });
    klEstimate({ n, eps: w[0]! / total });
    if (i % 1000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  const seconds = (performance.now() - start) / 1000;
  const leaked = liveReals() - liveBefore;
  log(`  ${cases} small cases (klBon + klEstimate): ${seconds.toFixed(1)} s, peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB, live MPFR numbers after: ${leaked}`);
  results.push({ name: `oracle: peak RSS over ${cases} cases`, value: peak / 2 ** 20, unit: "MiB", target: "no leak (0 live MPFR numbers)", pass: leaked === 0 });
  return results;
}
