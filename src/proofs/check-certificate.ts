/**
 * The checker: re-evaluates every box of a certificate from scratch with its region's method, confirms each
 * stored lower bound is not above the recomputed one, checks the exact n = 1 identities, and checks that the
 * boxes cover the domain. It uses the certificate's numbers only as the boxes to check.
 */
import { formatBoxNumber, parseScientific, type BoxNumber } from "./box-number.ts";
import { describeBox, type Box, type BoxVerdict } from "./box.ts";
import type { Certificate, Region, Strip } from "./certificate.ts";
import { coverageProblems, stripShapeProblems } from "./coverage.ts";
import { decimalString, Interval, mpfr, RNDD, withArena, type Arena } from "./intervals.ts";
import { nEqualsOneIdentities } from "./n-equals-one.ts";
import { theoremById, type RegionMethod, type Theorem } from "./theorems.ts";

export interface RegionReport {
  readonly method: RegionMethod;
  readonly path: string;
  readonly strips: number;
  readonly boxes: number;
  /** The smallest recomputed lower bound (3 digits, rounded down), when any box was evaluated. */
  readonly minLower?: string;
  /** The y range the region's strips span, as written. */
  readonly yRange?: [string, string];
  readonly failures: readonly string[];
}

export interface CheckReport {
  readonly theorem: string;
  readonly ok: boolean;
  readonly precision: number;
  readonly boxes: number;
  readonly regions: readonly RegionReport[];
  readonly coverage: readonly string[];
  readonly seconds: number;
}

/** At most this many failures are listed per region (the count is always exact). */
const LISTED_FAILURES = 20;

/** Rounds an enclosure's lower end down to 3 significant digits: the form stored in certificates. */
export function lowerText(lower: Interval): string {
  return decimalString(lower.lo, 3, RNDD);
}

/** True when the stored decimal is <= the recomputed lower end (exactly). */
function storedNotAbove(arena: Arena, stored: string, lower: Interval): boolean {
  const { num, den } = parseScientific(stored);
  return mpfr.mpfr_lessequal_p(Interval.fromRational(arena, num, den).hi, lower.lo) !== 0;
}

function checkStrip(theorem: Theorem, method: Exclude<RegionMethod, "exact-n1">, strip: Strip, precision: number, failures: string[], lowers: string[]): number {
  const check = theorem.checks[method];
  let boxes = 0;
  for (let i = 0; i + 1 < strip.v.length; i++) {
    const box: Box = { y0: strip.y0, y1: strip.y1, v0: strip.v[i] as BoxNumber, v1: strip.v[i + 1] as BoxNumber };
    boxes++;
    withArena(precision, (arena) => {
      let verdict: BoxVerdict;
      try {
        verdict = check(arena, box);
      } catch (error) {
        verdict = { ok: false, reason: `evaluation failed: ${error instanceof Error ? error.message : String(error)}` };
      }
      const where = `${strip.path} box ${i} (${describeBox(box)})`;
      if (verdict.lower !== undefined) lowers.push(lowerText(verdict.lower));
      if (!verdict.ok) failures.push(`${where}: ${verdict.reason ?? "not proved"}`);
      else if (verdict.lower !== undefined && !storedNotAbove(arena, strip.lower[i] as string, verdict.lower))
        failures.push(`${where}: stored lower bound ${strip.lower[i]} is above the recomputed ${lowerText(verdict.lower)}`);
    });
  }
  return boxes;
}

function smallest(values: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestValue = Number.POSITIVE_INFINITY;
  for (const text of values) {
    const value = Number(text);
    if (value < bestValue) {
      bestValue = value;
      best = text;
    }
  }
  return best;
}

function checkRegion(theorem: Theorem, region: Region, precision: number): RegionReport {
  const failures: string[] = [];
  if (region.method === "exact-n1") {
    const broken = withArena(precision, (arena) => nEqualsOneIdentities(arena).filter((identity) => !identity.holds));
    for (const identity of broken) failures.push(`${region.path}: the n = 1 identity ${identity.name} does not hold`);
    return { method: region.method, path: region.path, strips: 0, boxes: 0, failures };
  }
  const method = region.method;
  const lowers: string[] = [];
  let boxes = 0;
  for (const strip of region.strips) {
    const shape = stripShapeProblems(strip);
    if (shape.length > 0) {
      failures.push(...shape);
      continue;
    }
    boxes += checkStrip(theorem, method, strip, precision, failures, lowers);
  }
  const first = region.strips[0];
  const last = region.strips[region.strips.length - 1];
  const yRange: [string, string] | undefined = first && last ? [formatBoxNumber(first.y0), formatBoxNumber(last.y1)] : undefined;
  const minLower = smallest(lowers);
  const listed = failures.length > LISTED_FAILURES ? [...failures.slice(0, LISTED_FAILURES), `... and ${failures.length - LISTED_FAILURES} more`] : failures;
  return { method, path: region.path, strips: region.strips.length, boxes, failures: listed, ...(minLower === undefined ? {} : { minLower }), ...(yRange ? { yRange } : {}) };
}

/**
 * Checks a certificate. `theorem` defaults to the registered theorem of the certificate's id; tests pass a
 * doctored variant to confirm the checker rejects what it must.
 */
export function checkCertificate(certificate: Certificate, theorem: Theorem | undefined = theoremById(certificate.theorem)): CheckReport {
  const started = performance.now();
  if (theorem === undefined) {
    return { theorem: certificate.theorem, ok: false, precision: certificate.precision, boxes: 0, regions: [], coverage: [`unknown theorem ${JSON.stringify(certificate.theorem)}`], seconds: 0 };
  }
  const regions = certificate.regions.map((region) => checkRegion(theorem, region, certificate.precision));
  const coverage = coverageProblems(certificate.regions);
  const ok = coverage.length === 0 && regions.every((r) => r.failures.length === 0);
  const boxes = regions.reduce((sum, r) => sum + r.boxes, 0);
  return { theorem: theorem.id, ok, precision: certificate.precision, boxes, regions, coverage, seconds: (performance.now() - started) / 1000 };
}
