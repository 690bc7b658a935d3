/**
 * `npm run zoo`: checks every faulty subject of mutation/faulty/ (and the two correct controls) with the conformance
 * engine, in one process with one shared oracle cache, and writes the zoo table into mutation/README.md between
 * the zoo markers. Exit status 1 when a header's claim does not hold.
 *
 *   npm run zoo                          # check, print the table, write it into mutation/README.md
 *   npm run zoo -- --no-write            # check and print only
 *   npm run zoo -- --seeds 1,2,3         # stability: the claimed verdicts under other seeds (prints, never writes)
 *   npm run zoo -- --runs 50 --only tie  # other case counts, or only the subjects whose file name contains "tie"
 *   npm run zoo -- --concurrency 1       # one subject at a time (default ZOO_CONCURRENCY)
 *
 * The table is written only for the zoo's own configuration (seed ZOO_SEED, runs ZOO_RUNS, every subject), the one
 * mutation/faulty.test.ts checks.
 */
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ConformanceReport } from "../src/conformance/report.ts";
import { CONTROLS, ZOO_CONCURRENCY, ZOO_RUNS, ZOO_SEED, checkControl, checkZoo, loadZoo, pythonWithNumpy, type ZooOutcome } from "./zoo.ts";

const README = fileURLToPath(new URL("./README.md", import.meta.url));
const BEGIN = "<!-- zoo:begin (npm run zoo) -->";
const END = "<!-- zoo:end -->";

interface Flags {
  seeds: number[];
  runs: number;
  only: string | null;
  write: boolean;
  concurrency: number;
}

function parseFlags(argv: readonly string[]): Flags {
  const flags: Flags = { seeds: [ZOO_SEED], runs: ZOO_RUNS, only: null, write: true, concurrency: ZOO_CONCURRENCY };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === "--seed" || flag === "--seeds") flags.seeds = value().split(",").map(Number);
    else if (flag === "--runs") flags.runs = Number(value());
    else if (flag === "--only") flags.only = value();
    else if (flag === "--no-write") flags.write = false;
    else if (flag === "--concurrency") flags.concurrency = Number(value());
    else throw new Error(`unknown flag ${flag} (flags: --seed(s) N[,N...], --runs N, --only TEXT, --concurrency N, --no-write)`);
  }
  if (flags.seeds.some((s) => !Number.isSafeInteger(s)) || !Number.isSafeInteger(flags.runs) || flags.runs < 1) throw new Error("bad --seed or --runs");
  if (!Number.isSafeInteger(flags.concurrency) || flags.concurrency < 1) throw new Error("bad --concurrency");
  return flags;
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function abbreviate(text: string, max = 90): string {
  return text.length <= max ? text : `${text.slice(0, max - 3)}...`;
}

function caughtCell(o: ZooOutcome): string {
  if (o.skipped !== null) return `skipped: ${o.skipped}`;
  return o.domains
    .filter((d) => d.expected === "FAIL")
    .map((d) => {
      const r = d.result;
      if (r === null || d.verdict !== "FAIL") return `**${d.domain}: ${d.verdict ?? "missing"} (claim fails)**`;
      return `${d.domain} after ${(r.firstFailure ?? 0) + 1} (${r.failed}/${r.cases} failed; ${r.classes.map((c) => c.id).join(", ")})`;
    })
    .join("; ");
}

function rightCell(o: ZooOutcome): string {
  if (o.skipped !== null) return o.subject.rightIn.join(", ") || "none";
  const right = o.domains.filter((d) => d.expected === "PASS");
  if (right.length === 0) return "none";
  return right.map((d) => (d.verdict === "PASS" ? d.domain : `**${d.domain}: ${d.verdict ?? "missing"} (claim fails)**`)).join(", ");
}

function shrunkCell(o: ZooOutcome): string {
  const first = o.domains.find((d) => d.expected === "FAIL" && d.result?.counterexample);
  const c = first?.result?.counterexample;
  if (!c) return "";
  const answer = typeof c.answer === "number" ? ` -> ${c.answer.toPrecision(6)}` : "";
  return `\`${abbreviate(c.argsSummary)}\`${answer}`;
}

interface Timing {
  controls: number;
  zoo: number;
  concurrency: number;
}

