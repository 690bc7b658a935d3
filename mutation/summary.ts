/**
 * `npm run mutation:summary`: the numbers of mutation/README.md, from Stryker's JSON reports of the parts of
 * `npm run mutation` (mutation/reports/PART.json, see mutation/run.ts) and their run records
 * (mutation/reports/run-PART.json).
 *
 * Prints, per folder (src/oracle, src/float, src/subject, src/serve, the rest) and overall: the mutation score
 * (killed + timeout over all mutants that ran or had no coverage, as Stryker computes it), the counts by status, and
 * the score once the survivors listed as equivalent in mutation/README.md are set aside. Then every survivor and
 * mutant without coverage that README.md does not list as equivalent, and every listed equivalent that is no longer
 * a survivor (so the list stays honest).
 *
 *   npm run mutation:summary             # print
 *   npm run mutation:summary -- --write  # also replace the block between the summary markers in README.md
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PARTS } from "./run.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const REPORTS = `${ROOT}mutation/reports`;
const README = `${ROOT}mutation/README.md`;
const START = "<!-- summary:start (npm run mutation:summary -- --write) -->";
const END = "<!-- summary:end -->";

/** The parts of the mutation-testing-report schema used here. */
interface Mutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  status: string;
  static?: boolean;
  testsCompleted?: number;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}
interface Report {
  files: Record<string, { source: string; mutants: Mutant[] }>;
}
interface RunRecord {
  part: string;
  startedAt: string;
  finishedAt: string;
  wallSeconds: number;
  passes: { stryker: string[]; seconds: number; exitCode: number | null }[];
  args: string[];
  exitCode: number | null;
}

export interface Counts {
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  runtimeError: number;
  compileError: number;
  ignored: number;
  /** Survivors (or mutants without coverage) listed as equivalent in README.md. */
  equivalent: number;
  /** Of those, the ones listed as equivalent under the documented contract (their own table). */
  contract: number;
}

const FOLDERS = ["src/numerics", "src/oracle", "src/float", "src/subject", "src/serve", "src/conformance"] as const;

/** The goals of the mutation issue: scores per folder and overall. */
const GOALS = [
  { folder: "src/numerics", percent: 95 }, // the oracle's arithmetic, moved out of src/oracle: the oracle's goal
  { folder: "src/oracle", percent: 95 },
  { folder: "src/float", percent: 95 },
  { folder: "src/conformance", percent: 90 },
  { folder: "overall", percent: 90 },
] as const;

export function folderOf(path: string): string {
  return FOLDERS.find((f) => path.startsWith(`${f}/`)) ?? "other";
}

/**
 * The status counted for a mutant. A static mutant (code that runs while a module loads) that Stryker reports as
 * surviving with no test completed did not survive anything: the test run failed before any test ran, because the
 * mutant breaks loading (for example `+1n`, a TypeError, or an op table built from undefined entries). Stryker's
 * vitest runner reports such a run as "no test failed"; it is counted here as Stryker counts a mutant that makes the
 * runner fail, a runtime error, which leaves it out of the score on both sides (it is neither detected nor missed).
 */
export function effectiveStatus(m: Pick<Mutant, "status" | "static" | "testsCompleted">): string {
  return m.status === "Survived" && m.static === true && m.testsCompleted === 0 ? "RuntimeError" : m.status;
}

/** The key README.md uses for a mutant: `path:line:column Mutator`. */
export function keyOf(path: string, m: Mutant): string {
  return `${path}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName}`;
}

/**
 * Keys listed in README.md's tables of equivalent mutants (rows whose first cell is such a key in backticks). A key
 * can name several mutants (e.g. ConditionalExpression `true` and `false` at one place): a reason that starts with
 * "(replacement `X`)" lists only the mutants whose replacement is or contains X (Stryker's replacement of `a > b` by
 * `>=` reads `a >= b`). The map gives, per key, the replacements listed,
 * or "all" when some row of the key names no replacement.
 */
