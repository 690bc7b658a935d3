/**
 * One (op, domain) pair of a check: its cases (generated lazily from the family seed, asked and graded in a bounded
 * window shared by all pairs: case-window.ts), the grading against the oracle, and, on failure, the shrunk
 * counterexample.
 */
import type { Answer, Subject } from "../subject/subject.ts";
import { type Case, familySeed, collectCases } from "./case.ts";
import { lazyCases, type AskedCase } from "./case-window.ts";
import { caseRecord, type RequestRegistry } from "./report-entries.ts";
import { caseCount, type CaseFamily, type Domain, type GradedOp } from "./domains/domain.ts";
import { describeExpected, gradeCase } from "./grade.ts";
import { JobStats } from "./job-stats.ts";
import type { OracleCache } from "./oracle-cache.ts";
import type { Counterexample, OpDomainResult, Verdict } from "./report.ts";
import { shrinkFailure } from "./shrink-failure.ts";

export interface JobPlan {
  readonly domain: Domain;
  readonly op: GradedOp;
  readonly family: CaseFamily;
  readonly seed: number;
  /** How many cases the pair has (they are generated as they are graded: planCases, lazyCases). */
  readonly count: number;
}

export interface JobContext {
  readonly subject: Subject;
  readonly oracle: OracleCache;
  readonly registry: RequestRegistry;
  /** Called after each graded case (progress, and the window's room). */
  readonly onCase?: () => void;
  /** Called when shrinking starts for a pair. */
  readonly onShrink?: (plan: JobPlan) => void;
  /** Time limit for shrinking one failure. */
  readonly shrinkTimeLimitMs: number;
  /** Aborted when the run is interrupted (Ctrl-C): grading stops at the next case, shrinking at the next step. */
  readonly signal?: AbortSignal;
}

/** Resolves with the answer, or with null as soon as `signal` is aborted. */
function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T | null> {
  if (signal === undefined) return promise;
  if (signal.aborted) return Promise.resolve(null);
  return new Promise<T | null>((resolve) => {
    const onAbort = (): void => resolve(null);
    signal.addEventListener("abort", onAbort, { once: true });
    void promise.then((value) => {
      signal.removeEventListener("abort", onAbort);
      resolve(value);
    });
  });
}

export function planJob(domain: Domain, op: GradedOp, runSeed: number, runs: number): JobPlan {
  const family = domain.ops[op];
  if (family === undefined) throw new Error(`domain ${domain.name} has no ${op} cases`);
  const seed = familySeed(runSeed, domain.name, family.group);
  return { domain, op, family, seed, count: caseCount(domain, runs) };
}

/** The pair's cases, generated one at a time as they are pulled. */
export function jobCases(plan: JobPlan): AsyncGenerator<Case> {
  return lazyCases(plan.family.arbitrary, plan.seed, plan.count);
}

/** Every case of the pair at once (tests, small runs): the same cases, in the same order, as jobCases. */
export function planCases(plan: JobPlan): Promise<Case[]> {
  return collectCases(plan.family.arbitrary, plan.seed, plan.count);
}

/** Asks the subject `op(args)` and records which case the request id belongs to. */
export function ask(ctx: JobContext, plan: JobPlan, c: Case): Promise<Answer> {
  return ctx.subject.call(plan.op, c.args).then((answer) => {
    ctx.registry.record(answer.id, plan.op, plan.domain.name, c.label);
    return answer;
  });
}

/** Every case of the pair, asked at once (tests, small runs; a check asks through its window: case-window.ts). */
export async function askAll(ctx: JobContext, plan: JobPlan): Promise<AskedCase[]> {
  return (await planCases(plan)).map((c, index) => ({ index, case: c, answer: ask(ctx, plan, c) }));
}

