/**
 * Runs one hostile command line (hostile-cli.ts) in-process through the CLI's dispatcher, as src/cli/main.ts does:
 * `main(argv)`, and on an exception `reportError`. Captures stdout and stderr and judges the outcome: every case must
 * end in an exit status 0, 1 or 2; a failure must be a typed error (BonklError) reported as one line on stderr,
 * without a stack trace.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { BonklError } from "../errors.ts";
import { main, reportError } from "../cli/dispatch.ts";
import type { CliCase } from "./hostile-cli.ts";
import { withoutProgress } from "./run-bonkl.ts";

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
  /** The exception main() threw, if any. */
  error: unknown;
  ms: number;
  /** What is wrong with the outcome, or null. */
  problem: string | null;
}

/** Writes the case's files into a fresh folder and returns argv with `@name` replaced by their paths. */
export function materialise(c: CliCase): string[] {
  const dir = mkdtempSync(join(tmpdir(), "bonkl-cli-fuzz-"));
  for (const file of c.files) {
    const path = join(dir, file.name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
  return c.argv.map((word) => (word.startsWith("@") ? join(dir, word.slice(1)) : word));
}

export function judge(outcome: Omit<CliOutcome, "problem">): string | null {
  const { code, stderr, error } = outcome;
  if (![0, 1, 2].includes(code)) return `exit status ${code}`;
  if (error !== undefined && !(error instanceof BonklError)) return `untyped error: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  if (error !== undefined) {
    const lines = withoutProgress(stderr).split("\n").filter((l) => l.trim() !== "");
    if (lines.length !== 1) return `${lines.length} lines on stderr`;
    if (/^\s+at /m.test(stderr)) return "a stack trace on stderr";
  }
  return null;
}

/** Runs the case with stdout/stderr captured and the environment overrides applied. */
export function runCliCase(c: CliCase): Promise<CliOutcome> {
  return runMain([c.command, ...materialise(c)], c.env);
}

/**
 * `bonkl ARGV` in-process, as src/cli/main.ts runs it, with stdout/stderr captured and `env` applied meanwhile.
 * Replaces process.stdout.write while it runs: never run two at once.
 */
export async function runMain(argv: string[], env: Record<string, string> = {}): Promise<CliOutcome> {
  const c = { env };
  const saved = Object.fromEntries(Object.keys(c.env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, c.env);
  let stdout = "";
  let stderr = "";
  const write = { out: process.stdout.write, err: process.stderr.write };
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)) as typeof process.stderr.write;
  const started = performance.now();
  let code: number;
  let error: unknown;
  try {
    code = await main(argv);
  } catch (e) {
    error = e;
    code = reportError(e);
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  const outcome = { code, stdout, stderr, error, ms: performance.now() - started };
  return { ...outcome, problem: judge(outcome) };
}
