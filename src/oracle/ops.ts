/**
 * Every quantity the oracle certifies, by name: how to validate its arguments and how to evaluate it at a
 * working precision. The protocol's ops (spec/protocol.md) are among them, under their protocol names; the
 * others are the paper's remaining quantities (served by `bonkl serve` too, as extensions).
 */
import { InputError } from "../errors.ts";
import { declaredArguments, describeArguments, oneOf, optional, required, type ArgumentSpec } from "./op-arguments.ts";
import type { Interval } from "../numerics/interval.ts";
import type { Arena } from "../numerics/arena.ts";
import { Distribution } from "./distribution.ts";
import { parseEpsArgument, parseExact, parseN, sumRationals, type ExactValue } from "./input/parse.ts";
import type { Rational } from "../numerics/rational.ts";
import { bonLevelPmf, bonPmf } from "./quantities/bon-policy.ts";
import { klBon, klFormula } from "./quantities/kl.ts";
import { klExample1 } from "./quantities/example1.ts";
import { epsInfinity, epsInfinityMass, renyi, renyi2, type Reading } from "./quantities/renyi.ts";
import { epsFromLog, epsFromMass, epsFromRational, estimators, type EpsPoint } from "./quantities/estimators.ts";
import { estimatorMoments } from "./quantities/estimator-moments.ts";
import { gapBoundCor2, gapBoundCor3, gapBoundThm2, gapBoundThm3, klBoundLemma2, klBoundThm4 } from "./quantities/bounds.ts";
import { klMixture, type MixtureComponent } from "./quantities/mixture.ts";

/** A validated request: evaluates to one interval (scalar) or a vector of intervals. */
export interface Prepared {
  readonly vector: boolean;
  evaluate(arena: Arena): Interval[];
}

export interface OracleOp {
  readonly name: string;
  /** Paper reference shown in docs, e.g. "Eq. (3)". */
  readonly reference: string;
  readonly summary: string;
  /** The arguments it takes (declared once; `args` and what `prepare` sees come from it). */
  readonly signature: readonly ArgumentSpec[];
  /** The arguments as a help line, e.g. "p, n, r?" (generated from the signature). */
  readonly args: string;
  /** Validates the declared arguments (InputError naming the field) and returns the request to evaluate. */
  prepare(args: Record<string, unknown>): Prepared;
}

const P = required("p");
const N = required("n");
const R = optional("r");
const PER = optional("per");
const EPS = required("eps");
const LOG_EPS = required("logEps");

type Args = Record<string, unknown>;

function object(args: unknown, field = "args"): Args {
  if (typeof args !== "object" || args === null || Array.isArray(args)) throw new InputError(field, args, "must be an object");
  return args as Args;
}

function scalar(f: (arena: Arena) => Interval): Prepared {
  return { vector: false, evaluate: (arena) => [f(arena)] };
}

function distributionOf(args: Args): Distribution {
  return Distribution.parse({ p: args.p, r: args.r });
}

function readingOf(args: Args, fallback: Reading): Reading {
  const per = args.per ?? fallback;
  if (per !== "outcome" && per !== "level") throw new InputError("per", per, 'must be "outcome" or "level"');
  return per;
}

/** The e of the bounds: eps / logEps if given, otherwise eps_infinity of {p, r}. */
function epsOf(args: Args): (arena: Arena) => EpsPoint {
  if (args.eps !== undefined || args.logEps !== undefined) {
    const e = parseEpsArgument(args);
    return e.kind === "eps" ? (arena) => epsFromRational(arena, e.value) : (arena) => epsFromLog(arena, e.value);
  }
  if (args.p === undefined) throw new InputError("eps", undefined, "give eps, logEps, or a distribution p (its eps_infinity is used)");
  const dist = distributionOf(args);
  const per = readingOf(args, "level");
  const mass = epsInfinityMass(dist, per);
  return (arena) => epsFromMass(arena, mass, dist.total);
}

function parseAlpha(value: unknown): number {
  if (value === undefined) return 2;
  if (value === "inf" || value === "Infinity") return Number.POSITIVE_INFINITY;
  if (typeof value !== "number" || !(value > 0) || !Number.isFinite(value)) throw new InputError("alpha", value, 'must be a positive number or "inf"');
  return value;
}

