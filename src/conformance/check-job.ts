/**
 * One (op, domain) pair of a check: its cases (generated lazily from the family seed, asked and graded in a bounded
 * window shared by all pairs: case-window.ts), the grading against the oracle, and, on failure, one shrunk example
 * per failure class (each shrunk while it stays in its class) beside the class's worst case.
 */
import type { Answer, Subject } from "../subject/subject.ts";
import { correctDigits } from "./accuracy-bound.ts";
import type { PairTiming } from "./answer-timing.ts";
import { type Case, familySeed, collectCases } from "./case.ts";
import { lazyCases, type AskedCase } from "./case-window.ts";
import { caseRecord } from "./report-entries.ts";
import type { RequestRegistry } from "./request-registry.ts";
import { caseCount, type CaseFamily, type Domain, type GradedOp } from "./domains/domain.ts";
import { classOf, describeClass, type FailureKind, type Shape } from "./failure-class.ts";
import { describeExpected, gradeCase, type CaseAccuracy, type CaseGrade } from "./grade.ts";
import { type ClassStats, JobStats, type Worst } from "./job-stats.ts";
import type { OracleCache } from "./oracle-cache.ts";
import { pairVerdict } from "./pair-verdict.ts";
import type { AccuracyResult, CaseRecord, Counterexample, FailureClassResult, OpDomainResult } from "./report.ts";
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
  /** Called when shrinking starts for a failure class of a pair, with its share of the time limit. */
  readonly onShrink?: (plan: JobPlan, classId: string, timeLimitMs: number) => void;
  /** Time limit for shrinking one failing pair (shared by its failure classes). */
  readonly shrinkTimeLimitMs: number;
  /** Aborted when the run is interrupted (Ctrl-C): grading stops at the next case, shrinking at the next step. */
  readonly signal?: AbortSignal;
  /** --strict: the accuracy bound is the pass criterion. */
  readonly strict?: boolean;
  /** Each graded pair's waits and timeouts are appended here (answer-timing.ts). */
  readonly timings?: PairTiming[];
}

