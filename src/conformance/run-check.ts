/**
 * A whole conformance check: opens the subject, reads its capabilities, plans every (op, domain) pair the
 * subject implements, generates and asks the cases in a bounded window (pipelined, memory independent of --runs:
 * case-window.ts), grades them pair by pair against the shared oracle cache, shrinks failures, closes the subject
 * and returns the report. The subject's faults never abort the run: they become failing cases and entries of the
 * report's subject log.
 */
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { UsageError } from "../errors.ts";
import { ownModulePath } from "../util/own-module.ts";
import { runsFromEnvironment as readRunsSetting } from "../config.ts";
import { OP_NAMES } from "../protocol/messages.ts";
import { openSubject, type SubjectSpec } from "../subject/open-subject.ts";
import { killProcessGroup } from "../subject/process-groups.ts";
import { SUBJECT_DEFAULTS, type Subject, type SubjectLog, type SubjectOptions } from "../subject/subject.ts";
import { timingSummary, type PairTiming } from "./answer-timing.ts";
import { ask, gradeJob, jobCases, planJob, type JobContext, type JobPlan } from "./check-job.ts";
import { CaseWindow, type AskedCase } from "./case-window.ts";
import { DOMAINS, DOMAIN_NAMES, GRADED_OPS, domainNamed, type Domain, type GradedOp } from "./domains/index.ts";
import { summariseSubjectLog, replayCommand } from "./report-entries.ts";
import { RequestRegistry } from "./request-registry.ts";
import { sharedOracleCache, type OracleCache } from "./oracle-cache.ts";
import { silentProgress, type ProgressSink } from "./progress-sink.ts";
import type { ConformanceReport, OpDomainResult } from "./report.ts";
import { runVerdict } from "./run-verdict.ts";
import { SAFETY_FACTOR, SUBNORMAL_FLOOR, UNIT_ROUNDOFF } from "./tolerance.ts";

export { INTERRUPTED_EXIT_STATUS } from "./run-verdict.ts";

/** The seed used when none is given. */
export const DEFAULT_SEED = 20240604;
/** Cases per op in an ordinary domain when neither --runs nor BONKL_RUNS is given. */
export const DEFAULT_RUNS = 100;
/** The built-in float64 library in its protocol module form: the default subject. */
export const DEFAULT_SUBJECT_MODULE = ownModulePath(import.meta.url, "../float/subject");

export interface CheckOptions {
  /** The subject; null or absent: the built-in float64 library (src/float). */
  subject?: SubjectSpec | null;
  /** Domain names to check (default: all). */
  domains?: readonly string[] | null;
  seed?: number;
  /** Cases per op and ordinary domain (default: BONKL_RUNS, else 100). */
  runs?: number;
  subjectOptions?: SubjectOptions;
  oracle?: OracleCache;
  progress?: ProgressSink;
  /** Time limit for shrinking one failing (op, domain), shared by its failure classes. Default 20 s. */
  shrinkTimeLimitMs?: number;
  /** --strict: a case passes only when it is accurate (within the accuracy bound), not merely within tolerance. */
  strict?: boolean;
  /**
   * Interrupts the run (Ctrl-C): the subject is stopped at once, grading stops, and runCheck resolves with a partial
   * report (verdict INTERRUPTED, exit status 130): the pairs graded so far, the subject's faults up to the
   * interruption, and a note naming the pairs not graded.
   */
  signal?: AbortSignal;
}

/** How long an interrupted run waits for its subject to be gone before reporting anyway. */
const INTERRUPT_CLOSE_WAIT_MS = 2000;

/** Cases per op from the environment: BONKL_RUNS, else the default. UsageError when malformed. */
export function runsFromEnvironment(env: NodeJS.ProcessEnv = process.env): number {
  return readRunsSetting(DEFAULT_RUNS, env);
}

export function selectDomains(names: readonly string[] | null | undefined): Domain[] {
  if (names === null || names === undefined || names.length === 0) return [...DOMAINS];
  return [...new Set(names)].map((name) => {
    const domain = domainNamed(name);
    if (domain === undefined) throw new UsageError(`unknown domain ${JSON.stringify(name)}; the domains are ${DOMAIN_NAMES.join(", ")}`);
    return domain;
  });
}

function bonklVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

/** The subject's capabilities: the list it answers, or null (then every op is tried). */
async function readCapabilities(subject: Subject, registry: RequestRegistry, notes: string[]): Promise<string[] | null> {
  const answer = await subject.call("capabilities", {});
  registry.record(answer.id, "capabilities", "-", "the capabilities request");
  if (answer.kind === "value" && Array.isArray(answer.value) && answer.value.every((x) => typeof x === "string")) return answer.value as string[];
  const what = answer.kind === "value" ? "a non-list" : answer.kind === "fault" ? `fault ${answer.fault} (${answer.detail})` : `${answer.kind}: ${answer.message}`;
  notes.push(`capabilities answered ${what}: every op is tried and unsupported answers are skipped`);
  return null;
}

/**
 * Kills the process group of each instance still running in `log` (an instance that exited, or that never got a pid,
 * is left alone: a pid signalled after its exit may belong to another process by now).
 */
export function killLiveInstances(log: Pick<SubjectLog, "instances">, kill: (pid: number) => void = killProcessGroup): void {
  for (const instance of log.instances) if (instance.exit === null && instance.pid !== null) kill(instance.pid);
}

/**
 * Closes the subject and returns its final log, or its log as it stands after `waitMs` when the close takes longer
 * (a module's worker stuck in a call ends at the latest with its timeout, or when bonkl exits).
 */
export async function closedWithin(subject: Pick<Subject, "close" | "log">, waitMs: number): Promise<SubjectLog> {
  const closed = await Promise.race([subject.close(), new Promise<null>((resolve) => setTimeout(() => resolve(null), waitMs).unref())]);
  return closed ?? subject.log();
}

/** The parts of a subject log that describe what the subject did (as opposed to how its instances ended). */
function pick(log: SubjectLog): Pick<SubjectLog, "requestsSent" | "requestsAnswered" | "requestsFaulted" | "faults" | "faultCounts" | "stoppedBecause"> {
  const { requestsSent, requestsAnswered, requestsFaulted, faults, faultCounts, stoppedBecause } = log;
  return { requestsSent, requestsAnswered, requestsFaulted, faults, faultCounts, stoppedBecause };
}

