/**
 * `npx tsx mutation/try-mutant.ts`: applies one of Stryker's mutants to the source by hand and runs chosen tests
 * against it, to check a new test (does it kill the mutant?) without a Stryker run. The mutants come from a part's
 * JSON report (mutation/reports/PART.json); the file is restored afterwards, also on Ctrl-C.
 *
 *   npx tsx mutation/try-mutant.ts --list src/subject/bad-line.ts    # its undetected mutants, with ids PART:N
 *   npx tsx mutation/try-mutant.ts subject-serve:1234 subject-serve:1240 -- src/subject/bad-line.test.ts
 *                                                                      # run these tests against each mutant
 *
 * Options: --all (with --list: every mutant, not only the undetected ones), --timeout SECONDS (default 120; a test run that takes longer counts as
 * a timeout, which Stryker counts as detected). Refuses to run when the file on disk is not the source the report
 * was made from (its line and column numbers would point elsewhere).
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const REPORTS = `${ROOT}mutation/reports`;

interface Mutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}
interface Report {
  files: Record<string, { source: string; mutants: Mutant[] }>;
}

function fail(message: string): never {
  process.stderr.write(`try-mutant: ${message}\n`);
  process.exit(2);
}

/** The parts' reports by part name (Stryker numbers mutants per run, so an id means something within one part). */
function reports(): Map<string, Report> {
  if (!existsSync(REPORTS)) fail(`no ${REPORTS}: run \`npm run mutation\` first`);
  return new Map(
    readdirSync(REPORTS)
      .filter((f) => f.endsWith(".json") && !f.startsWith("run-") && !f.startsWith("stryker."))
      .map((f) => [f.replace(/\.json$/, ""), JSON.parse(readFileSync(`${REPORTS}/${f}`, "utf8")) as Report] as const),
  );
}

/** Offset in `source` of a 1-based line and column. */
function offsetOf(source: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = source.indexOf("\n", offset);
    if (next < 0) fail(`line ${line} is past the end of the file`);
    offset = next + 1;
  }
  return offset + column - 1;
}

export function applyMutant(source: string, m: Mutant): string {
  const from = offsetOf(source, m.location.start.line, m.location.start.column);
  const to = offsetOf(source, m.location.end.line, m.location.end.column);
  return source.slice(0, from) + (m.replacement ?? "") + source.slice(to);
}

function describe(part: string, path: string, source: string, m: Mutant): string {
  const { start, end } = m.location;
  const original = source.slice(offsetOf(source, start.line, start.column), offsetOf(source, end.line, end.column));
  const short = (s: string) => s.replace(/\s+/g, " ").slice(0, 80);
  return `${part}:${m.id}\t${path}:${start.line}:${start.column} ${m.mutatorName} (${m.status}): ${short(original)} -> ${short(m.replacement ?? "")}`;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const dash = argv.indexOf("--");
  const own = dash < 0 ? argv : argv.slice(0, dash);
  const tests = dash < 0 ? [] : argv.slice(dash + 1);
  const option = (name: string): string | undefined => {
    const i = own.indexOf(`--${name}`);
    if (i < 0) return undefined;
    const value = own[i + 1];
    if (value === undefined) fail(`--${name} needs a value`);
    own.splice(i, 2);
    return value;
  };
  const listFile = option("list");
  const timeoutSeconds = Number(option("timeout") ?? "120");
  const all = own.includes("--all");
  const ids = own.filter((a) => a !== "--all");
  const parts = reports();
  process.stdout.on("error", () => process.exit(0)); // e.g. piped into head

  if (listFile !== undefined) {
    const [part, report] = [...parts].find(([, r]) => r.files[listFile] !== undefined) ?? fail(`no mutants of ${listFile} in the reports`);
    const file = report.files[listFile]!;
    for (const m of file.mutants) {
      if (all || m.status === "Survived" || m.status === "NoCoverage") process.stdout.write(`${describe(part, listFile, file.source, m)}\n`);
    }
    return;
  }
  if (ids.length === 0 || tests.length === 0) fail("usage: try-mutant.ts ID... -- TEST_FILE... | --list FILE [--all]");

  for (const qualified of ids) {
    // (the file is restored after each mutant, also when a test run is stopped at its timeout)
    const [part = "", id] = qualified.split(":");
    const report = parts.get(part) ?? fail(`${qualified}: give ids as PART:N (as --list prints them); parts: ${[...parts.keys()].join(", ")}`);
    const found = Object.entries(report.files).flatMap(([path, file]) => file.mutants.filter((m) => m.id === id).map((m) => ({ path, file, m })));
    const hit = found[0] ?? fail(`no mutant ${qualified}`);
    const onDisk = readFileSync(`${ROOT}${hit.path}`, "utf8");
    if (onDisk !== hit.file.source) fail(`${hit.path} has changed since the report was made: rerun Stryker first`);
    const restore = () => writeFileSync(`${ROOT}${hit.path}`, onDisk);
    const onSignal = () => {
      restore();
      process.exit(130);
    };
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    try {
      writeFileSync(`${ROOT}${hit.path}`, applyMutant(onDisk, hit.m));
      const run = await runTests(tests, timeoutSeconds * 1000);
      const verdict = run === "timeout" ? "TIMEOUT (detected)" : run === 0 ? "SURVIVED" : "KILLED";
      process.stdout.write(`${verdict}\t${describe(part, hit.path, onDisk, hit.m)}\n`);
    } finally {
      restore();
      process.removeListener("SIGINT", onSignal);
      process.removeListener("SIGTERM", onSignal);
    }
  }
}

/**
 * Runs the tests in a process group of their own: at the timeout the whole group is killed. (A mutant that loops
 * forever keeps vitest's worker processes busy; killing only npx, as a spawnSync timeout does, left them running,
 * each holding a core, long after.) Resolves with the exit status, or "timeout".
 */
function runTests(tests: readonly string[], timeoutMs: number): Promise<number | "timeout"> {
  return new Promise((resolve) => {
    const child = spawn("npx", ["vitest", "run", ...tests], { cwd: ROOT, stdio: "ignore", detached: true, env: { ...process.env, BONKL_STRYKER: "1" } });
    const killGroup = () => {
      try {
        process.kill(-(child.pid as number), "SIGKILL");
      } catch {
        // the group is gone already
      }
    };
    const timer = setTimeout(() => {
      killGroup();
      resolve("timeout");
    }, timeoutMs);
    process.once("exit", killGroup);
    child.on("exit", (code) => {
      clearTimeout(timer);
      killGroup(); // workers the run left behind
      process.removeListener("exit", killGroup);
      resolve(code ?? 1);
    });
  });
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main();