/** A promise that resolves with null once `signal` is aborted (never without a signal), and its listener's removal. */
function whenAborted(signal: AbortSignal | undefined): { aborted: Promise<null>; release: () => void } {
  let release = (): void => {};
  const aborted = new Promise<null>((resolve) => {
    if (signal === undefined) return;
    const onAbort = (): void => resolve(null);
    signal.addEventListener("abort", onAbort, { once: true });
    release = () => signal.removeEventListener("abort", onAbort);
  });
  return { aborted, release };
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

/** A worst case as a record, with the oracle's enclosure filled in when the grade did not keep it (a passing case). */
function worstRecord(ctx: JobContext, plan: JobPlan, worst: Worst): CaseRecord {
  const grade = worst.grade.expected === null && worst.grade.error !== null ? { ...worst.grade, expected: describeExpected(plan.op, worst.case.args, worst.grade.entry, ctx.oracle) } : worst.grade;
  return caseRecord(worst.case, grade, worst.index);
}

/** How many requests the logged fault that hit request `id` hit (from a snapshot of the subject's log). */
function faultSharedBy(ctx: JobContext, id: number): number {
  return ctx.subject.log().faults.find((f) => f.ids.includes(id))?.ids.length ?? 1;
}

function gradeOf(ctx: JobContext, plan: JobPlan, c: Case, answer: Answer): CaseGrade {
  return gradeCase(plan.op, c.args, answer, { kind: plan.domain.kind, strict: ctx.strict === true, faultSharedBy: (id) => faultSharedBy(ctx, id) }, ctx.oracle);
}

/** Shrinks a class from its worst case, keeping only candidates that fail in the same class. */
async function shrinkClass(ctx: JobContext, plan: JobPlan, stats: ClassStats, timeLimitMs: number): Promise<Counterexample | null> {
  const from = stats.worst as Worst;
  const shrunk = await shrinkFailure(
    plan.family.arbitrary,
    plan.seed,
    from.index,
    from.case,
    async (c) => {
      if (ctx.signal?.aborted) throw new Error("interrupted"); // ends shrinking at once; the last failure stands
      return gradeOf(ctx, plan, c, await ask(ctx, plan, c));
    },
    timeLimitMs,
    (c, grade) => classOf(c.args, grade) === stats.id,
  );
  const failing = shrunk ?? { failing: from.case, grade: from.grade, shrinks: 0, path: String(from.index) };
  return { ...caseRecord(failing.failing, failing.grade, null, true), shrinks: failing.shrinks, path: failing.path };
}

async function classResults(ctx: JobContext, plan: JobPlan, stats: JobStats): Promise<FailureClassResult[]> {
  if (plan.domain.kind !== "graded") return [];
  const all = [...stats.classes.values()];
  const shrinkable = all.filter((s) => !s.id.endsWith("/fault"));
  const timeLimitMs = ctx.shrinkTimeLimitMs / Math.max(1, shrinkable.length);
  const results: FailureClassResult[] = [];
  for (const s of all) {
    let counterexample: Counterexample | null = null;
    if (shrinkable.includes(s) && ctx.signal?.aborted !== true) {
      ctx.onShrink?.(plan, s.id, timeLimitMs);
      counterexample = await shrinkClass(ctx, plan, s, timeLimitMs);
    }
    const [shape, kind] = s.id.split("/") as [Shape, FailureKind];
    results.push({
      id: s.id,
      shape,
      kind,
      description: describeClass(s.id),
      count: s.count,
      firstFailure: s.firstIndex,
      regime: { nMin: s.n.min, nMax: s.n.max, smallMin: s.small.min, smallMax: s.small.max },
      worstCase: worstRecord(ctx, plan, s.worst as Worst),
      counterexample,
    });
  }
  return results;
}

/** The accuracy grade: accurate when no case failed and every compared case is within its accuracy bound. */
function accuracyResult(ctx: JobContext, plan: JobPlan, stats: JobStats): AccuracyResult {
  if (plan.domain.kind !== "graded" || stats.compared === 0) {
    return { compared: stats.compared, accurate: stats.accurate, verdict: null, worstRelativeErrorU: null, correctDigits: null, worstBoundRatio: null, worstCase: null };
  }
  const worst = stats.worstAccuracy as Worst;
  const ratio = (worst.grade.accuracy as CaseAccuracy).ratio;
  const relative = stats.worstRelativeErrorU as number;
  return {
    compared: stats.compared,
    accurate: stats.accurate,
    verdict: stats.accurate === stats.compared && stats.failed === 0 ? "accurate" : "not accurate",
    worstRelativeErrorU: Number.isFinite(relative) ? relative : null,
    correctDigits: correctDigits(relative),
    worstBoundRatio: Number.isFinite(ratio) ? ratio : null,
    worstCase: worstRecord(ctx, plan, worst),
  };
}

/**
 * Grades the pair's asked cases in case order, as they come. Nothing is kept of a graded case but what the stats
 * keep for the report, so a long run holds only the window's cases.
 */
export async function gradeJob(ctx: JobContext, plan: JobPlan, asked: AsyncIterable<AskedCase> | Iterable<AskedCase>): Promise<OpDomainResult> {
  const started = performance.now();
  const stats = new JobStats();
  const { aborted, release } = whenAborted(ctx.signal);
  try {
    for await (const { index, case: c, answer: pending } of asked) {
      const waitFrom = performance.now();
      const answer = ctx.signal?.aborted === true ? null : await Promise.race([pending, aborted]);
      if (answer === null) break; // interrupted: what was graded so far stands
      stats.add(index, c, gradeOf(ctx, plan, c, answer), performance.now() - waitFrom);
      ctx.onCase?.();
      await yieldToEventLoop();
      if (ctx.signal?.aborted) break;
    }
  } finally {
    release(); // one listener per pair would pile up on the run's signal
  }
  const interrupted = ctx.signal?.aborted === true;
  const classes = interrupted ? [] : await classResults(ctx, plan, stats);
  const worst = stats.worst;
  const worstClass = worst === null ? null : classOf(worst.case.args, worst.grade);
  const counterexample = (classes.find((c) => c.id === worstClass) ?? classes.find((c) => c.counterexample !== null))?.counterexample ?? null;
  const judged = pairVerdict(plan.domain.kind, stats);
  const remark = interrupted && stats.cases < plan.count ? [`interrupted: ${stats.cases} of ${plan.count} cases graded`, judged.remark].filter(Boolean).join("; ") : judged.remark;
  ctx.timings?.push({ op: plan.op, domain: plan.domain.name, slowest: stats.slowest, largest: stats.largest, timeouts: stats.timeouts, timedOutOutcomes: stats.timedOutOutcomes });
  return {
    op: plan.op,
    domain: plan.domain.name,
    verdict: judged.verdict,
    remark,
    familySeed: plan.seed,
    cases: stats.cases,
    passed: stats.passed,
    failed: stats.failed,
    skipped: stats.skipped,
    notRun: stats.notRun,
    rejected: stats.rejected,
    accepted: stats.accepted,
    faulted: stats.faulted,
    asGiven: stats.asGiven,
    firstFailure: stats.firstFailure,
    worstError: stats.worstError,
    worstRatio: stats.worstRatio,
    worstCase: worst === null ? null : worstRecord(ctx, plan, worst),
    counterexample,
    classes,
    accuracy: accuracyResult(ctx, plan, stats),
    skipReasons: stats.skipReasons,
    slowestAnswerMs: stats.slowest === null ? null : Math.round(stats.slowest.ms),
    durationMs: Math.round(performance.now() - started),
  };
}
