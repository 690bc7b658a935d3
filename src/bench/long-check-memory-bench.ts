/**
 * Memory of a very long `bonkl check` (issue 16): `bonkl check --runs 1000000 --domain standard` (the built-in
 * library, six ops: 6 million cases, hours of work) run as a real process for a fixed time (240 s; --quick 60 s),
 * then interrupted with SIGINT as Ctrl-C would. Its resident memory is sampled every second from /proc. Cases are
 * generated, asked and graded in a bounded window, and the oracle cache and the request registry are bounded, so
 * the figure is the peak RSS (target under 1 GiB), with the RSS at half time and at the end to show it is flat.
 * Before the window, the run built and queued every case up front and died of a heap OOM at 4.3 GB.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BenchResult } from "./result.ts";

const MiB = 2 ** 20;
const BONKL = fileURLToPath(new URL("../cli/bonkl.mjs", import.meta.url));

function rssBytes(pid: number): number | null {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb === undefined ? null : Number(kb) * 1024;
  } catch {
    return null;
  }
}

export async function longCheckMemoryBench(log: (line: string) => void, options: { quick: boolean }): Promise<BenchResult> {
  const seconds = options.quick ? 60 : 240;
  const child = spawn(process.execPath, [BONKL, "check", "--runs", "1000000", "--domain", "standard"], { stdio: ["ignore", "pipe", "pipe"] });
  const pid = child.pid as number;
  let stdout = "";
  let lastProgress = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => {
    const lines = chunk.toString().split("\n").filter((l) => l.includes(": progress "));
    if (lines.length > 0) lastProgress = lines[lines.length - 1] as string;
  });
  const samples: number[] = [];
  const sampler = setInterval(() => {
    const rss = rssBytes(pid);
    if (rss !== null) samples.push(rss);
  }, 1000);
  const exit = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const graded = /progress \d+% (\d+)\//.exec(lastProgress)?.[1] ?? "?";
  child.kill("SIGINT");
  const code = await Promise.race([exit, new Promise<null>((resolve) => setTimeout(() => resolve(null), 30_000))]);
  clearInterval(sampler);
  if (code === null) child.kill("SIGKILL");
  const peak = Math.max(...samples) / MiB;
  const half = (samples[Math.floor(samples.length / 2)] ?? 0) / MiB;
  const end = (samples[samples.length - 1] ?? 0) / MiB;
  const interrupted = code === 130 && /INTERRUPTED: partial report/.test(stdout);
  log(
    `  bonkl check --runs 1000000 --domain standard for ${seconds} s: ${graded} cases graded; RSS at half time ${half.toFixed(0)} MiB, ` +
      `at the end ${end.toFixed(0)} MiB, peak ${peak.toFixed(0)} MiB; Ctrl-C: exit ${code}${interrupted ? ", partial report printed" : ""}`,
  );
  return { name: `conformance: peak RSS of check --runs 1000000 --domain standard over ${seconds} s`, value: peak, unit: "MiB", target: "< 1024 MiB", pass: peak < 1024 && interrupted };
}
