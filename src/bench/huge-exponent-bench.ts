/**
 * The oracle on exact input at the edge of what it accepts (issue 16): p = ["1", "1e-100000", "2e-99999", ...], k masses
 * with k distinct decimal exponents down to 10^-100000 (denominators of up to 330,000 bits), through klBon and bonPmf.
 * The work is linear in k times the size of the exponents (sums over denominators 2^a 5^b, no division of large
 * integers): the target is that 4 times the masses cost at most 5 times the time.
 */
import { bonPmf, klBon } from "../oracle/index.ts";
import type { BenchResult } from "./result.ts";

const ACCURACY_30_DIGITS = { relative: 1e-30, absolute: 1e-40 };

/** "1" (the lowest reward) and k masses c e-(100000 - i), c cycling through 1..9: sum 1 + about 1e-99000. */
export function hugeExponentP(k: number): string[] {
  const p = ["1"];
  for (let i = 0; i < k; i++) p.push(`${1 + (i % 9)}e-${100_000 - i}`);
  return p;
}

function seconds(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return (performance.now() - t) / 1000;
}

export function hugeExponentBench(log: (line: string) => void, options: { quick: boolean }): BenchResult {
  const sizes = options.quick ? [250, 1000] : [1000, 4000];
  log(`  p = ["1", "1e-100000", "2e-99999", ...]: k masses of distinct exponents (30 digits; parse included)`);
  log(`  ${"k".padStart(6)} ${"klBon s".padStart(9)} ${"bonPmf s".padStart(9)}`);
  const times: number[] = [];
  for (const k of sizes) {
    const p = hugeExponentP(k);
    const kl = seconds(() => klBon({ p, n: 10 }, ACCURACY_30_DIGITS));
    const pmf = seconds(() => bonPmf({ p, n: 10 }, ACCURACY_30_DIGITS));
    log(`  ${String(k).padStart(6)} ${kl.toFixed(2).padStart(9)} ${pmf.toFixed(2).padStart(9)}`);
    times.push(kl + pmf);
  }
  const growth = (times[1] as number) / (times[0] as number);
  return { name: `oracle: ${sizes[1]} vs ${sizes[0]} masses of distinct huge exponents (klBon + bonPmf)`, value: growth, unit: "x", target: "<= 5x (linear)", pass: growth <= 5 };
}