/** Lets the event loop run (subject I/O, worker messages) between synchronous oracle computations. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function verdictOf(plan: JobPlan, stats: JobStats): { verdict: Verdict; remark: string } {
  const skipNote = stats.skipped > 0 ? `${stats.skipped} skipped (${stats.skipReasons[0] ?? "unsupported"})` : "";
  if (plan.domain.informational) {
    const parts = [`${stats.rejected} rejected`, `${stats.accepted} accepted`];
    if (stats.faulted > 0) parts.push(`${stats.faulted} faulted`);
    if (stats.skipped > 0) parts.push(skipNote);
    return { verdict: "INFO", remark: `invalid inputs: ${parts.join(", ")}` };
  }
  if (stats.failed > 0) return { verdict: "FAIL", remark: `${stats.failed} of ${stats.cases} cases failed${skipNote ? `; ${skipNote}` : ""}` };
  if (stats.passed > 0) return { verdict: "PASS", remark: skipNote };
  return { verdict: "SKIP", remark: `every case unsupported: ${stats.skipReasons[0] ?? "unsupported"}` };
}

/**
 * Grades the pair's asked cases in case order, as they come. Nothing is kept of a graded case but what the stats
 * keep for the report, so a long run holds only the window's cases.
 */
export async function gradeJob(ctx: JobContext, plan: JobPlan, asked: AsyncIterable<AskedCase> | Iterable<AskedCase>): Promise<OpDomainResult> {
  const started = performance.now();
  const stats = new JobStats();
  for await (const { index, case: c, answer: pending } of asked) {
    const answer = await unlessAborted(pending, ctx.signal);
    if (answer === null) break; // interrupted: what was graded so far stands
    stats.add(index, c, gradeCase(plan.op, c.args, answer, plan.domain.informational, ctx.oracle));
    ctx.onCase?.();
    await yieldToEventLoop();
    if (ctx.signal?.aborted) break;
  }
  let counterexample: Counterexample | null = null;
  const interrupted = ctx.signal?.aborted === true;
  if (stats.worstShrinkable !== null && !interrupted) {
    ctx.onShrink?.(plan);
    const from = stats.worstShrinkable;
    const shrunk = await shrinkFailure(
      plan.family.arbitrary,
      plan.seed,
      from.index,
      from.case,
      async (c) => {
        if (ctx.signal?.aborted) throw new Error("interrupted"); // ends shrinking at once; the last failure stands
        return gradeCase(plan.op, c.args, await ask(ctx, plan, c), false, ctx.oracle);
      },
      ctx.shrinkTimeLimitMs,
    );
    const failing = shrunk ?? { failing: from.case, grade: from.grade, shrinks: 0, path: String(from.index) };
    counterexample = { ...caseRecord(failing.failing, failing.grade, null), shrinks: failing.shrinks, path: failing.path };
  }
  const worst = stats.worst;
  let worstCase = null;
  if (worst !== null) {
    const grade = worst.grade.expected === null && worst.grade.error !== null ? { ...worst.grade, expected: describeExpected(plan.op, worst.case.args, worst.grade.entry, ctx.oracle) } : worst.grade;
    worstCase = caseRecord(worst.case, grade, worst.index);
  }
  const judged = verdictOf(plan, stats);
  const verdict = judged.verdict;
  const remark = interrupted && stats.cases < plan.count ? [`interrupted: ${stats.cases} of ${plan.count} cases graded`, judged.remark].filter(Boolean).join("; ") : judged.remark;
  return {
    op: plan.op,
    domain: plan.domain.name,
    verdict,
    remark,
    familySeed: plan.seed,
    cases: stats.cases,
    passed: stats.passed,
    failed: stats.failed,
    skipped: stats.skipped,
    rejected: stats.rejected,
    accepted: stats.accepted,
    faulted: stats.faulted,
    firstFailure: stats.firstFailure,
    worstError: stats.worstError,
    worstRatio: stats.worstRatio,
    worstCase,
    counterexample,
    skipReasons: stats.skipReasons,
    durationMs: Math.round(performance.now() - started),
  };
}
