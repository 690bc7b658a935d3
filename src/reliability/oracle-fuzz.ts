/**
 * Fuzzes the oracle's `compute(op, args)` with hostile arguments (hostile-args.ts), every case in a sandboxed thread
 * with a time limit (oracle-sandbox.ts). Each case must end in a value or a typed error (BonklError / InputError)
 * within the limit; anything else (an untyped exception, a timeout, a dead thread) is a finding, kept with its input.
 */
import fc from "fast-check";
import { opNames } from "../oracle/index.ts";
import { fuzzCase } from "./hostile-args.ts";
import { OracleSandbox, type SandboxOutcome } from "./oracle-sandbox.ts";

export interface FuzzFinding {
  index: number;
  op: string;
  /** The input, abbreviated (long strings and arrays summarised). */
  input: string;
  outcome: SandboxOutcome;
}

export interface OracleFuzzSummary {
  seed: number;
  cases: number;
  timeLimitMs: number;
  counts: Record<SandboxOutcome["kind"], number>;
  /** Typed rejections by error code (INVALID_INPUT...). */
  typedCodes: Record<string, number>;
  /** Cases per op. */
  perOp: Record<string, number>;
  /** The slowest cases that ended in time (ms, op, input). */
  slowest: { ms: number; op: string; input: string }[];
  findings: FuzzFinding[];
  wallMs: number;
}

/** The cases to run: BONKL_FUZZ_CASES, else 10,000 with BONKL_DEEP=1, else 2 x BONKL_RUNS when that is above 100, else `fallback`. */
export function fuzzCaseCount(fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const explicit = Number(env.BONKL_FUZZ_CASES);
  if (Number.isSafeInteger(explicit) && explicit > 0) return explicit;
  if (env.BONKL_DEEP === "1") return 10_000;
  const runs = Number(env.BONKL_RUNS);
  if (Number.isSafeInteger(runs) && runs > 100) return 2 * runs;
  return fallback;
}

/** JSON-like text of a value, with long strings and arrays summarised, at most `limit` characters. */
export function describeInput(value: unknown, limit = 400): string {
  const seen = (v: unknown, depth: number): string => {
    if (typeof v === "string") return v.length > 60 ? `"${v.slice(0, 30)}..."(${v.length} chars)` : JSON.stringify(v);
    if (typeof v === "number") return Object.is(v, -0) ? "-0" : String(v);
    if (typeof v === "bigint") return `${v}n`;
    if (v === undefined) return "undefined";
    if (v === null || typeof v !== "object") return String(v);
    if (depth > 4) return "...";
    if (Array.isArray(v)) {
      if (v.length > 12) {
        const distinct = new Set(v.slice(0, -1).map((x) => seen(x, depth + 1)));
        return distinct.size === 1 ? `[${[...distinct][0]} x ${v.length - 1}, ${seen(v[v.length - 1], depth + 1)}]` : `[${v.slice(0, 6).map((x) => seen(x, depth + 1)).join(", ")}, ...(${v.length} entries)]`;
      }
      return `[${v.map((x) => seen(x, depth + 1)).join(", ")}]`;
    }
    return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${seen(x, depth + 1)}`).join(", ")}}`;
  };
  const text = seen(value, 0);
  return text.length > limit ? `${text.slice(0, limit - 3)}...` : text;
}

export async function fuzzOracle(options: { cases: number; seed: number; timeLimitMs: number; ops?: readonly string[]; onCase?: (i: number) => void }): Promise<OracleFuzzSummary> {
  const started = performance.now();
  const ops = options.ops ?? opNames;
  const inputs = fc.sample(fuzzCase(ops), { seed: options.seed, numRuns: options.cases });
  const sandbox = new OracleSandbox(options.timeLimitMs);
  const counts: OracleFuzzSummary["counts"] = { value: 0, typed: 0, untyped: 0, timeout: 0, crash: 0 };
  const typedCodes: Record<string, number> = {};
  const perOp: Record<string, number> = {};
  const findings: FuzzFinding[] = [];
  let slowest: OracleFuzzSummary["slowest"] = [];
  try {
    for (const [index, { op, args }] of inputs.entries()) {
      const outcome = await sandbox.run(op, args);
      counts[outcome.kind] += 1;
      perOp[op] = (perOp[op] ?? 0) + 1;
      if (outcome.kind === "typed") typedCodes[outcome.code ?? outcome.name] = (typedCodes[outcome.code ?? outcome.name] ?? 0) + 1;
      if (outcome.kind === "value" || outcome.kind === "typed") {
        if (slowest.length < 5 || outcome.ms > slowest[slowest.length - 1]!.ms) {
          slowest = [...slowest, { ms: Math.round(outcome.ms), op, input: describeInput(args, 160) }].sort((a, b) => b.ms - a.ms).slice(0, 5);
        }
      } else findings.push({ index, op, input: describeInput(args), outcome });
      options.onCase?.(index);
    }
  } finally {
    await sandbox.close();
  }
  return { seed: options.seed, cases: inputs.length, timeLimitMs: options.timeLimitMs, counts, typedCodes, perOp, slowest, findings, wallMs: performance.now() - started };
}

/** The summary as a few lines of text (for the test log and spec/reliability.md). */
export function formatFuzzSummary(s: OracleFuzzSummary): string {
  const lines = [
    `oracle fuzz: ${s.cases} cases, seed ${s.seed}, time limit ${s.timeLimitMs} ms per case, ${(s.wallMs / 1000).toFixed(1)} s`,
    `  outcomes: ${Object.entries(s.counts).map(([k, n]) => `${k} ${n}`).join(", ")}`,
    `  typed rejections: ${Object.entries(s.typedCodes).map(([k, n]) => `${k} ${n}`).join(", ")}`,
    `  slowest in time: ${s.slowest.map((x) => `${x.ms} ms ${x.op}`).join("; ")}`,
  ];
  for (const f of s.findings) {
    const o = f.outcome;
    const what = o.kind === "untyped" ? `${o.name}: ${o.message}` : o.kind === "crash" ? `thread died: ${o.message}` : `no answer after ${Math.round(o.ms)} ms`;
    lines.push(`  FINDING #${f.index} ${o.kind} ${f.op}(${f.input}): ${what}`);
  }
  return lines.join("\n");
}
