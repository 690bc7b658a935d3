/**
 * Grades one answer of a subject against the oracle (spec/conformance.md, "Verdicts"): a numeric answer passes
 * when |answer - exact| <= tolerance, the distance measured to the nearest end of the oracle's enclosure; an
 * `unsupported` answer skips the case; an error answer on a valid input, a non-numeric answer and a protocol
 * fault fail it. In an informational domain (invalid inputs) the answer is only classified.
 */
import type { Enclosure } from "../oracle/index.ts";
import type { Answer } from "../subject/subject.ts";
import type { CaseGrade } from "./case-grade.ts";
import { dyadicDifference, logOfDyadic } from "../numerics/dyadic.ts";
import { distanceToEnclosure } from "./exact-distance.ts";
import { midpoint } from "./level-probabilities.ts";
import { readNumeric } from "./numeric-answer.ts";
import type { OracleCache } from "./oracle-cache.ts";
import { rewardLevels, toDouble } from "./reward-levels.ts";
import { rationalFromString } from "../numerics/rational.ts";
import { bonPmfTolerances, estimatorTolerance, klBonTolerance, klFormulaTolerance, renyi2Tolerance } from "./tolerance.ts";
import type { GradedOp } from "./domains/domain.ts";

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

/** |log eps| for the estimator tolerance: |logEps|, or |log eps| (finite for any exact eps > 0). */
function absLogEps(args: Record<string, unknown>): number {
  if (args.logEps !== undefined) return Math.abs(toDouble(args.logEps));
  const eps = args.eps;
  if (typeof eps === "number") return Math.abs(Math.log(eps));
  const exact = typeof eps === "string" ? rationalFromString(eps) : null;
  if (exact === null || exact.num <= 0n) return Number.NaN;
  return Math.abs(logOfDyadic({ m: exact.num, e: 0 }) - logOfDyadic({ m: exact.den, e: 0 }));
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

function scalarTolerance(op: GradedOp, args: Record<string, unknown>, exact: Enclosure, oracle: OracleCache): number {
  const n = toDouble(args.n);
  switch (op) {
    case "klBon": {
      const p = args.p as unknown[];
      const pi = oracle.get("bonPmf", args) as Enclosure[];
      return klBonTolerance(rewardLevels(p, args.r as unknown[] | undefined), n, pi);
    }
    case "klFormula":
      return klFormulaTolerance(n);
    case "klEstimate":
    case "klEstimateUpper":
      return estimatorTolerance(n, absLogEps(args), midpoint(exact));
    case "renyi2":
      return renyi2Tolerance((args.p as unknown[]).length, midpoint(exact));
    case "bonPmf":
      throw new Error("bonPmf is a vector op");
  }
}

function gradeScalar(op: GradedOp, args: Record<string, unknown>, value: unknown, oracle: OracleCache): Comparison | string {
  let exact = oracle.get(op, args) as Enclosure;
  let tolerance = scalarTolerance(op, args, exact, oracle);
  if (!isSharp(exact, tolerance)) {
    exact = oracle.refine(op, args, tolerance * SHARPNESS) as Enclosure;
    tolerance = scalarTolerance(op, args, exact, oracle);
  }
  return compareScalar(value, exact, tolerance);
}

function gradePmf(args: Record<string, unknown>, value: unknown, oracle: OracleCache): Comparison | string {
  const p = args.p as unknown[];
  if (!Array.isArray(value)) return `non-array answer ${JSON.stringify(value)}`;
  if (value.length !== p.length) return `${value.length} entries for ${p.length} outcomes`;
  const levels = rewardLevels(p, args.r as unknown[] | undefined);
  const n = toDouble(args.n);
  let pi = oracle.get("bonPmf", args) as Enclosure[];
  let tolerances = bonPmfTolerances(levels, n, pi);
  if (pi.some((e, i) => !isSharp(e, tolerances[i] as number))) {
    let tightest = Number.POSITIVE_INFINITY;
    for (const t of tolerances) if (t > 0 && t < tightest) tightest = t;
    pi = oracle.refine("bonPmf", args, tightest * SHARPNESS) as Enclosure[];
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
  const compared = op === "bonPmf" ? gradePmf(args, answer.value, oracle) : gradeScalar(op, args, answer.value, oracle);
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
  const exact = oracle.get(op, args);
  return expectedOf(Array.isArray(exact) ? (exact[entry ?? 0] as Enclosure) : exact);
}
