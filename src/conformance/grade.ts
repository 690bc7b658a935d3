/**
 * Grading one answer of a subject against the oracle (spec/conformance.md, "Verdicts"): a numeric answer passes
 * when it lies within the tolerance of the oracle's enclosure (decided exactly, exact-distance.ts), and is
 * *accurate* when it lies within the bound a careful implementation achieves (accuracy-bound.ts; `--strict` makes
 * that the pass criterion). An `unsupported` answer skips the case; a request the subject never ran (it was stopped,
 * or could not start) is not run; an error answer on a valid input, a non-numeric answer and a protocol fault fail
 * it. A failing answer that matches the unnormalised reading (p as given, not p / sum(p)) says so. In the invalid
 * domain the answer is only classified. The case's args are read once (case.ts) and shared with the oracle cache.
 */
import type { Enclosure } from "../oracle/index.ts";
import type { Answer, FaultKind } from "../subject/subject.ts";
import { dyadicDifference } from "../numerics/dyadic.ts";
import { bonPmfAccuracyBounds, relativeErrorInU } from "./accuracy-bound.ts";
import { asGivenWords, matchesAsGiven } from "./as-given.ts";
import { scalarAccuracyBound, scalarTolerance, type ScalarOp } from "./case-bounds.ts";
import { distanceToEnclosure, isWithin } from "./exact-distance.ts";
import { describeFault, faultOutcome } from "./fault-evidence.ts";
import type { FailureKind } from "./failure-class.ts";
import { midpoint } from "./level-probabilities.ts";
import { previewJson } from "./json-preview.ts";
import { readNumeric, type NumericAnswer } from "./numeric-answer.ts";
import type { OracleCache } from "./oracle-cache.ts";
import { bonPmfTolerances } from "./tolerance.ts";
import type { DomainKind, GradedOp } from "./domains/domain.ts";
import { parsedCase, type ParsedCase } from "./case.ts";

/** The verdict on one case. */
export type CaseStatus =
  /** Numeric answer within tolerance (and, with --strict, within the accurate bound). */
  | "pass"
  /** Wrong value, non-numeric value, error answer on a valid input, or a protocol fault. */
  | "fail"
  /** The subject answered `unsupported` (for the op or an argument). */
  | "skip"
  /** The subject never ran the request: it had been stopped (restart limit...) or could not start. */
  | "not-run"
  /** Invalid domain: the subject answered an error (expected). */
  | "rejected"
  /** Invalid domain: the subject answered a number. */
  | "accepted"
  /** Invalid domain: the subject broke the protocol on this request. */
  | "faulted";

/** How close a numeric answer came to the accurate bound (the worst entry for bonPmf). */
export interface CaseAccuracy {
  /** The accuracy bound of the entry with the largest error / bound. */
  bound: number;
  /** error / bound of that entry (Infinity when the bound is 0 and the error is not). */
  ratio: number;
  /** Every entry within its accuracy bound (decided exactly). */
  accurate: boolean;
  /** The largest relative error over the entries, in units of u (accuracy-bound.ts, relativeErrorInU). */
  relativeErrorU: number;
}

export interface CaseGrade {
  status: CaseStatus;
  /** For a failing case: wrong value, non-finite or error answer, or a fault (hang, crash); null otherwise. */
  failure: FailureKind | null;
  /** One line: why it failed, was skipped..., or "within tolerance". */
  why: string;
  /** |answer - exact| measured to the nearest end of the enclosure (the worst entry for bonPmf); null if not numeric. */
  error: number | null;
  tolerance: number | null;
  /** error / tolerance; Infinity for failures that have no finite ratio; NaN when no number was compared. */
  ratio: number;
  /** bonPmf: the outcome index of the worst entry. */
  entry: number | null;
  /** The subject's value (the worst entry for bonPmf) or error message. */
  answer: unknown;
  /** The oracle's enclosure of the exact value (of the worst entry), as decimal strings rounded outward. */
  expected: [string, string] | null;
  /** The request id (SubjectLog faults refer to it). */
  requestId: number;
  /** The protocol fault the subject runner reported for this request, if any. */
  fault: FaultKind | null;
  /** Accuracy of a numeric answer; null when no number was compared. */
  accuracy: CaseAccuracy | null;
  /**
   * Whether the answer is within tolerance of the unnormalised reading (p as given, not p / sum(p)); null when not
   * looked at (it is for failing answers, and for every answer in the normalisation domain) or sum(p) is exactly 1.
   */
  asGiven: boolean | null;
  /** In words, when a failing answer matches p as given and not p / sum(p); null otherwise. */
  reading: string | null;
}

/** An enclosure counts as sharp when its width is below bound / 2^20. */
const SHARPNESS = 2 ** -20;

function base(answer: Answer): Omit<CaseGrade, "status" | "why" | "answer"> {
  return { requestId: answer.id, fault: answer.kind === "fault" ? answer.fault : null, failure: null, error: null, tolerance: null, ratio: Number.NaN, entry: null, expected: null, accuracy: null, asGiven: null, reading: null };
}

