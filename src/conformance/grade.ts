/**
 * Grading one answer of a subject against the oracle (spec/conformance.md, "Verdicts"): a numeric answer passes
 * when |answer - exact| <= tolerance, the distance measured to the nearest end of the oracle's enclosure; an
 * `unsupported` answer skips the case; an error answer on a valid input, a non-numeric answer and a protocol
 * fault fail it. In an informational domain (invalid inputs) the answer is only classified. The case's args are
 * read once (case.ts, ParsedCase) and shared by the tolerance model and the oracle cache.
 */
import type { Enclosure } from "../oracle/index.ts";
import type { Answer } from "../subject/subject.ts";
import { dyadicDifference } from "../numerics/dyadic.ts";
import { distanceToEnclosure } from "./exact-distance.ts";
import { midpoint } from "./level-probabilities.ts";
import { readNumeric } from "./numeric-answer.ts";
import type { OracleCache } from "./oracle-cache.ts";
import { bonPmfTolerances, estimatorTolerance, klBonTolerance, klFormulaTolerance, renyi2Tolerance } from "./tolerance.ts";
import type { GradedOp } from "./domains/domain.ts";
import { parsedCase, type ParsedCase } from "./case.ts";

/** The verdict on one case: what the subject answered, how far from the exact value, against which tolerance. */
export type CaseStatus =
  /** Numeric answer within tolerance. */
  | "pass"
  /** Wrong value, non-numeric value, error answer on a valid input, or a protocol fault. */
  | "fail"
  /** The subject answered `unsupported` (for the op or an argument). */
  | "skip"
  /** Invalid domain: the subject answered an error (expected). */
  | "rejected"
  /** Invalid domain: the subject answered a number. */
  | "accepted"
  /** Invalid domain: the subject broke the protocol on this request. */
  | "faulted";

export interface CaseGrade {
  status: CaseStatus;
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
  /**
   * Failed because the subject hung, died or stopped (a timeout, a crash...): such cases are not shrunk. Faults in
   * the content of one answer (NaN, a line that is not JSON) fail the case like a wrong value and are shrunk.
   */
  fault: boolean;
}

/**
 * Faults about one answer's content (a NaN, a line that is not JSON...): deterministic and cheap, so such cases
 * are shrunk like wrong values. The other faults (timeouts, crashes...) are not.
 */
const ANSWER_FAULTS: ReadonlySet<string> = new Set(["invalid-json", "invalid-response", "line-too-long"]);

/** An enclosure counts as sharp when its width is below tolerance / 2^20. */
const SHARPNESS = 2 ** -20;

function base(answer: Answer): Pick<CaseGrade, "requestId" | "error" | "tolerance" | "ratio" | "entry" | "expected" | "fault"> {
  return { requestId: answer.id, error: null, tolerance: null, ratio: Number.NaN, entry: null, expected: null, fault: false };
}

function expectedOf(e: Enclosure): [string, string] {
  return e.bounds(17);
}

function isSharp(e: Enclosure, tolerance: number): boolean {
  return dyadicDifference(e.hi, e.lo) <= tolerance * SHARPNESS;
}

interface Comparison {
  error: number;
  tolerance: number;
  ratio: number;
  entry: number | null;
  answer: unknown;
  enclosure: Enclosure;
}

function compareScalar(value: unknown, exact: Enclosure, tolerance: number): Comparison | string {
  const numeric = readNumeric(value);
  if (numeric === null) return `non-numeric answer ${JSON.stringify(value)}`;
  const error = distanceToEnclosure(numeric, exact);
  return { error, tolerance, ratio: ratioOf(error, tolerance), entry: null, answer: value, enclosure: exact };
}

function ratioOf(error: number, tolerance: number): number {
  if (error === 0) return 0;
  return tolerance > 0 ? error / tolerance : Number.POSITIVE_INFINITY;
}

function scalarTolerance(op: GradedOp, c: ParsedCase, exact: Enclosure, oracle: OracleCache): number {
  switch (op) {
    case "klBon":
      return klBonTolerance(c.levels, c.n, oracle.get("bonPmf", c) as Enclosure[]);
    case "klFormula":
      return klFormulaTolerance(c.n);
    case "klEstimate":
    case "klEstimateUpper":
      return estimatorTolerance(c.n, c.absLogEps, midpoint(exact));
    case "renyi2":
      return renyi2Tolerance((c.args.p as unknown[]).length, midpoint(exact));
    case "bonPmf":
      throw new Error("bonPmf is a vector op");
  }
}