function table(outcomes: ZooOutcome[], controls: { name: string; report: ConformanceReport }[], seed: number, runs: number, time: Timing): string {
  const lines = [
    `Seed ${seed}, ${runs} cases per op and domain (large-L: ${Math.max(1, Math.round(runs / 50))}); "after N" is the position of the first failing case.`,
    "",
    "| subject | bug | op | caught in (after N cases; failure classes) | shrunk counterexample (first caught domain) | right in (PASS) |",
    "|---|---|---|---|---|---|",
  ];
  for (const o of outcomes) {
    const s = o.subject;
    const form = s.language === "python" ? " (Python program)" : s.form === "program" ? " (Node program)" : "";
    lines.push(`| [${s.file}](faulty/${s.file})${form} | ${cell(s.bug)} | ${s.op} | ${cell(caughtCell(o))} | ${cell(shrunkCell(o))} | ${cell(rightCell(o))} |`);
  }
  lines.push("");
  for (const c of controls) {
    const graded = c.report.results.filter((r) => r.verdict !== "INFO");
    const worst = Math.max(...graded.map((r) => r.worstRatio ?? 0));
    lines.push(`- Control ${c.name}: ${c.report.verdict} (${graded.length} graded op/domain pairs, worst error/tolerance ${worst.toPrecision(2)}).`);
  }
  const checked = outcomes.filter((o) => o.skipped === null).length;
  lines.push(
    `- Wall time in one process with a shared oracle cache: controls ${time.controls.toFixed(0)} s (they fill the cache), then ${checked} of ${outcomes.length} faulty subjects in ${time.zoo.toFixed(0)} s (${time.concurrency} at a time), on the project's 2-core machine under other load.`,
  );
  return lines.join("\n");
}

function writeTable(text: string): void {
  const current = existsSync(README) ? readFileSync(README, "utf8") : "";
  const block = `${BEGIN}\n${text}\n${END}`;
  const start = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  const next = start >= 0 && end > start ? `${current.slice(0, start)}${block}${current.slice(end + END.length)}` : `${current}${current.endsWith("\n") || current === "" ? "" : "\n"}\n${block}\n`;
  writeFileSync(README, next);
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const zoo = loadZoo().filter((s) => flags.only === null || s.file.includes(flags.only));
  if (!pythonWithNumpy()) process.stderr.write("python3 with numpy not found: the Python subjects are skipped\n");
  let failures = 0;
  for (const seed of flags.seeds) {
    const started = Date.now();
    const controls: { name: string; report: ConformanceReport }[] = [];
    for (const control of CONTROLS) {
      const report = await checkControl(control, { seed, runs: flags.runs });
      controls.push({ name: control.name, report });
      if (report.verdict !== "PASS") {
        failures++;
        process.stderr.write(`control ${control.name} failed with seed ${seed}\n`);
      }
    }
    const controlsDone = Date.now();
    const outcomes = await checkZoo(zoo, { seed, runs: flags.runs, concurrency: flags.concurrency }, (outcome) => {
      const subject = outcome.subject;
      const margin = Math.max(0, ...outcome.domains.filter((d) => d.expected === "PASS").map((d) => d.result?.worstRatio ?? 0));
      const status = outcome.skipped ?? (outcome.mismatches.length === 0 ? `as claimed (right-in worst error/tolerance ${margin.toPrecision(2)})` : outcome.mismatches.join("\n  "));
      process.stderr.write(`[seed ${seed}] ${subject.file} (${outcome.durationMs} ms): ${status}\n`);
      failures += outcome.mismatches.length;
    });
    const time = { controls: (controlsDone - started) / 1000, zoo: (Date.now() - controlsDone) / 1000, concurrency: flags.concurrency };
    const text = table(outcomes, controls, seed, flags.runs, time);
    process.stdout.write(`${text}\n\n`);
    const own = seed === ZOO_SEED && flags.runs === ZOO_RUNS && flags.only === null && flags.seeds.length === 1;
    if (flags.write && own) {
      writeTable(text);
      process.stderr.write("wrote the zoo table into mutation/README.md\n");
    }
  }
  if (failures > 0) {
    process.stderr.write(`${failures} claim(s) did not hold\n`);
    process.exitCode = 1;
  }
}

await main();
