/**
 * Running tally of one (op, domain): counts by status, worst error and worst error/tolerance, the failure classes
 * (failure-class.ts) with the worst case and the range of magnitudes of each, the accuracy grade's worst case, skip
 * and not-run reasons, and how long bonkl waited for the subject's answers.
 */
import type { Case } from "./case.ts";
import { classOf, magnitudesOf } from "./failure-class.ts";
import type { CaseAccuracy, CaseGrade } from "./grade.ts";

const MAX_REASONS = 5;

export interface Worst {
  readonly index: number;
  readonly case: Case;
  readonly grade: CaseGrade;
}

/** A [min, max] range, widened as values come. */
export class Range {
  min: number | null = null;
  max: number | null = null;
  add(x: number | null): void {
    if (x === null || Number.isNaN(x)) return;
    this.min = Math.min(this.min ?? x, x);
    this.max = Math.max(this.max ?? x, x);
  }
}

/** One failure class of the pair. */
export class ClassStats {
  count = 0;
  /** The failing case with the largest error / tolerance (then error): where shrinking starts. */
  worst: Worst | null = null;
  readonly n = new Range();
  /** Smallest positive mass (or eps) of each failing case. */
  readonly small = new Range();
  constructor(
    readonly id: string,
    /** Index of the class's first failing case. */
    readonly firstIndex: number,
  ) {}

  add(entry: Worst): void {
    this.count++;
    const m = magnitudesOf(entry.case.args);
    this.n.add(m.n);
    this.small.add(m.small);
    if (this.worst === null || isWorse(entry.grade, this.worst.grade)) this.worst = entry;
  }
}

/** a is worse than b: a larger error / tolerance, then a larger error (a non-numeric answer has none). */
export function isWorse(a: CaseGrade, b: CaseGrade): boolean {
  if (a.ratio !== b.ratio) return a.ratio > b.ratio;
  return (a.error ?? -1) > (b.error ?? -1);
}

/** a is further from accurate than b: inaccurate before accurate, then error / accuracy bound. */
function lessAccurate(a: CaseAccuracy, b: CaseAccuracy): boolean {
  if (a.accurate !== b.accurate) return b.accurate;
  return a.ratio > b.ratio;
}

/** Seconds bonkl spent waiting for one answer (time in `await`: never its own computing). */
export interface Wait {
  readonly ms: number;
  readonly index: number;
  readonly label: string;
  /** Outcomes of the case (entries of p), 0 for the ops without p. */
  readonly outcomes: number;
}

export class JobStats {
  cases = 0;
  passed = 0;
  failed = 0;
  skipped = 0;
  notRun = 0;
  rejected = 0;
  accepted = 0;
  faulted = 0;
  /** Failing answers that match p as given (not p / sum(p)). */
  asGiven = 0;
  /** Passing answers that match p as given too (sum(p) too close to 1 to tell the readings apart). */
  indistinct = 0;
  /** Index of the first failing case (null while none failed). */
  firstFailure: number | null = null;
  worstError: number | null = null;
  worstRatio: number | null = null;
  /** Graded domains: the largest ratio (non-numeric failures count as infinite). Informational: first accepted. */
  worst: Worst | null = null;
  /** Failure classes in the order of their first case. */
  readonly classes = new Map<string, ClassStats>();
  readonly skipReasons: string[] = [];
  readonly notRunReasons: string[] = [];
  /** Cases compared numerically (their accuracy is known), and how many of them were accurate. */
  compared = 0;
  accurate = 0;
  worstRelativeErrorU: number | null = null;
  /** The case with the largest error / accuracy bound. */
  worstAccuracy: Worst | null = null;
  /** The longest wait for an answer, and the answered case with the most outcomes (for the rate per outcome). */
  slowest: Wait | null = null;
  largest: Wait | null = null;
  /** Requests that timed out, and the most outcomes among them. */
  timeouts = 0;
  timedOutOutcomes = 0;

  add(index: number, c: Case, grade: CaseGrade, waitMs: number | null = null): void {
    this.cases++;
    const entry = { index, case: c, grade };
    switch (grade.status) {
      case "pass":
        this.passed++;
        if (grade.asGiven === true) this.indistinct++;
        break;
      case "fail":
        this.failed++;
        if (this.firstFailure === null) this.firstFailure = index;
        if (grade.reading !== null) this.asGiven++;
        break;
      case "skip":
        this.skipped++;
        remember(this.skipReasons, grade.why);
        break;
      case "not-run":
        this.notRun++;
        remember(this.notRunReasons, grade.why);
        break;
      case "rejected":
        this.rejected++;
        break;
      case "accepted":
        this.accepted++;
        break;
      case "faulted":
        this.faulted++;
        break;
    }
    if (grade.error !== null) this.worstError = Math.max(this.worstError ?? grade.error, grade.error);
    if (Number.isFinite(grade.ratio)) this.worstRatio = Math.max(this.worstRatio ?? grade.ratio, grade.ratio);
    if (grade.status === "accepted" || grade.status === "faulted") {
      if (this.worst === null || (this.worst.grade.status === "faulted" && grade.status === "accepted")) this.worst = entry;
    } else if (!Number.isNaN(grade.ratio) && (this.worst === null || isWorse(grade, this.worst.grade))) {
      this.worst = entry;
    }
    const id = classOf(c.args, grade);
    if (id !== null) {
      let stats = this.classes.get(id);
      if (stats === undefined) {
        stats = new ClassStats(id, index);
        this.classes.set(id, stats);
      }
      stats.add(entry);
    }
    this.addAccuracy(entry);
    this.addTiming(entry, waitMs);
  }

  private addAccuracy(entry: Worst): void {
    const accuracy = entry.grade.accuracy;
    if (accuracy === null) return;
    this.compared++;
    if (accuracy.accurate) this.accurate++;
    this.worstRelativeErrorU = Math.max(this.worstRelativeErrorU ?? accuracy.relativeErrorU, accuracy.relativeErrorU);
    const current = this.worstAccuracy?.grade.accuracy;
    if (current === undefined || lessAccurate(accuracy, current as CaseAccuracy)) this.worstAccuracy = entry;
  }

  private addTiming(entry: Worst, waitMs: number | null): void {
    const outcomes = Array.isArray(entry.case.args.p) ? entry.case.args.p.length : 0;
    if (entry.grade.fault === "timeout") {
      this.timeouts++;
      this.timedOutOutcomes = Math.max(this.timedOutOutcomes, outcomes);
      return;
    }
    if (waitMs === null || entry.grade.status === "not-run" || entry.grade.failure === "fault") return;
    const wait = { ms: waitMs, index: entry.index, label: entry.case.label, outcomes };
    if (this.slowest === null || waitMs > this.slowest.ms) this.slowest = wait;
    if (outcomes > 0 && (this.largest === null || isLarger(wait, this.largest))) this.largest = wait;
  }
}

/** The answered case to take a time per outcome from: more outcomes, then (the same) a longer wait. */
function isLarger(a: Wait, b: Wait): boolean {
  if (a.outcomes !== b.outcomes) return a.outcomes > b.outcomes;
  return a.ms > b.ms;
}

function remember(list: string[], reason: string): void {
  if (list.length < MAX_REASONS && !list.includes(reason)) list.push(reason);
}