export function listedEquivalents(readme: string): Map<string, Set<string> | "all"> {
  const keys = new Map<string, Set<string> | "all">();
  for (const match of readme.matchAll(/^\|\s*`([^`]+:\d+:\d+ [A-Za-z]+)`\s*\|\s*(?:\(replacement `([^`]*)`\))?/gm)) {
    const key = match[1] as string;
    const replacement = match[2]?.replaceAll("\\|", "|"); // a | inside a table cell is written \|
    const known = keys.get(key);
    if (replacement === undefined || known === "all") keys.set(key, "all");
    else keys.set(key, new Set([...(known ?? []), replacement]));
  }
  return keys;
}

/** Whether mutant m (with README key `key`) is listed in `listed`. */
export function isListedIn(listed: Map<string, Set<string> | "all">, key: string, m: Pick<Mutant, "replacement">): boolean {
  const entry = listed.get(key);
  const replacement = m.replacement ?? "";
  return entry !== undefined && (entry === "all" || [...entry].some((r) => replacement === r || replacement.includes(r)));
}

/** README.md from its table of equivalent mutants to the table of open survivors (whose keys are not equivalents). */
export function equivalentSections(readme: string): string {
  const from = readme.indexOf(EQUIVALENT_HEADING);
  if (from < 0) return "";
  const fresh = readme.indexOf(FRESH_HEADING, from);
  const to = fresh >= 0 ? fresh : readme.indexOf(OPEN_HEADING, from);
  return readme.slice(from, to < 0 ? undefined : to);
}

export const EQUIVALENT_HEADING = "### Equivalent mutants";
export const FRESH_HEADING = "### Static mutants killed when the tests run in a fresh process";
export const OPEN_HEADING = "### Open survivors";

/** The heading of README.md's table of mutants equivalent under the documented contract. */
export const CONTRACT_HEADING = "### Mutants equivalent under the documented contract";