function mixtureOf(args: Args): { components: MixtureComponent[]; total: Rational } {
  const list = args.components;
  if (!Array.isArray(list) || list.length === 0) throw new InputError("components", list, "must be a non-empty array of {weight, p, r?}");
  const components = list.map((c, j) => {
    const o = object(c, `components[${j}]`);
    const weight = parseExact(o.weight, `components[${j}].weight`);
    if (weight.num < 0n) throw new InputError(`components[${j}].weight`, o.weight, "must be non-negative");
    return { weight, distribution: Distribution.parse({ p: o.p, r: o.r }, `components[${j}].`) };
  });
  const total = sumRationals(components.map((c) => c.weight as ExactValue));
  if (total.num === 0n) throw new InputError("components", list, "weights must not all be 0");
  return { components, total };
}

const definitions: Omit<OracleOp, "args">[] = [
  {
    name: "bonPmf",
    reference: "Lemma 1, Eq. (7)",
    summary: "pi_n for each outcome, in input order",
    signature: [P, N, R],
    prepare(args) {
      const dist = distributionOf(args);
      const n = parseN(args.n);
      return { vector: true, evaluate: (arena) => bonPmf(arena, dist, n) };
    },
  },
  {
    name: "bonLevelPmf",
    reference: "Lemma 1, Eq. (13)",
    summary: "pi_n per reward level, in increasing reward order",
    signature: [P, N, R],
    prepare(args) {
      const dist = distributionOf(args);
      const n = parseN(args.n);
      return { vector: true, evaluate: (arena) => bonLevelPmf(arena, dist, n) };
    },
  },
  {
    name: "klBon",
    reference: "Eq. (3)",
    summary: "KL(pi_n || p) in nats",
    signature: [P, N, R],
    prepare(args) {
      const dist = distributionOf(args);
      const n = parseN(args.n);
      return scalar((arena) => klBon(arena, dist, n));
    },
  },
  {
    name: "klFormula",
    reference: "Eq. (5)",
    summary: "log n - (n-1)/n",
    signature: [N],
    prepare(args) {
      const n = parseN(args.n);
      return scalar((arena) => klFormula(arena, n));
    },
  },
  {
    name: "klExample1",
    reference: "Example 1, Eq. (6)",
    summary: "log 2 - h(2^-n)",
    signature: [N],
    prepare(args) {
      const n = parseN(args.n);
      return scalar((arena) => klExample1(arena, n));
    },
  },
  {
    name: "klEstimate",
    reference: "Eq. (28)",
    summary: "KLhat(eps)",
    signature: [N, oneOf([EPS], [LOG_EPS])],
    prepare(args) {
      const n = parseN(args.n);
      const eps = epsOf({ eps: args.eps, logEps: args.logEps, p: undefined });
      return scalar((arena) => estimators(arena, n, eps(arena)).estimate);
    },
  },
  {
    name: "klEstimateUpper",
    reference: "Eq. (26)",
    summary: "KLhat_1(eps)",
    signature: [N, oneOf([EPS], [LOG_EPS])],
    prepare(args) {
      const n = parseN(args.n);
      const eps = epsOf({ eps: args.eps, logEps: args.logEps, p: undefined });
      return scalar((arena) => estimators(arena, n, eps(arena)).upper);
    },
  },
  {
    name: "renyi2",
    reference: "Eq. (18), alpha = 2",
    summary: "Renyi entropy of order 2 in nats",
    signature: [P, R, PER],
    prepare(args) {
      const dist = distributionOf({ p: args.p, r: args.r });
      const per = readingOf(args, "outcome");
      return scalar((arena) => renyi2(arena, dist, per));
    },
  },
  {
    name: "renyi",
    reference: "Eq. (18)",
    summary: "Renyi entropy of order alpha (1: Shannon, \"inf\": min-entropy)",
    signature: [P, optional("alpha"), R, PER],
    prepare(args) {
      const dist = distributionOf({ p: args.p, r: args.r });
      const alpha = parseAlpha(args.alpha);
      const per = readingOf(args, "outcome");
      return scalar((arena) => renyi(arena, dist, alpha, per));
    },
  },
  {
    name: "epsInfinity",
    reference: "Eq. (20)",
    summary: "mass of the highest-reward level with positive mass",
    signature: [P, R, PER],
    prepare(args) {
      const dist = distributionOf(args);
      const per = readingOf(args, "level");
      return scalar((arena) => epsInfinity(arena, dist, per));
    },
  },
  {
    name: "gapBoundThm2",
    reference: "Theorem 2, Eq. (17)",
    summary: "2n(n-1) e^{-H_2(p)}",
    signature: [P, N, R, PER],
    prepare(args) {
      const dist = distributionOf(args);
      const n = parseN(args.n);
      const per = readingOf(args, "outcome");
      return scalar((arena) => gapBoundThm2(arena, dist, n, per));
    },
  },
  {
    name: "gapBoundCor2",
    reference: "Corollary 2, Eq. (19)",
    summary: "2n(n-1) max p",
    signature: [P, N, R, PER],
    prepare(args) {
      const dist = distributionOf(args);
      const n = parseN(args.n);
      const per = readingOf(args, "outcome");
      return scalar((arena) => gapBoundCor2(arena, dist, n, per));
    },
  },
  {
    name: "gapBoundThm3",
    reference: "Theorem 3, Eq. (21)",
    summary: "lower bound on the gap at eps_infinity",
    signature: [N, oneOf([EPS], [LOG_EPS], [P, R, PER])],
    prepare(args) {
      const n = parseN(args.n);
      const eps = epsOf(args);
      return scalar((arena) => gapBoundThm3(arena, n, eps(arena)));
    },
  },
  {
    name: "gapBoundCor3",
    reference: "Corollary 3, Eq. (22)",
    summary: "(1 - e^{-n eps}) log(n eps) - 1",
    signature: [N, oneOf([EPS], [LOG_EPS], [P, R, PER])],
    prepare(args) {
      const n = parseN(args.n);
      const eps = epsOf(args);
      return scalar((arena) => gapBoundCor3(arena, n, eps(arena)));
    },
  },
  {
    name: "klBoundThm4",
    reference: "Theorem 4, Eq. (27)",
    summary: "upper bound on KL at eps_infinity",
    signature: [N, oneOf([EPS], [LOG_EPS], [P, R, PER])],
    prepare(args) {
      const n = parseN(args.n);
      const eps = epsOf(args);
      return scalar((arena) => klBoundThm4(arena, n, eps(arena)));
    },
  },
  {
    name: "klBoundLemma2",
    reference: "Lemma 2, Eq. (23)",
    summary: "E[KLhat_1(eps_n)] under pi_n",
    signature: [P, N, R],
    prepare(args) {
      const dist = distributionOf(args);
      const n = parseN(args.n);
      return scalar((arena) => klBoundLemma2(arena, dist, n));
    },
  },
  ...(["klEstimateMean", "klEstimateVariance", "klEstimateUpperMean", "klEstimateUpperVariance"] as const).map(
    (name): Omit<OracleOp, "args"> => ({
      name,
      reference: name.startsWith("klEstimateUpper") ? "Eq. (26) under pi_n" : "Eq. (28) under pi_n",
      summary: `${name.endsWith("Mean") ? "expectation" : "variance"} of ${name.startsWith("klEstimateUpper") ? "KLhat_1" : "KLhat"}(eps_n), eps_n = p(y), y ~ pi_n`,
    signature: [P, N, R],
      prepare(args) {
        const dist = distributionOf(args);
        const n = parseN(args.n);
        return scalar((arena) => {
          const m = estimatorMoments(arena, dist, n);
          return { klEstimateMean: m.estimateMean, klEstimateVariance: m.estimateVariance, klEstimateUpperMean: m.upperMean, klEstimateUpperVariance: m.upperVariance }[name];
        });
      },
    }),
  ),
  {
    name: "klMixture",
    reference: "Corollary 1, Eq. (16)",
    summary: "KL over a mixture of prompts",
    signature: [required("components", "[{weight, p, r?}]"), N],
    prepare(args) {
      const { components, total } = mixtureOf(args);
      const n = parseN(args.n);
      return scalar((arena) => klMixture(arena, components, total, n));
    },
  },
];

/** Every oracle op by name. */
export const oracleOps: ReadonlyMap<string, OracleOp> = new Map(
  definitions.map((d) => [d.name, { ...d, args: describeArguments(d.signature), prepare: (args) => d.prepare(declaredArguments(args, d.signature)) }]),
);

/** Validates args for op `name` (InputError on bad input; Error "unsupported op" on an unknown name). */
export function prepare(name: string, args: unknown): Prepared {
  const op = oracleOps.get(name);
  if (op === undefined) throw new UnknownOpError(name);
  return op.prepare(object(args));
}

export class UnknownOpError extends Error {
  constructor(readonly op: string) {
    super(`unsupported op ${JSON.stringify(op)}`);
  }
}
