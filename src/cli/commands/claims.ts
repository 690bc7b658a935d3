/** `bonkl claims`: run every claim of the paper as a property and print the claims table. */
import { existsSync, readFileSync } from "node:fs";
import { UsageError } from "../../errors.ts";
import { flagOr, readCount, readInteger, readSeed } from "../../config.ts";
import type { Command } from "../command.ts";
import { parseFlags } from "../flags.ts";
import { checkOutputFile, writeOutputFile } from "../../io/output-file.ts";
import { claimFiles, claims, mergedClaims } from "../../claims/paper/index.ts";
import { claimFingerprint } from "../../claims/fingerprint.ts";
import type { Claim } from "../../claims/claim.ts";
import { runClaims } from "../../claims/runner.ts";
import { baseSeed, runsPerClaim, type ClaimRun } from "../../claims/run-claim.ts";
import { DEEP_BUDGET, DEFAULT_BUDGET } from "../../claims/budget.ts";
import { claimsTable, counterexampleReport, RESULTS_FORMAT, status, type ClaimsResults } from "../../claims/report.ts";
import { progress as startProgress } from "../progress.ts";

export const claimsCommand: Command = {
  name: "claims",
  help: [
    "Usage: bonkl claims [--runs N] [--seed S] [--id ID]... [--path P] [--deep] [--workers N] [--json FILE] [--update FILE] [--list]",
    "",
    "Runs each claim (spec/claims.md) as a fast-check property: a case is equal (exact) when algebra on its",
    "exact data shows both sides equal (n = 1, ...), verified when the enclosures prove it, refuted when they",
    "prove the opposite, consistent when still undecided at the precision cap.",
    "",
    "Flags:",
    "  --runs N      cases per claim (default: BONKL_RUNS or 200)",
    "  --seed S      base seed (default: BONKL_SEED or 20240103); each claim derives its own from it",
    "  --id ID       run only this claim (repeatable)",
    "  --path P      replay a failure: the path printed with it (needs exactly one --id)",
    "  --deep        deep budget: precision cap 4096 bits, larger cases before lowering the cap",
    "  --workers N   worker threads (default: one per core)",
    "  --json FILE   write the results (the format of spec/claims/deep-run.json)",
    "  --update FILE like --json, but keep the runs already in FILE (same seed, runs and budget) and save after",
    "                every claim; without --id, run only the claims FILE lacks (an interrupted run resumes)",
    "  --list        list the claims and exit",
    "  --verbose     print a line on stderr as each claim finishes (for long runs in logs and pipes)",
    "",
    "Examples:",
    "  npx bonkl claims",
    "  npx bonkl claims --id thm2.gap-le-renyi2 --runs 2000",
    "  npx bonkl claims --deep --runs 10000 --json spec/claims/deep-run.json",
  ].join("\n"),
  async run(argv) {
    const { values } = parseFlags(argv, {
      runs: { type: "string" },
      seed: { type: "string" },
      id: { type: "string", multiple: true },
      path: { type: "string" },
      deep: { type: "boolean" },
      workers: { type: "string" },
      json: { type: "string" },
      update: { type: "string" },
      list: { type: "boolean" },
      verbose: { type: "boolean" },
    });
    if (values.list) {
      for (const c of claims) process.stdout.write(`${c.id.padEnd(48)} ${c.kind.padEnd(10)} ${c.paper ?? "(ours)"}\n`);
      return 0;
    }
    const runs = flagOr(values.runs, (text) => readCount(text, "--runs"), runsPerClaim);
    const seed = flagOr(values.seed, (text) => readSeed(text, "--seed"), baseSeed);
    const workers = values.workers === undefined ? undefined : readInteger(values.workers, "--workers", { min: 0, max: 64 });
    const ids = values.id ?? [];
    const unknown = ids.filter((id) => !claims.some((c) => c.id === id));
    const merged = mergedClaims.find((m) => m.id === unknown[0]);
    if (merged) throw new UsageError(`claim ${merged.id} is the same statement as ${merged.sameAs} (spec/claims.md) and is tested as that one: give --id ${merged.sameAs}`);
    if (unknown.length > 0) throw new UsageError(`unknown claim ${JSON.stringify(unknown[0])}; see bonkl claims --list`);
    if (values.path !== undefined && ids.length !== 1) throw new UsageError("--path replays one claim: give exactly one --id");
    if (values.json !== undefined) checkOutputFile("--json", values.json);
    if (values.json !== undefined && values.update !== undefined) throw new UsageError("give --json or --update, not both");
    if (values.update !== undefined) checkOutputFile("--update", values.update);
    const budget = values.deep ? DEEP_BUDGET : DEFAULT_BUDGET;
    const earlier = values.update === undefined ? [] : earlierRuns(values.update, { seed, runs, budget });
    // --update without --id resumes: the claims already in the file are not run again
    const selected = (ids.length > 0 ? claims.filter((c) => ids.includes(c.id)) : claims.filter((c) => !earlier.some((r) => r.id === c.id))) as Claim<unknown>[];
    const skipped = ids.length === 0 ? earlier.length : 0;
    process.stderr.write(`bonkl claims: ${selected.length} claim(s), ${runs} cases each, base seed ${seed}${values.deep ? ", deep budget" : ""}${skipped > 0 ? `; ${skipped} already in ${values.update}` : ""}\n`);
    const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string };
    const finished: ClaimRun[] = [];
    const order = new Map(claims.map((c, i) => [c.id, i]));
    const write = (file: string, list: ClaimRun[], seconds: number): void => {
      // read the file again: another `--update` run on the same file may have added claims meanwhile
      const base = values.update && existsSync(file) ? earlierRuns(file, { seed, runs, budget }) : earlier;
      const all = [...base.filter((r) => !list.some((x) => x.id === r.id)), ...list].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
      const content: ClaimsResults = {
        format: RESULTS_FORMAT,
        command: values.update ? `npx bonkl claims${values.deep ? " --deep" : ""} --runs ${runs} --seed ${seed} --update ${values.update}` : `npx bonkl claims ${argv.join(" ")}`.trim(),
        seed,
        runsPerClaim: runs,
        budget,
        node: process.version,
        bonkl: pkg.version,
        finished: new Date().toISOString(),
        // --update: the claims' own times added up (they may come from several invocations); --json: this run's wall time
        seconds: values.update ? all.reduce((sum, r) => sum + r.seconds, 0) : seconds,
        claims: all,
      };
      // written to a temporary file and renamed (writeOutputFile), so a concurrent reader never sees half a file
      writeOutputFile(file, `${JSON.stringify(content, null, 1)}\n`);
    };
    const progress = startProgress("bonkl claims");
    const done = new Map<string, number>();
    const start = performance.now();
    const results = (await runClaims(selected, {
      runs,
      seed,
      budget,
      ...(values.path ? { path: values.path } : {}),
      ...(workers === undefined ? {} : { workers }),
      onProgress: (id, n) => {
        done.set(id, n);
        progress.tick([...done.values()].reduce((a, b) => a + b, 0), runs * selected.length, id);
      },
      onResult: (result: ClaimRun) => {
        const run = withFingerprint(result);
        if (values.verbose) process.stderr.write(`bonkl claims: ${run.id} done in ${run.seconds.toFixed(1)} s (${run.verified} verified, ${run.equal} equal, ${run.consistent} consistent, ${run.refuted} refuted)\n`);
        finished.push(run);
        // --update saves after every claim, so an interrupted run resumes where it stopped
        if (values.update) write(values.update, finished, 0);
      },
    })).map(withFingerprint);
    progress.done();
    const seconds = (performance.now() - start) / 1000;
    process.stdout.write(`${claimsTable(selected, results)}\n`);
    const details = counterexampleReport(selected, results, seed);
    if (details) process.stdout.write(`\n${details}\n`);
    process.stdout.write(`\nbase seed ${seed}; ${runs} cases per claim; ${seconds.toFixed(1)} s\n`);
    const target = values.json ?? values.update;
    if (target) write(target, results, seconds);
    const unexpected = results.filter((r, i) => status(selected[i] as Claim<unknown>, r) === "REFUTED");
    return unexpected.length > 0 ? 1 : 0;
  },
};

