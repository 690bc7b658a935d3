/**
 * The point at which the estimators are evaluated, given as eps in (0, 1] or as logEps = log(eps) <= 0.
 * The estimators need eps, log(eps) and 1 - eps; each is derived from whichever input was given so that it is
 * accurate in the relative sense:
 *   from eps:    logEps = log(eps), or log1p(-delta) when eps >= 1/2   (<= 1 ulp, relative)
 *                delta  = 1 - eps         (exact when eps >= 1/2 by Sterbenz; else <= 1/2 ulp, and delta >= 1/2)
 *   from logEps: eps    = exp(logEps)     (<= 1 ulp while normal; it may underflow to 0 for logEps < -745,
 *                                           which the estimators only use where eps enters as a negligible term)
 *                delta  = -expm1(logEps)  (<= 1 ulp, relative, however close eps is to 1)
 * and log(1 - eps) = log1p(-eps) when eps < 1/2 (relative error <= 2 ulp), else log(delta) (delta accurate).
 */
import { InputError } from "../errors.ts";

/** eps, log eps, 1 - eps and log(1 - eps), each relative-accurate (see the header). */
export interface EpsPoint {
  readonly eps: number;
  readonly logEps: number;
  readonly delta: number;
  /** log(1 - eps); -Infinity when eps = 1. */
  readonly logOneMinusEps: number;
}

/** What the estimators accept: `{ eps }` (in (0, 1]) or `{ logEps }` (natural log, <= 0), exactly one of them. */
export type EpsInput = { eps: number; logEps?: undefined } | { logEps: number; eps?: undefined };

function logOneMinus(eps: number, delta: number): number {
  return eps < 0.5 ? Math.log1p(-eps) : Math.log(delta);
}

/** Validates `{eps}` / `{logEps}` and derives the accurate companions. */
export function readEpsPoint(point: unknown): EpsPoint {
  if (typeof point !== "object" || point === null) {
    throw new InputError("eps", point, "give exactly one of eps and logEps");
  }
  const { eps, logEps } = point as { eps?: unknown; logEps?: unknown };
  if (eps !== undefined && logEps !== undefined) {
    throw new InputError("eps", eps, "give exactly one of eps and logEps, not both");
  }
  if (eps !== undefined) {
    if (typeof eps !== "number" || !(eps > 0 && eps <= 1)) {
      throw new InputError("eps", eps, "must be a number in (0, 1]");
    }
    const delta = 1 - eps;
    const logEps = eps >= 0.5 ? Math.log1p(-delta) : Math.log(eps);
    return { eps, logEps, delta, logOneMinusEps: logOneMinus(eps, delta) };
  }
  if (logEps !== undefined) {
    if (typeof logEps !== "number" || !Number.isFinite(logEps) || logEps > 0) {
      throw new InputError("logEps", logEps, "must be a finite number <= 0");
    }
    const e = Math.exp(logEps);
    const delta = -Math.expm1(logEps);
    return { eps: e, logEps, delta, logOneMinusEps: logOneMinus(e, delta) };
  }
  throw new InputError("eps", undefined, "give exactly one of eps and logEps");
}
