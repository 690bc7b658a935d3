/**
 * One generated input of a conformance domain (the protocol args sent to the subject and a readable label), how a
 * family's cases are generated (its seed, the cases in fast-check's order), and the case as the grader reads it:
 * parsed once (its cache key, n, |log eps|, binary64 reward levels for the tolerance model, and the oracle's
 * validated request per op), then shared by grading, the tolerance model and the oracle cache.
 */
import fc from "fast-check";
import { prepare, type Prepared } from "../oracle/index.ts";
import { rationalFromString } from "../numerics/rational.ts";
import { logOfDyadic } from "../numerics/dyadic.ts";
import { rewardLevels, toDouble, type RewardLevels } from "./reward-levels.ts";

export interface Case {
  /** The op's protocol arguments (JSON-serialisable). */
  readonly args: Record<string, unknown>;
  /** How the case was made (its generator parameters), for reports: `L=3 n=12`, `tiny 1e-300 at the top`... */
  readonly label: string;
}

/**
 * The seed of one case family, derived from the run's seed, the domain and the family's group (FNV-1a, 32 bits):
 * deterministic, so every subject checked with the same seed sees the same cases (and shares oracle values), and
 * ops of the same group in a domain (bonPmf and klBon) see the same cases.
 */
export function familySeed(seed: number, domain: string, group: string): number {
  let hash = 0x811c9dc5;
  for (const ch of `${seed}/${domain}/${group}`) {
    hash ^= ch.codePointAt(0) as number;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash | 0;
}

/**
 * The cases fast-check generates for a family, in order: the same values (same seed, same kind of property) that
 * a later fc.check with `path: "k"` replays as its k-th run, which is how a failing case is shrunk.
 */
export async function collectCases(arbitrary: fc.Arbitrary<Case>, seed: number, runs: number): Promise<Case[]> {
  const cases: Case[] = [];
  await fc.check(
    fc.asyncProperty(arbitrary, async (c) => {
      cases.push(c);
      return true;
    }),
    { seed, numRuns: runs },
  );
  return cases;
}

/** JSON with object keys sorted, so equal args give equal keys whatever order their fields were built in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

/** A case's args read once, for everything the grader needs of them. */
export class ParsedCase {
  private keyText: string | null = null;
  private levelsValue: RewardLevels | null = null;
  private readonly prepared = new Map<string, Prepared>();

  constructor(readonly args: Record<string, unknown>) {}

  /** The canonical JSON of the args: the oracle cache's key. */
  get key(): string {
    this.keyText ??= canonicalJson(this.args);
    return this.keyText;
  }

  /** n as a double. */
  get n(): number {
    return toDouble(this.args.n);
  }

  /** The distribution's reward levels in binary64 (the tolerance model's view of p and r). */
  get levels(): RewardLevels {
    this.levelsValue ??= rewardLevels(this.args.p as unknown[], this.args.r as unknown[] | undefined);
    return this.levelsValue;
  }

  /** |log eps| for the estimators' tolerance: |logEps|, or |log eps| (finite for any exact eps > 0); NaN if unreadable. */
  get absLogEps(): number {
    const { eps, logEps } = this.args;
    if (logEps !== undefined) return Math.abs(toDouble(logEps));
    if (typeof eps === "number") return Math.abs(Math.log(eps));
    const exact = typeof eps === "string" ? rationalFromString(eps) : null;
    if (exact === null || exact.num <= 0n) return Number.NaN;
    return Math.abs(logOfDyadic({ m: exact.num, e: 0 }) - logOfDyadic({ m: exact.den, e: 0 }));
  }

  /** The oracle's validated request for `op` on these args (InputError if the oracle rejects them). */
  request(op: string): Prepared {
    let request = this.prepared.get(op);
    if (request === undefined) {
      request = prepare(op, this.args);
      this.prepared.set(op, request);
    }
    return request;
  }
}

const parsed = new WeakMap<object, ParsedCase>();

/** The parsed form of a case's args, made on first use and kept with the args object. */
export function parsedCase(args: Record<string, unknown>): ParsedCase {
  let value = parsed.get(args);
  if (value === undefined) {
    value = new ParsedCase(args);
    parsed.set(args, value);
  }
  return value;
}
