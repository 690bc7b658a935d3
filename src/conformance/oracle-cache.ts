/**
 * The oracle's exact values for conformance cases, cached by op + canonical JSON of the args and shared by every
 * subject graded in the process (cases are generated deterministically from the seed, so a second subject asks
 * for the same values). Entries are evicted oldest first beyond a budget in bytes (estimated: the key, about as
 * long as the case's JSON, and each enclosure), so that a long check's memory stays bounded.
 *
 * Accuracy: a first evaluation asks for relative 1e-20 (the tightest tolerance is ~64 u |x| = 7e-15 |x|) or
 * absolute 1e-30, with at most 512 bits of working precision. The absolute criterion matters for values that are
 * exactly 0 but not provably so (KL at n = 1: the oracle's enclosure straddles 0 and narrows only as the precision
 * grows, which costs minutes at L = 1e5 and 512 bits). The grader then checks every enclosure against the case's
 * tolerance and asks for a refinement (absolute tolerance / 2^20, down to 2^-1074, up to 8192 bits) when one is
 * not narrower than tolerance / 2^20, so every comparison is made with an enclosure far inside the tolerance.
 */
import { computePrepared, type Accuracy, type Enclosure } from "../oracle/index.ts";
import type { ParsedCase } from "./case.ts";

export const FIRST_ACCURACY: Accuracy = { relative: 1e-20, absolute: 1e-30, startPrecision: 128, maxPrecision: 512 };

/** The accuracy of a refinement that makes every enclosure narrower than `absolute` (or 1e-20 relative). */
export function refinedAccuracy(absolute: number): Accuracy {
  return { relative: 1e-20, absolute: Math.max(Number.MIN_VALUE, absolute), startPrecision: 256, maxPrecision: 8192 };
}

/** Default budget, in estimated bytes: about 10,000 bonPmf or 60,000 klBon values of the standard domain. */
export const DEFAULT_CACHE_BUDGET = 64 * 1024 * 1024;
/**
 * Estimated heap bytes of one enclosure (two exact dyadic ends: objects and bigints), and of an entry besides its
 * key and enclosures: measured as the heap growth of caches of standard and ties cases (3000 at a time), within
 * 10% for bonPmf and klBon, above the real cost for the estimators' short keys.
 */
export const ENCLOSURE_BYTES = 250;
export const ENTRY_BYTES = 300;

/** The estimated bytes of an entry: its key (`op canonical-args`) and its enclosures (at least one). */
export function entryWeight(key: string, enclosures: number): number {
  return ENTRY_BYTES + key.length + ENCLOSURE_BYTES * Math.max(1, enclosures);
}

export type ExactValue = Enclosure | Enclosure[];

interface Entry {
  value: ExactValue;
  /** The absolute accuracy asked of a refinement (Infinity for a first evaluation). */
  absolute: number;
  weight: number;
}

export class OracleCache {
  private readonly entries = new Map<string, Entry>();
  private weight = 0;
  /** Oracle evaluations done (misses and refinements), for reports and tests. */
  computations = 0;
  hits = 0;

  constructor(private readonly budget = DEFAULT_CACHE_BUDGET) {}

  /** The exact value of op on the case's args (InputError if the oracle rejects them). */
  get(op: string, c: ParsedCase): ExactValue {
    const key = `${op} ${c.key}`;
    const found = this.entries.get(key);
    if (found !== undefined) {
      this.hits++;
      return found.value;
    }
    return this.store(key, computePrepared(c.request(op), FIRST_ACCURACY), Number.POSITIVE_INFINITY);
  }

  /** The value recomputed so that every enclosure is narrower than `absolute` (or 1e-20 relative), up to 8192 bits. */
  refine(op: string, c: ParsedCase, absolute: number): ExactValue {
    const key = `${op} ${c.key}`;
    const found = this.entries.get(key);
    if (found !== undefined && found.absolute <= absolute) return found.value;
    if (found !== undefined) this.drop(key, found);
    return this.store(key, computePrepared(c.request(op), refinedAccuracy(absolute)), absolute);
  }

  private store(key: string, value: ExactValue, absolute: number): ExactValue {
    this.computations++;
    const weight = entryWeight(key, Array.isArray(value) ? value.length : 1);
    this.entries.set(key, { value, absolute, weight });
    this.weight += weight;
    for (const [oldKey, old] of this.entries) {
      if (this.weight <= this.budget || oldKey === key) break;
      this.drop(oldKey, old);
    }
    return value;
  }

  private drop(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.weight -= entry.weight;
  }
}

/** The cache every check in this process shares. */
export const sharedOracleCache = new OracleCache();
