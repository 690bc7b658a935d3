/**
 * Float library and protocol benchmarks (issue: plug in any implementation): src/float's klBon for
 * L = 10^6 against a bare float64 loop summing p log p over the same array (target: within 8x), and the
 * protocol's throughput with an external subject (target: at least 5,000 requests/s with pipelining).
 */
import { fileURLToPath } from "node:url";
import { klBon } from "../float/index.ts";
import { openSubject } from "../subject/open-subject.ts";
import { seededRandom } from "./bench-distribution.ts";
import type { BenchResult } from "./result.ts";

function bareLoop(p: Float64Array): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const x = p[i] as number;
    s += x * Math.log(x);
  }
  return s;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

export function floatKlBench(log: (line: string) => void): BenchResult {
  const L = 1_000_000;
  const random = seededRandom(7);
  const w = new Float64Array(L);
  let total = 0;
  for (let i = 0; i < L; i++) total += w[i] = 1 + random();
  for (let i = 0; i < L; i++) (w[i] as number) /= total;
  const p = Array.from(w);
  let sink = 0;
  const bare: number[] = [];
  const ours: number[] = [];
  for (let rep = 0; rep < 7; rep++) {
    let t = performance.now();
    sink += bareLoop(w);
    bare.push(performance.now() - t);
    t = performance.now();
    sink += klBon(p, 1000);
    ours.push(performance.now() - t);
  }
  const ratio = median(ours) / median(bare);
  log(`  src/float klBon, L = 1e6, n = 1000: median ${median(ours).toFixed(1)} ms; bare p log p loop: ${median(bare).toFixed(1)} ms; ratio ${ratio.toFixed(2)} (checksum ${sink.toFixed(3)})`);
  return { name: "float: klBon L = 1e6 vs bare p log p loop", value: ratio, unit: "x", target: "<= 8x", pass: ratio <= 8 };
}

export async function protocolThroughputBench(log: (line: string) => void): Promise<BenchResult> {
  const script = fileURLToPath(new URL("./fixtures/formula-subject.mjs", import.meta.url));
  const subject = openSubject({ command: `node ${script}` }, { maxInFlight: 256 });
  const requests = 50_000;
  await subject.call("klFormula", { n: 2 }); // start-up
  const start = performance.now();
  const answers = await Promise.all(Array.from({ length: requests }, (_, i) => subject.call("klFormula", { n: 1 + (i % 1000) })));
  const seconds = (performance.now() - start) / 1000;
  await subject.close();
  const bad = answers.filter((a) => a.kind !== "value").length;
  const rate = requests / seconds;
  log(`  external subject (node, klFormula), ${requests} pipelined requests (window 256): ${seconds.toFixed(2)} s, ${Math.round(rate)} requests/s, ${bad} not answered`);
  return { name: "protocol throughput, external subject", value: rate, unit: "req/s", target: ">= 5000 req/s", pass: rate >= 5000 && bad === 0 };
}
