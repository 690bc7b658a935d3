/**
 * How fast the command line starts: `bonkl --help` as a whole process (the compiled package's bin, no TypeScript
 * loader), median of several runs. Target (issue 12): under 0.3 s on the project's 2-core machine.
 */
import { spawnSync } from "node:child_process";
import { bonklCommand, BONKL_COMMAND_TEXT } from "./bonkl-cli.ts";
import type { BenchResult } from "./result.ts";

const TARGET_SECONDS = 0.3;

function once(): number {
  const { program, args } = bonklCommand(["--help"]);
  const started = performance.now();
  const run = spawnSync(program, args, { stdio: ["ignore", "ignore", "inherit"] });
  if (run.status !== 0) throw new Error(`${BONKL_COMMAND_TEXT} --help exited with ${run.status ?? run.signal}`);
  return (performance.now() - started) / 1000;
}

export function cliStartBench(log: (line: string) => void, { quick }: { quick: boolean }): BenchResult {
  once(); // warm the file cache
  const times = Array.from({ length: quick ? 5 : 11 }, once).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] as number;
  const bare = spawnSync(process.execPath, ["-e", "0"]);
  if (bare.status !== 0) throw new Error("node -e 0 failed");
  log(`  ${BONKL_COMMAND_TEXT} --help: median ${median.toFixed(3)} s over ${times.length} runs (min ${times[0]!.toFixed(3)}, max ${times[times.length - 1]!.toFixed(3)})`);
  return { name: "bonkl --help start-up (compiled CLI)", value: median, unit: "s", target: `< ${TARGET_SECONDS} s`, pass: median < TARGET_SECONDS };
}