/** Keys listed in the contract table (from its heading to the next heading). */
export function contractEquivalents(readme: string): Map<string, Set<string> | "all"> {
  const from = readme.indexOf(CONTRACT_HEADING);
  if (from < 0) return new Map();
  const rest = readme.slice(from + CONTRACT_HEADING.length);
  const next = rest.search(/^#/m);
  return listedEquivalents(next < 0 ? rest : rest.slice(0, next));
}

function emptyCounts(): Counts {
  return { killed: 0, timeout: 0, survived: 0, noCoverage: 0, runtimeError: 0, compileError: 0, ignored: 0, equivalent: 0, contract: 0 };
}

export function add(c: Counts, status: string, equivalent: boolean, contract = false): void {
  switch (status) {
    case "Killed":
      c.killed += 1;
      break;
    case "Timeout":
      c.timeout += 1;
      break;
    case "Survived":
      c.survived += 1;
      break;
    case "NoCoverage":
      c.noCoverage += 1;
      break;
    case "RuntimeError":
      c.runtimeError += 1;
      break;
    case "CompileError":
      c.compileError += 1;
      break;
    default:
      c.ignored += 1;
  }
  if (equivalent && (status === "Survived" || status === "NoCoverage")) {
    c.equivalent += 1;
    if (contract) c.contract += 1;
  }
}

/** Stryker's mutation score: detected / (detected + undetected), in percent. */
export function score(c: Counts): number {
  const detected = c.killed + c.timeout;
  const valid = detected + c.survived + c.noCoverage;
  return valid === 0 ? 100 : (100 * detected) / valid;
}

/** The score with the listed equivalent mutants left out (they are not faults any test could find). */
export function scoreWithoutEquivalents(c: Counts): number {
  const detected = c.killed + c.timeout;
  const valid = detected + c.survived + c.noCoverage - c.equivalent;
  return valid === 0 ? 100 : (100 * detected) / valid;
}

function minutes(seconds: number): string {
  const m = Math.floor(seconds / 60);
  return m === 0 ? `${seconds} s` : `${m} min ${seconds % 60} s`;
}

function main(): void {
  const parts = PARTS.filter((p) => existsSync(`${REPORTS}/${p.name}.json`));
  if (parts.length === 0) {
    process.stderr.write(`no report in ${REPORTS}: run \`npm run mutation\` first\n`);
    process.exit(1);
  }
  const missing = PARTS.filter((p) => !parts.includes(p)).map((p) => p.name);
  const report: Report = { files: {} };
  for (const p of parts) Object.assign(report.files, (JSON.parse(readFileSync(`${REPORTS}/${p.name}.json`, "utf8")) as Report).files);
  const runs = parts.flatMap((p) => (existsSync(`${REPORTS}/run-${p.name}.json`) ? [JSON.parse(readFileSync(`${REPORTS}/run-${p.name}.json`, "utf8")) as RunRecord] : []));
  const readme = existsSync(README) ? readFileSync(README, "utf8") : "";
  const listed = listedEquivalents(equivalentSections(readme));
  const underContract = contractEquivalents(readme);
  const from = readme.indexOf(OPEN_HEADING);
  const listedOpen = from < 0 ? new Map<string, Set<string> | "all">() : listedEquivalents(readme.slice(from, readme.indexOf("\n## ", from) < 0 ? undefined : readme.indexOf("\n## ", from)));
  const open: string[] = [];
  const freshFrom = readme.indexOf(FRESH_HEADING);
  const killedFresh = freshFrom < 0 ? new Map<string, Set<string> | "all">() : listedEquivalents(readme.slice(freshFrom, readme.indexOf(OPEN_HEADING, freshFrom)));
  const freshKeys: string[] = [];
  const byFolder = new Map<string, Counts>();
  const overall = emptyCounts();
  const unlisted: string[] = [];
  const loadFailures: string[] = [];
  const seenListed = new Set<string>();
  // Stryker's incremental mode can carry a file's old results into the report after the file has been excluded
  // from `mutate`: count only files the configuration still mutates.
  const excluded = (JSON.parse(readFileSync(`${ROOT}stryker.conf.json`, "utf8")) as { mutate: string[] }).mutate
    .filter((g) => g.startsWith("!") && (!g.includes("*") || /^[^*]+\/\*\*$/.test(g)))
    .map((g) => g.slice(1).replace(/\*\*$/, "")); // exact files, and folders given as "folder/**"
  const mutated = (path: string) => !excluded.some((e) => (e.endsWith("/") ? path.startsWith(e) : path === e));
  for (const [path, file] of Object.entries(report.files)
    .filter(([path]) => mutated(path))
    .sort(([a], [b]) => (a < b ? -1 : 1))) {
    const folder = folderOf(path);
    const counts = byFolder.get(folder) ?? emptyCounts();
    byFolder.set(folder, counts);
    const lines = file.source.split("\n");
    for (const m of file.mutants) {
      const key = keyOf(path, m);
      const isListed = isListedIn(listed, key, m);
      const killedInFreshProcess = m.status === "Survived" && m.static === true && isListedIn(killedFresh, key, m);
      const status = killedInFreshProcess ? "Killed" : effectiveStatus(m);
      if (killedInFreshProcess) freshKeys.push(key);
      else if (status !== m.status) loadFailures.push(key);
      const contract = isListedIn(underContract, key, m);
      add(counts, status, isListed, contract);
      add(overall, status, isListed, contract);
      const undetected = status === "Survived" || status === "NoCoverage";
      if (isListed && undetected) seenListed.add(key);
      if (undetected && !isListed && isListedIn(listedOpen, key, m)) open.push(key);
      else if (undetected && !isListed) {
        const { start, end } = m.location;
        const line = lines[start.line - 1] ?? "";
        const original = line.slice(start.column - 1, end.line === start.line ? end.column - 1 : undefined);
        unlisted.push(`${key} (${status}): ${original.trim().slice(0, 70)} -> ${(m.replacement ?? "").slice(0, 70)}`);
      }
    }
  }
  const stale = [...listed.keys()].filter((k) => !seenListed.has(k));

  const rows = [...FOLDERS, "other"]
    .filter((f) => byFolder.has(f))
    .map((f) => [f === "other" ? "other (src/errors.ts)" : f, byFolder.get(f) as Counts] as const);
  rows.push(["**overall**", overall]);
  const table = [
    "| folder | score | score without listed equivalents | killed | timeout | survived | no coverage | runtime error | equivalent (listed) | of which under the contract |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map(
      ([name, c]) =>
        `| ${name} | ${score(c).toFixed(2)} % | ${scoreWithoutEquivalents(c).toFixed(2)} % | ${c.killed} | ${c.timeout} | ${c.survived} | ${c.noCoverage} | ${c.runtimeError} | ${c.equivalent} | ${c.contract} |`,
    ),
  ];
  const total = overall.killed + overall.timeout + overall.survived + overall.noCoverage + overall.runtimeError + overall.compileError + overall.ignored;
  const timing = runs
    .map(
      (run) =>
        `Part ${run.part} (\`npm run mutation -- --part ${run.part}${run.args.length > 0 ? ` ${run.args.join(" ")}` : ""}\`): started ${run.startedAt.slice(0, 16).replace("T", " ")} UTC, ${minutes(
          run.wallSeconds,
        )} wall time (${run.passes.map((p, i) => `pass ${i + 1}: ${minutes(p.seconds)}`).join(", ")}), exit code ${run.exitCode}.`,
    )
    .join(" ");
  const absent = missing.length > 0 ? ` Not in this summary (no report yet): ${missing.join(", ")}.` : "";
  const notes =
    loadFailures.length > 0
      ? [
          "",
          `Runtime errors include ${loadFailures.length} static mutants that Stryker reports as survivors with no test completed (the test run failed while loading; see effectiveStatus in mutation/summary.ts): ${loadFailures.map((k) => `\`${k}\``).join(", ")}.`,
        ]
      : [];
  if (freshKeys.length > 0) {
    notes.push("", `Killed include ${freshKeys.length} static mutants that Stryker reports as survivors but the tests kill in a fresh process (mutation/README.md, "Static mutants killed when the tests run in a fresh process"): ${freshKeys.map((k) => `\`${k}\``).join(", ")}.`);
  }
  const goals = GOALS.map(({ folder, percent }) => {
    const c = folder === "overall" ? overall : byFolder.get(folder);
    if (c === undefined) return `${folder} >= ${percent} %: no report`;
    const [raw, aside] = [score(c), scoreWithoutEquivalents(c)];
    const verdict = (x: number) => (x >= percent ? "met" : "not met");
    return `${folder} >= ${percent} %: ${verdict(aside)} with the listed equivalents set aside (${aside.toFixed(2)} %), ${verdict(raw)} on Stryker's raw score (${raw.toFixed(2)} %)`;
  });
  const block = [
    `${total} mutants in ${Object.keys(report.files).filter(mutated).length} files. ${timing}${absent}`,
    "",
    ...table,
    ...notes,
    "",
    `Goals: ${goals.join("; ")}.`,
  ].join("\n");

  process.stdout.write(`${block}\n\n`);
  process.stdout.write(`Open survivors listed in mutation/README.md (neither killed nor equivalent): ${open.length}\n`);
  process.stdout.write(`Undetected mutants listed neither as equivalent nor as open in mutation/README.md: ${unlisted.length}\n`);
  for (const u of unlisted) process.stdout.write(`  ${u}\n`);
  if (stale.length > 0) {
    process.stdout.write(`Listed as equivalent but not undetected in this report (remove or re-check): ${stale.length}\n`);
    for (const s of stale) process.stdout.write(`  ${s}\n`);
  }
  if (process.argv.includes("--write")) {
    const from = readme.indexOf(START);
    const to = readme.indexOf(END);
    if (from < 0 || to < from) throw new Error(`mutation/README.md has no block between "${START}" and "${END}"`);
    writeFileSync(README, `${readme.slice(0, from + START.length)}\n${block}\n${readme.slice(to)}`);
    process.stdout.write("updated mutation/README.md\n");
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main();
