/** `bonkl claims`: run every claim of the paper as a property and print the claims table. */
import { readFileSync } from "node:fs";
import { UsageError } from "../../errors.ts";
import type { Command } from "../command.ts";
import { parseFlags } from "../flags.ts";
import { checkOutputFile, writeOutputFile } from "../output-file.ts";
import { claims } from "../../../properties/claims/index.ts";
import type { Claim } from "../../../properties/claim.ts";
import { runClaims } from "../../../properties/claims-runner.ts";
import { baseSeed, runsPerClaim } from "../../../properties/run-claim.ts";
import { DEEP_BUDGET, DEFAULT_BUDGET } from "../../../properties/decide.ts";
import type { ClaimRun } from "../../../properties/run-claim.ts";
import { claimsTable, counterexampleReport, RESULTS_FORMAT, status, type ClaimsResults } from "../../../properties/claims-report.ts";
import { progress as startProgress } from "../progress.ts";

export const claimsCommand: Command = {
  name: "claims",
  summary: "check every claim of the paper on random cases, decided from certified enclosures",
  help: [
    "Usage: bonkl claims [--runs N] [--seed S] [--id ID]... [--path P] [--deep] [--workers N] [--json FILE] [--list]",
    "",
    "Runs each claim (spec/claims.md) as a fast-check property: a case is verified when the enclosures prove",
    "it, refuted when they prove the opposite, consistent when still undecided at the precision cap.",
    "",
    "Flags:",
    "  --runs N      cases per claim (default: BONKL_RUNS or 200)",
    "  --seed S      base seed (default: BONKL_SEED or 20240103); each claim derives its own from it",
    "  --id ID       run only this claim (repeatable)",
    "  --path P      replay a failure: the path printed with it (needs exactly one --id)",
    "  --deep        deep budget: precision cap 4096 bits, larger cases before lowering the cap",
    "  --workers N   worker threads (default: one per core)",
    "  --json FILE   write the results (the format of properties/results/claims-deep.json)",
    "  --list        list the claims and exit",
    "  --verbose     print a line on stderr as each claim finishes (for long runs in logs and pipes)",
    "",
    "Examples:",
    "  npx bonkl claims",
    "  npx bonkl claims --id thm2.gap-le-renyi2 --runs 2000",
    "  npx bonkl claims --deep --runs 10000 --json properties/results/claims-deep.json",
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
      list: { type: "boolean" },
      verbose: { type: "boolean" },
    });
    if (values.list) {
      for (const c of claims) process.stdout.write(`${c.id.padEnd(48)} ${c.kind.padEnd(10)} ${c.paper ?? "(ours)"}\n`);
      return 0;
    }
    const runs = values.runs === undefined ? fromEnvironment(runsPerClaim) : positiveInteger("--runs", values.runs);
    const seed = values.seed === undefined ? fromEnvironment(baseSeed) : integer("--seed", values.seed);
    const workers = values.workers === undefined ? undefined : integer("--workers", values.workers);
    const ids = values.id ?? [];
    const unknown = ids.filter((id) => !claims.some((c) => c.id === id));
    if (unknown.length > 0) throw new UsageError(`unknown claim ${JSON.stringify(unknown[0])}; see bonkl claims --list`);
    if (values.path !== undefined && ids.length !== 1) throw new UsageError("--path replays one claim: give exactly one --id");
    if (values.json !== undefined) checkOutputFile("--json", values.json);
    const selected = (ids.length > 0 ? claims.filter((c) => ids.includes(c.id)) : claims) as Claim<unknown>[];
    const budget = values.deep ? DEEP_BUDGET : DEFAULT_BUDGET;
    process.stderr.write(`bonkl claims: ${selected.length} claim(s), ${runs} cases each, base seed ${seed}${values.deep ? ", deep budget" : ""}\n`);
    const progress = startProgress("claims");
    const done = new Map<string, number>();
    const start = performance.now();
    const results = await runClaims(selected, {
      runs,
      seed,
      budget,
      ...(values.path ? { path: values.path } : {}),
      ...(workers === undefined ? {} : { workers }),
      onProgress: (id, n) => {
        done.set(id, n);
        progress.tick([...done.values()].reduce((a, b) => a + b, 0), runs * selected.length, id);
      },
      ...(values.verbose
        ? {
            onResult: (run: ClaimRun) =>
              process.stderr.write(`bonkl claims: ${run.id} done in ${run.seconds.toFixed(1)} s (${run.verified} verified, ${run.consistent} consistent, ${run.refuted} refuted)\n`),
          }
        : {}),
    });
    progress.done();
    const seconds = (performance.now() - start) / 1000;
    process.stdout.write(`${claimsTable(selected, results)}\n`);
    const details = counterexampleReport(selected, results, seed);
    if (details) process.stdout.write(`\n${details}\n`);
    process.stdout.write(`\nbase seed ${seed}; ${runs} cases per claim; ${seconds.toFixed(1)} s\n`);
    if (values.json) {
      const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string };
      const file: ClaimsResults = {
        format: RESULTS_FORMAT,
        command: `npx bonkl claims ${argv.join(" ")}`.trim(),
        seed,
        runsPerClaim: runs,
        budget,
        node: process.version,
        bonkl: pkg.version,
        finished: new Date().toISOString(),
        seconds,
        claims: results,
      };
      writeOutputFile(values.json, `${JSON.stringify(file, null, 1)}\n`);
    }
    const unexpected = results.filter((r, i) => status(selected[i] as Claim<unknown>, r) === "REFUTED");
    return unexpected.length > 0 ? 1 : 0;
  },
};

/** BONKL_RUNS / BONKL_SEED read by properties/run-claim.ts: a malformed value is a usage error. */
function fromEnvironment(read: () => number): number {
  try {
    return read();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function integer(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n)) throw new UsageError(`${flag} must be an integer, got ${JSON.stringify(text)}`);
  return n;
}

function positiveInteger(flag: string, text: string): number {
  const n = integer(flag, text);
  if (n < 1) throw new UsageError(`${flag} must be at least 1, got ${n}`);
  return n;
}
