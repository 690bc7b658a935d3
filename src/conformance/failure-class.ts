/**
 * Failure classes (spec/conformance.md, "Failure classes"): a failing case is put in one class by the shape of its
 * input and the kind of its failure, so that two defects of one (op, domain) pair show up as two classes, each with
 * its own shrunk example that stays in its class while shrinking.
 *
 *   shape of a distribution case (bonPmf, klBon, renyi2), the first that applies:
 *     zero-mass   some p_i = 0
 *     ties        r given, two outcomes of positive mass share a reward
 *     unordered   r given, rewards distinct, not increasing in listing order
 *     in-order    no r (listing order is reward order), or r increasing
 *   shape of an estimator case: eps (eps given) or logEps; of a klFormula case: n.
 *   kind:  value       a number, off by more than the tolerance
 *          non-finite  not a finite number (NaN, Infinity, null), the wrong shape, or an error on a valid input
 *          fault       the subject hung, crashed or exited on the request (not shrunk: each try costs a timeout)
 */
import { toDouble } from "./reward-levels.ts";

export const SHAPES = ["in-order", "unordered", "ties", "zero-mass", "eps", "logEps", "n"] as const;
export type Shape = (typeof SHAPES)[number];
export const FAILURE_KINDS = ["value", "non-finite", "fault"] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

/** Words for the report. */
export const SHAPE_WORDS: Readonly<Record<Shape, string>> = {
  "in-order": "distinct rewards in order",
  unordered: "distinct rewards unordered",
  ties: "tied rewards",
  "zero-mass": "zero masses",
  eps: "eps given",
  logEps: "logEps given",
  n: "n only",
};

export const KIND_WORDS: Readonly<Record<FailureKind, string>> = {
  value: "wrong value",
  "non-finite": "non-finite or error",
  fault: "fault (hang, crash)",
};

/** The shape of a case's args. */
export function shapeOf(args: Record<string, unknown>): Shape {
  const p = args.p;
  if (!Array.isArray(p)) return "eps" in args ? "eps" : "logEps" in args ? "logEps" : "n";
  const masses = p.map(toDouble);
  if (masses.some((x) => x === 0)) return "zero-mass";
  const r = args.r;
  if (!Array.isArray(r)) return "in-order";
  const rewards = r.map(toDouble);
  if (new Set(rewards).size < rewards.length) return "ties";
  const sorted = [...rewards].sort((a, b) => a - b);
  return rewards.every((v, i) => v === sorted[i]) ? "in-order" : "unordered";
}

/** The class id of a failing case: `shape/kind`, e.g. `ties/value`. */
export function classId(shape: Shape, kind: FailureKind): string {
  return `${shape}/${kind}`;
}

/** The class of a failing grade (null when it did not fail: only failures have a failure kind). */
export function classOf(args: Record<string, unknown>, grade: { readonly failure: FailureKind | null }): string | null {
  return grade.failure === null ? null : classId(shapeOf(args), grade.failure);
}

/** "tied rewards, wrong value". */
export function describeClass(id: string): string {
  const [shape, kind] = id.split("/") as [Shape, FailureKind];
  return `${SHAPE_WORDS[shape]}, ${KIND_WORDS[kind]}`;
}

/**
 * The magnitudes of a case that locate a failure: n, and the smallest positive mass (distribution ops) or eps
 * (estimators: eps, or exp(logEps) reported as logEps). Null where the case has none.
 */
export interface Magnitudes {
  readonly n: number | null;
  /** Smallest positive p_i, or eps. */
  readonly small: number | null;
  /** logEps when the case gives it. */
  readonly logEps: number | null;
}

export function magnitudesOf(args: Record<string, unknown>): Magnitudes {
  const n = args.n === undefined ? null : toDouble(args.n);
  let small: number | null = null;
  if (Array.isArray(args.p)) {
    const positive = args.p.map(toDouble).filter((x) => x > 0);
    small = positive.length === 0 ? null : positive.reduce((a, b) => Math.min(a, b));
  } else if (args.eps !== undefined) small = toDouble(args.eps);
  const logEps = args.logEps === undefined ? null : toDouble(args.logEps);
  return { n, small, logEps };
}