export async function runCheck(options: CheckOptions = {}): Promise<ConformanceReport> {
  const started = Date.now();
  const seed = options.seed ?? DEFAULT_SEED;
  const runs = options.runs ?? runsFromEnvironment();
  const domains = selectDomains(options.domains);
  const oracle = options.oracle ?? sharedOracleCache;
  const progress = options.progress ?? silentProgress;
  const spec = options.subject ?? null;
  const subject = openSubject(spec ?? { module: DEFAULT_SUBJECT_MODULE }, options.subjectOptions);
  const notes: string[] = [];
  const registry = new RequestRegistry();
  let capabilities: string[] | null = null;
  const results: OpDomainResult[] = [];
  let log: SubjectLog;
  const signal = options.signal;
  // At the interruption: what the subject had done by then (its later deaths are bonkl's doing), and the close begun.
  let atInterrupt: SubjectLog | null = null;
  const onAbort = (): void => {
    atInterrupt ??= subject.log();
    void subject.close(); // unsent requests: "stopped"; stdin closed
    // A program may be busy for long with requests in flight: kill its process group now rather than wait for them
    // (Ctrl-C does the same through process-groups.ts). A module's worker ends with the close or with bonkl.
    if (spec?.command !== undefined) killLiveInstances(atInterrupt);
  };
  if (signal?.aborted) onAbort();
  else signal?.addEventListener("abort", onAbort, { once: true });
  let planned: JobPlan[] = [];
  let window: CaseWindow<JobPlan> | null = null;
  const timings: PairTiming[] = [];
  try {
    capabilities = await readCapabilities(subject, registry, notes);
    const listed = capabilities;
    const ops: GradedOp[] = listed === null ? [...GRADED_OPS] : GRADED_OPS.filter((op) => listed.includes(op));
    if (ops.length === 0) {
      throw new UsageError(`the subject lists no op that bonkl checks (capabilities: ${JSON.stringify(listed)}; checked ops: ${GRADED_OPS.join(", ")})`);
    }
    const unknown = (listed ?? []).filter((op) => !(OP_NAMES as readonly string[]).includes(op));
    if (unknown.length > 0) notes.push(`capabilities lists ops outside protocol version 1 (ignored): ${unknown.join(", ")}`);
    const plans: JobPlan[] = [];
    for (const domain of domains) for (const op of GRADED_OPS) if (ops.includes(op) && domain.ops[op] !== undefined) plans.push(planJob(domain, op, seed, runs));
    planned = plans;
    const caseWindow = new CaseWindow(plans, { cases: jobCases, ask: (plan, c) => ask(ctx, plan, c) });
    window = caseWindow;
    const ctx: JobContext = {
      subject,
      oracle,
      registry,
      shrinkTimeLimitMs: options.shrinkTimeLimitMs ?? 20_000,
      onCase: () => {
        caseWindow.graded();
        progress.tick();
        // faults name requests by id: keep the cases of the ones the report will list (the registry forgets old ones)
        registry.caseGraded(() => subject.log().faults);
      },
      onShrink: (plan, classId, timeLimitMs) => progress.note(`shrinking ${plan.op} in ${plan.domain.name} (${classId}, up to ${Number((timeLimitMs / 1000).toPrecision(2))} s)`),
      strict: options.strict === true,
      timings,
      ...(signal === undefined ? {} : { signal }),
    };
    progress.start(plans.reduce((sum, plan) => sum + plan.count, 0));
    const producing = caseWindow.run();
    for (const [i, plan] of plans.entries()) {
      if (signal?.aborted) break;
      progress.note(`${plan.op} in ${plan.domain.name}`);
      const result = await gradeJob(ctx, plan, caseWindow.streams[i] as AsyncIterable<AskedCase>);
      if (!signal?.aborted || result.cases > 0) results.push(result);
    }
    caseWindow.stop();
    await producing;
  } catch (error) {
    if (atInterrupt === null) throw error;
    notes.push(`the run stopped early: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    window?.stop();
    progress.done();
    signal?.removeEventListener("abort", onAbort);
    if (atInterrupt === null) log = await subject.close();
    else {
      // Interrupted: report promptly. A program subject was killed with its process group; a module's worker may
      // still be inside a call and is terminated by the close (at the latest after its timeout) or when bonkl exits.
      log = { ...(await closedWithin(subject, INTERRUPT_CLOSE_WAIT_MS)), ...pick(atInterrupt) };
    }
  }
  const interrupted = atInterrupt !== null;
  if (interrupted) {
    const graded = new Set(results.map((r) => `${r.op} in ${r.domain}`));
    const missing = planned.map((p) => `${p.op} in ${p.domain.name}`).filter((pair) => !graded.has(pair));
    notes.push(
      `interrupted (Ctrl-C): the subject was stopped; ${results.length} op x domain pair(s) graded` +
        (missing.length > 0 ? `, not graded: ${missing.join(", ")}` : "") +
        "; the subject's faults are those seen before the interruption",
    );
  }
  const durationMs = Date.now() - started;
  const judged = runVerdict(results, interrupted, log.stoppedBecause, durationMs, options.strict === true);
  return {
    format: "bonkl-conformance/2",
    bonklVersion: bonklVersion(),
    subject: spec === null ? `built-in float64 library (module ${relative(process.cwd(), DEFAULT_SUBJECT_MODULE)})` : subject.description,
    seed,
    runs,
    strict: options.strict === true,
    domains: domains.map((d) => d.name),
    capabilities,
    startedAt: new Date(started).toISOString(),
    durationMs,
    verdict: judged.verdict,
    exitStatus: judged.exitStatus,
    summary: judged.summary,
    replay: replayCommand(spec, seed, runs, options.domains && options.domains.length > 0 ? domains.map((d) => d.name) : null),
    tolerance: { unitRoundoff: UNIT_ROUNDOFF, safetyFactor: SAFETY_FACTOR, subnormalFloor: SUBNORMAL_FLOOR },
    results,
    timing: timingSummary(timings, options.subjectOptions?.timeoutMs ?? SUBJECT_DEFAULTS.timeoutMs),
    subjectLog: summariseSubjectLog(log, registry),
    notes,
  };
}