function expectedOf(e: Enclosure): [string, string] {
  return e.bounds(17);
}

/** The tighter of a tolerance and an accuracy bound (a bound of 0, an exact value, sets no sharpness target). */
export function tighter(tolerance: number, bound: number): number {
  return bound > 0 ? Math.min(tolerance, bound) : tolerance;
}

/** Sharp: narrower than bound / 2^20 (spec/conformance.md: refined when not narrower). */
export function isSharp(e: Enclosure, bound: number): boolean {
  return dyadicDifference(e.hi, e.lo) < bound * SHARPNESS;
}

/** error / bound: 0 for no error, Infinity for an error against a bound of 0. */
export function ratioOf(error: number, bound: number): number {
  return error === 0 ? 0 : error / bound;
}

/** One entry compared: within tolerance, within the accurate bound, error, ratios. */
export interface EntryComparison {
  error: number;
  tolerance: number;
  ratio: number;
  within: boolean;
  bound: number;
  boundRatio: number;
  accurate: boolean;
  relativeErrorU: number;
}

function compareEntry(numeric: NumericAnswer, exact: Enclosure, tolerance: number, bound: number): EntryComparison {
  const error = distanceToEnclosure(numeric, exact);
  return {
    error,
    tolerance,
    ratio: ratioOf(error, tolerance),
    within: isWithin(numeric, exact, tolerance),
    bound,
    boundRatio: ratioOf(error, bound),
    accurate: isWithin(numeric, exact, bound),
    relativeErrorU: relativeErrorInU(error, midpoint(exact)),
  };
}

/** a decides the case's status before b: a failing entry before a passing one, then error / tolerance, then error. */
export function decidesBefore(a: EntryComparison, b: EntryComparison): boolean {
  if (a.within !== b.within) return b.within;
  if (a.ratio !== b.ratio) return a.ratio > b.ratio;
  return a.error > b.error;
}

/** a is further from accurate than b: an inaccurate entry before an accurate one, then error / accuracy bound. */
export function lessAccurate(a: EntryComparison, b: EntryComparison): boolean {
  if (a.accurate !== b.accurate) return b.accurate;
  return a.boundRatio > b.boundRatio;
}

/** The index of the first item no later item is `before` (0 for one item). */
export function firstOf<T>(items: readonly T[], before: (a: T, b: T) => boolean): number {
  return items.reduce((best, item, i) => (before(item, items[best] as T) ? i : best), 0);
}

/** A compared answer: the entry deciding the status (worst error / tolerance) and the accuracy over all entries. */
interface Comparison {
  worst: EntryComparison;
  entry: number | null;
  answer: unknown;
  enclosure: Enclosure;
  accuracy: CaseAccuracy;
  /** Every entry within tolerance. */
  within: boolean;
}

function gradeScalar(op: ScalarOp, c: ParsedCase, value: unknown, oracle: OracleCache): Comparison | string {
  const numeric = readNumeric(value);
  if (numeric === null) return `non-numeric answer ${previewJson(value)}`;
  let exact = oracle.get(op, c) as Enclosure;
  let tolerance = scalarTolerance(op, c, exact, oracle);
  let bound = scalarAccuracyBound(op, c, exact, oracle);
  if (!isSharp(exact, tighter(tolerance, bound))) {
    exact = oracle.refine(op, c, tighter(tolerance, bound) * SHARPNESS) as Enclosure;
    tolerance = scalarTolerance(op, c, exact, oracle);
    bound = scalarAccuracyBound(op, c, exact, oracle);
  }
  const worst = compareEntry(numeric, exact, tolerance, bound);
  const accuracy = { bound, ratio: worst.boundRatio, accurate: worst.accurate, relativeErrorU: worst.relativeErrorU };
  return { worst, entry: null, answer: value, enclosure: exact, accuracy, within: worst.within };
}