/** The run with the fingerprint of its claim's current definition (src/claims/fingerprint.ts). */
function withFingerprint(run: ClaimRun): ClaimRun {
  const claim = claims.find((c) => c.id === run.id) as Claim<unknown>;
  return { ...run, fingerprint: claimFingerprint(claim, claimFiles.get(run.id)) };
}

/** The runs already in a results file given to --update; they must come from the same seed, runs and budget. */
function earlierRuns(file: string, want: { seed: number; runs: number; budget: ClaimsResults["budget"] }): ClaimRun[] {
  if (!existsSync(file)) return [];
  let data: ClaimsResults;
  try {
    data = JSON.parse(readFileSync(file, "utf8")) as ClaimsResults;
  } catch (error) {
    throw new UsageError(`--update ${file}: not a readable results file (${(error as Error).message})`);
  }
  if (data.format !== RESULTS_FORMAT || !Array.isArray(data.claims)) throw new UsageError(`--update ${file}: not a ${RESULTS_FORMAT} file`);
  if (data.seed !== want.seed || data.runsPerClaim !== want.runs || JSON.stringify(data.budget) !== JSON.stringify(want.budget)) {
    throw new UsageError(`--update ${file}: it holds a run with seed ${data.seed}, ${data.runsPerClaim} cases per claim and cap ${data.budget?.maxPrecision}; rerun with the same --seed, --runs and --deep, or start a new file`);
  }
  return data.claims.filter((r) => claims.some((c) => c.id === r.id));
}
