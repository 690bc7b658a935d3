/**
 * The float library in the protocol's JS-module form (spec: notes/protocol.md, "A JS/TS module"): one export per
 * op, each taking the protocol `args` object and returning the value; invalid args throw an InputError.
 * This library computes in binary64 only, so arguments written as decimal strings (which stand for exact
 * rationals) are declined with an error whose message starts with `unsupported:`; bonkl then reports the case
 * as skipped rather than failed.
 *
 * Error model: that of the library functions it forwards to (see their files).
 */
import { BonklError, InputError } from "../errors.ts";
import { OP_NAMES } from "../protocol/messages.ts";
import type { OpName } from "../protocol/messages.ts";
import { bonPmf as bonPmfOf } from "./bon-pmf.ts";
import { klBon as klBonOf } from "./kl-bon.ts";
import { klEstimate as klEstimateOf } from "./kl-estimate.ts";
import { klEstimateUpper as klEstimateUpperOf } from "./kl-estimate-upper.ts";
import { klFormula as klFormulaOf } from "./kl-formula.ts";
import { renyi2 as renyi2Of } from "./renyi2.ts";
import type { EpsInput } from "./eps-point.ts";
import "./warm-up.ts"; // type-feedback priming for V8, see warm-up.ts

/** Raised for protocol features this binary64 library does not implement (decimal-string arguments). */
export class UnsupportedError extends BonklError {
  constructor(what: string) {
    super("UNSUPPORTED", `unsupported: ${what}`);
  }
}

function argsObject(args: unknown): Record<string, unknown> {
  if (typeof args !== "object" || args === null || Array.isArray(args)) {
    throw new InputError("args", args, "must be an object");
  }
  return args as Record<string, unknown>;
}

/** Declines decimal strings (exact-number arguments) in a scalar or an array argument. */
function rejectDecimalStrings(args: Record<string, unknown>, fields: readonly string[]): void {
  for (const field of fields) {
    const value = args[field];
    if (typeof value === "string") {
      throw new UnsupportedError(`decimal-string argument ${field} (this subject computes in binary64)`);
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        if (typeof value[i] === "string") {
          throw new UnsupportedError(`decimal-string argument ${field}[${i}] (this subject computes in binary64)`);
        }
      }
    }
  }
}

function distribution(args: unknown): { p: number[]; n: number; r?: number[] } {
  const a = argsObject(args);
  rejectDecimalStrings(a, ["p", "n", "r"]);
  return a as unknown as { p: number[]; n: number; r?: number[] };
}

function estimatorPoint(a: Record<string, unknown>): EpsInput {
  return { eps: a.eps, logEps: a.logEps } as EpsInput;
}

/** The op names this subject implements: all of protocol version 1. */
export function capabilities(_args?: unknown): OpName[] {
  return [...OP_NAMES];
}

/** bonPmf `{p, n, r?}` (protocol DistributionArgs). */
export function bonPmf(args: unknown): number[] {
  const { p, n, r } = distribution(args);
  return bonPmfOf(p, n, r);
}

/** klBon `{p, n, r?}` (protocol DistributionArgs). */
export function klBon(args: unknown): number {
  const { p, n, r } = distribution(args);
  return klBonOf(p, n, r);
}

/** klFormula `{n}` (protocol FormulaArgs). */
export function klFormula(args: unknown): number {
  const a = argsObject(args);
  rejectDecimalStrings(a, ["n"]);
  return klFormulaOf(a.n as number);
}

/** klEstimate `{n, eps}` or `{n, logEps}` (protocol EstimatorArgs). */
export function klEstimate(args: unknown): number {
  const a = argsObject(args);
  rejectDecimalStrings(a, ["n", "eps", "logEps"]);
  return klEstimateOf(a.n as number, estimatorPoint(a));
}

/** klEstimateUpper `{n, eps}` or `{n, logEps}` (protocol EstimatorArgs). */
export function klEstimateUpper(args: unknown): number {
  const a = argsObject(args);
  rejectDecimalStrings(a, ["n", "eps", "logEps"]);
  return klEstimateUpperOf(a.n as number, estimatorPoint(a));
}

/** renyi2 `{p}` (protocol RenyiArgs). */
export function renyi2(args: unknown): number {
  const a = argsObject(args);
  rejectDecimalStrings(a, ["p"]);
  return renyi2Of(a.p as number[]);
}