function gradeScalar(op: GradedOp, c: ParsedCase, value: unknown, oracle: OracleCache): Comparison | string {
  let exact = oracle.get(op, c) as Enclosure;
  let tolerance = scalarTolerance(op, c, exact, oracle);
  if (!isSharp(exact, tolerance)) {
    exact = oracle.refine(op, c, tolerance * SHARPNESS) as Enclosure;
    tolerance = scalarTolerance(op, c, exact, oracle);
  }
  return compareScalar(value, exact, tolerance);
}

function gradePmf(c: ParsedCase, value: unknown, oracle: OracleCache): Comparison | string {
  const p = c.args.p as unknown[];
  if (!Array.isArray(value)) return `non-array answer ${JSON.stringify(value)}`;
  if (value.length !== p.length) return `${value.length} entries for ${p.length} outcomes`;
  const levels = c.levels;
  const n = c.n;
  let pi = oracle.get("bonPmf", c) as Enclosure[];
  let tolerances = bonPmfTolerances(levels, n, pi);
  if (pi.some((e, i) => !isSharp(e, tolerances[i] as number))) {
    let tightest = Number.POSITIVE_INFINITY;
    for (const t of tolerances) if (t > 0 && t < tightest) tightest = t;
    pi = oracle.refine("bonPmf", c, tightest * SHARPNESS) as Enclosure[];
    tolerances = bonPmfTolerances(levels, n, pi);
  }
  let worst: Comparison | null = null;
  for (let i = 0; i < p.length; i++) {
    const numeric = readNumeric(value[i]);
    if (numeric === null) return `non-numeric entry ${i}: ${JSON.stringify(value[i])}`;
    const tolerance = tolerances[i] as number;
    const error = distanceToEnclosure(numeric, pi[i] as Enclosure);
    const ratio = ratioOf(error, tolerance);
    if (worst === null || ratio > worst.ratio || (ratio === worst.ratio && error > worst.error)) {
      worst = { error, tolerance, ratio, entry: i, answer: value[i], enclosure: pi[i] as Enclosure };
    }
  }
  return worst ?? `empty answer`;
}

/** Grades `answer` to op(args). The oracle is consulted only for numeric answers in graded domains. */
export function gradeCase(op: GradedOp, args: Record<string, unknown>, answer: Answer, informational: boolean, oracle: OracleCache): CaseGrade {
  const common = base(answer);
  if (answer.kind === "unsupported") return { ...common, status: "skip", why: answer.message, answer: answer.message };
  if (answer.kind === "fault") {
    const why = `fault ${answer.fault}: ${answer.detail}`;
    return { ...common, status: informational ? "faulted" : "fail", why, answer: null, ratio: Number.POSITIVE_INFINITY, fault: !ANSWER_FAULTS.has(answer.fault) };
  }
  if (answer.kind === "error") {
    if (informational) return { ...common, status: "rejected", why: `error: ${answer.message}`, answer: answer.message };
    return { ...common, status: "fail", why: `answered an error on a valid input: ${answer.message}`, answer: answer.message, ratio: Number.POSITIVE_INFINITY };
  }
  if (informational) return { ...common, status: "accepted", why: "answered a value for an invalid input", answer: answer.value };
  const c = parsedCase(args);
  const compared = op === "bonPmf" ? gradePmf(c, answer.value, oracle) : gradeScalar(op, c, answer.value, oracle);
  if (typeof compared === "string") return { ...common, status: "fail", why: compared, answer: answer.value, ratio: Number.POSITIVE_INFINITY };
  const passed = compared.error <= compared.tolerance;
  const where = compared.entry === null ? "" : ` (entry ${compared.entry})`;
  return {
    ...common,
    status: passed ? "pass" : "fail",
    why: passed ? "within tolerance" : `off by ${compared.error.toPrecision(3)}, tolerance ${compared.tolerance.toPrecision(3)}${where}`,
    error: compared.error,
    tolerance: compared.tolerance,
    ratio: compared.ratio,
    entry: compared.entry,
    answer: compared.answer,
    expected: passed ? null : expectedOf(compared.enclosure),
  };
}

/** The enclosure of the exact value as decimal strings (for reports of passing worst cases too). */
export function describeExpected(op: GradedOp, args: Record<string, unknown>, entry: number | null, oracle: OracleCache): [string, string] {
  const exact = oracle.get(op, parsedCase(args));
  return expectedOf(Array.isArray(exact) ? (exact[entry ?? 0] as Enclosure) : exact);
}
