/**
 * Conformance-side memory figure: a long `bonkl check` (100,000 klFormula cases in the standard domain, against the
 * fast external subject of the throughput bench), with the live heap measured after a full garbage collection at
 * every tenth of the cases graded. Cases are generated, asked and graded in a bounded window and the oracle cache is
 * bounded, so memory rises while the window and the cache fill, then must stay flat: the figure is the growth of
 * the live heap from 10% graded to the end (target under 16 MiB). Peak RSS is printed too (it includes garbage not
 * yet collected).
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { fileURLToPath } from "node:url";
import { runCheck } from "../conformance/run-check.ts";
import type { BenchResult } from "./result.ts";

const MiB = 2 ** 20;

/** A full garbage collection, without starting node with --expose-gc. */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

export async function conformanceMemoryBench(log: (line: string) => void, options: { quick: boolean }): Promise<BenchResult> {
  const cases = options.quick ? 20_000 : 100_000;
  const script = fileURLToPath(new URL("./fixtures/formula-subject.mjs", import.meta.url));
  let graded = 0;
  let total = 0;
  const live: number[] = []; // live heap (MiB) at 10%, 20%, ... graded
  let peakRss = 0;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  const started = performance.now();
  let report;
  try {
    report = await runCheck({
      subject: { command: `'${process.execPath}' '${script}'` },
      domains: ["standard"],
      runs: cases,
      seed: 1,
      progress: {
        start: (n) => (total = n),
        note: () => undefined,
        done: () => undefined,
        tick: () => {
          graded += 1;
          if (graded % Math.ceil(total / 10) === 0 || graded === total) {
            collectGarbage();
            live.push(process.memoryUsage().heapUsed / MiB);
          }
        },
      },
    });
  } finally {
    clearInterval(timer);
  }
  const seconds = (performance.now() - started) / 1000;
  const growth = Math.max(...live) - (live[0] ?? 0);
  log(
    `  bonkl check, ${graded} klFormula cases (${report.verdict}), ${seconds.toFixed(1)} s (${Math.round(graded / seconds)} cases/s): ` +
      `live heap per tenth graded ${live.map((x) => x.toFixed(0)).join(", ")} MiB (growth after 10%: ${growth.toFixed(1)} MiB); peak RSS ${(peakRss / MiB).toFixed(0)} MiB`,
  );
  return { name: `conformance: live-heap growth over a ${cases}-case check (after 10% graded)`, value: growth, unit: "MiB", target: "< 16 MiB (flat)", pass: growth < 16 && report.verdict === "PASS" };
}