function gradePmf(c: ParsedCase, value: unknown, oracle: OracleCache): Comparison | string {
  const p = c.args.p as unknown[];
  if (!Array.isArray(value)) return `non-array answer ${previewJson(value)}`;
  if (value.length !== p.length) return `${value.length} entries for ${p.length} outcomes`;
  const numbers = value.map(readNumeric);
  const bad = numbers.indexOf(null);
  if (bad >= 0) return `non-numeric entry ${bad}: ${previewJson(value[bad])}`;
  const levels = c.levels;
  const n = c.n;
  let pi = oracle.get("bonPmf", c) as Enclosure[];
  let tolerances = bonPmfTolerances(levels, n, pi);
  let bounds = bonPmfAccuracyBounds(levels, n, pi);
  const targets = () => tolerances.map((t, i) => tighter(t, bounds[i] as number));
  if (!targets().every((t, i) => isSharp(pi[i] as Enclosure, t))) {
    const tightest = targets().reduce((least, t) => (t > 0 ? Math.min(least, t) : least), Number.POSITIVE_INFINITY);
    pi = oracle.refine("bonPmf", c, tightest * SHARPNESS) as Enclosure[];
    tolerances = bonPmfTolerances(levels, n, pi);
    bounds = bonPmfAccuracyBounds(levels, n, pi);
  }
  const comparisons = numbers.map((x, i) => compareEntry(x as NumericAnswer, pi[i] as Enclosure, tolerances[i] as number, bounds[i] as number));
  const entry = firstOf(comparisons, decidesBefore);
  const leastAccurate = comparisons[firstOf(comparisons, lessAccurate)] as EntryComparison;
  const accuracy = {
    bound: leastAccurate.bound,
    ratio: leastAccurate.boundRatio,
    accurate: comparisons.every((x) => x.accurate),
    relativeErrorU: comparisons.reduce((worst, x) => Math.max(worst, x.relativeErrorU), 0),
  };
  const within = comparisons.every((x) => x.within);
  return { worst: comparisons[entry] as EntryComparison, entry, answer: value[entry], enclosure: pi[entry] as Enclosure, accuracy, within };
}

export interface GradeOptions {
  /** The domain's kind: graded, invalid inputs (classified only) or normalisation (graded, reported as INFO). */
  readonly kind: DomainKind;
  /** --strict: the accurate bound is the pass criterion. */
  readonly strict?: boolean;
  /** How many requests the fault that hit request `id` hit in all (from the subject's log); 1 when unknown. */
  readonly faultSharedBy?: (id: number) => number;
}

/** Grades `answer` to op(args). The oracle is consulted only for numeric answers outside the invalid domain. */
export function gradeCase(op: GradedOp, args: Record<string, unknown>, answer: Answer, options: GradeOptions, oracle: OracleCache): CaseGrade {
  const common = base(answer);
  const invalid = options.kind === "invalid";
  if (answer.kind === "unsupported") return { ...common, status: "skip", why: answer.message, answer: answer.message };
  if (answer.kind === "fault") {
    const outcome = faultOutcome(answer.fault);
    if (outcome === "not-run") return { ...common, status: "not-run", why: answer.detail, answer: null };
    const why = describeFault(answer.fault, answer.detail, options.faultSharedBy?.(answer.id) ?? 1);
    if (invalid) return { ...common, status: "faulted", why, answer: null };
    return { ...common, status: "fail", failure: outcome, why, answer: null, ratio: Number.POSITIVE_INFINITY };
  }
  if (answer.kind === "error") {
    if (invalid) return { ...common, status: "rejected", why: `error: ${answer.message}`, answer: answer.message };
    return { ...common, status: "fail", failure: "non-finite", why: `answered an error on a valid input: ${answer.message}`, answer: answer.message, ratio: Number.POSITIVE_INFINITY };
  }
  if (invalid) return { ...common, status: "accepted", why: "answered a value for an invalid input", answer: answer.value };
  const c = parsedCase(args);
  const compared = op === "bonPmf" ? gradePmf(c, answer.value, oracle) : gradeScalar(op, c, answer.value, oracle);
  if (typeof compared === "string") return { ...common, status: "fail", failure: "non-finite", why: compared, answer: answer.value, ratio: Number.POSITIVE_INFINITY };
  const { worst, entry } = compared;
  const passed = compared.within && (options.strict !== true || compared.accuracy.accurate);
  const where = entry === null ? "" : ` (entry ${entry})`;
  let why = "within tolerance";
  if (!compared.within) why = `off by ${worst.error.toPrecision(3)}, tolerance ${worst.tolerance.toPrecision(3)}${where}`;
  else if (!passed) why = `within tolerance, but beyond the accurate bound (--strict): ${compared.accuracy.ratio.toPrecision(3)} x the bound ${compared.accuracy.bound.toPrecision(3)}`;
  const asGiven = passed && options.kind !== "normalisation" ? null : matchesAsGiven(op, c, answer.value, oracle);
  const reading = !passed && asGiven === true ? asGivenWords(c) : null;
  return {
    ...common,
    status: passed ? "pass" : "fail",
    failure: passed ? null : "value",
    why: reading === null ? why : `${why}; ${reading}`,
    error: worst.error,
    tolerance: worst.tolerance,
    ratio: worst.ratio,
    entry,
    answer: compared.answer,
    expected: passed ? null : expectedOf(compared.enclosure),
    accuracy: compared.accuracy,
    asGiven,
    reading,
  };
}

/** The enclosure of the exact value as decimal strings (for reports of passing worst cases too). */
export function describeExpected(op: GradedOp, args: Record<string, unknown>, entry: number | null, oracle: OracleCache): [string, string] {
  const exact = oracle.get(op, parsedCase(args));
  return expectedOf(Array.isArray(exact) ? (exact[entry ?? 0] as Enclosure) : exact);
}
