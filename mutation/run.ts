/**
 * `npm run mutation [-- --part NAME]... [-- stryker flags]`: Stryker on bonkl's own code (stryker.conf.json), in
 * parts, each with its own incremental file (mutation/stryker-incremental-PART.json) and JSON/HTML report
 * (mutation/reports/PART.json, .html), so a part can be rerun alone and an interrupted run keeps the parts it
 * finished:
 *
 *   oracle-float    src/numerics, src/oracle, src/float, src/errors.ts, src/config.ts: CPU-bound tests, concurrency 2
 *   subject-serve   src/subject, src/serve: tests that mostly wait on child processes and timers, concurrency 4
 *   conformance     src/conformance (the grader: domains, tolerances, grading, classes, reports): CPU-bound unit
 *                   tests (the oracle for the exact values), concurrency 2
 *
 * Each part runs in two passes:
 *   1. `--ignoreStatic`: every mutant that some test covers runs against just those tests, switched on at run time.
 *      Most of src/float's mutants are "static" too (warm-up.ts calls the library while it loads), and without this
 *      flag each of them would reload and rerun every related test file.
 *   2. the config as written (ignoreStatic false): the results of pass 1 are reused (incremental), and only the
 *      mutants that run at load time alone (constants, tables, warm-up.ts itself) now run, with a reload.
 *
 * The wall time of every pass goes to mutation/reports/run-PART.json, which `npm run mutation:summary` reads
 * (Stryker's JSON report has no timing). Extra arguments go to Stryker's pass 1, e.g. `-- --force` to retest every
 * mutant instead of only those whose code or tests changed.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

export interface Part {
  name: string;
  /** Folders (or files) of src/ whose mutate globs of stryker.conf.json belong to this part. */
  prefixes: string[];
  concurrency: number;
}

export const PARTS: Part[] = [
  { name: "oracle-float", prefixes: ["src/numerics/", "src/oracle/", "src/float/", "src/errors.ts", "src/config.ts"], concurrency: 2 },
  { name: "subject-serve", prefixes: ["src/subject/", "src/serve/"], concurrency: 4 },
  { name: "conformance", prefixes: ["src/conformance/"], concurrency: 2 },
];

interface StrykerConfig {
  mutate: string[];
  [key: string]: unknown;
}

/** stryker.conf.json narrowed to one part: its own mutate globs (and every exclusion), incremental file and reports. */
export function partConfig(config: StrykerConfig, part: Part): StrykerConfig {
  const mine = (glob: string) => part.prefixes.some((p) => glob.replace(/^!/, "").startsWith(p));
  return {
    ...config,
    mutate: config.mutate.filter((g) => g.startsWith("!") || mine(g)),
    concurrency: part.concurrency,
    incrementalFile: `mutation/stryker-incremental-${part.name}.json`,
    htmlReporter: { fileName: `mutation/reports/${part.name}.html` },
    jsonReporter: { fileName: `mutation/reports/${part.name}.json` },
  };
}

function pass(configFile: string, extra: string[], part: string): { seconds: number; exitCode: number | null } {
  const started = Date.now();
  // BONKL_STRYKER_PART: vitest.stryker.config.ts includes the conformance tests only in the conformance part
  const result = spawnSync("npx", ["stryker", "run", configFile, ...extra], { cwd: ROOT, stdio: "inherit", env: { ...process.env, BONKL_STRYKER_PART: part } });
  if (result.signal !== null) {
    process.stderr.write(`stryker was stopped by ${result.signal}\n`);
    process.exit(1);
  }
  return { seconds: Math.round((Date.now() - started) / 1000), exitCode: result.status };
}

function main(): void {
  const argv = process.argv.slice(2);
  const chosen: string[] = [];
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--part") chosen.push(argv[++i] ?? "");
    else args.push(argv[i] as string);
  }
  const unknown = chosen.filter((c) => !PARTS.some((p) => p.name === c));
  if (unknown.length > 0) {
    process.stderr.write(`unknown part ${JSON.stringify(unknown[0])}; parts: ${PARTS.map((p) => p.name).join(", ")}\n`);
    process.exit(2);
  }
  const config = JSON.parse(readFileSync(`${ROOT}stryker.conf.json`, "utf8")) as StrykerConfig;
  mkdirSync(`${ROOT}mutation/reports`, { recursive: true });
  let worst = 0;
  for (const part of PARTS.filter((p) => chosen.length === 0 || chosen.includes(p.name))) {
    const configFile = `mutation/reports/stryker.${part.name}.conf.json`;
    writeFileSync(`${ROOT}${configFile}`, `${JSON.stringify({ ...partConfig(config, part), $schema: undefined }, null, 2)}\n`);
    const startedAt = new Date();
    const first = pass(configFile, ["--ignoreStatic", ...args], part.name);
    const second = pass(configFile, [], part.name);
    const record = {
      part: part.name,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      wallSeconds: first.seconds + second.seconds,
      passes: [
        { stryker: ["--ignoreStatic", ...args], ...first },
        { stryker: [], ...second },
      ],
      args,
      exitCode: second.exitCode,
    };
    writeFileSync(`${ROOT}mutation/reports/run-${part.name}.json`, `${JSON.stringify(record, null, 2)}\n`);
    process.stdout.write(`mutation part ${part.name} took ${record.wallSeconds} s (pass 1: ${first.seconds} s, pass 2: ${second.seconds} s)\n`);
    worst = Math.max(worst, second.exitCode ?? 1);
  }
  process.exit(worst);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main();
