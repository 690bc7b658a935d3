/**
 * Settings from flags and environment variables, read one way everywhere: integers are decimal digits with an
 * optional sign (no "1e3", "0x10" or "2.0"), within a stated range, and every bad value is a UsageError that names
 * the flag or variable and quotes what was given.
 *
 *   BONKL_RUNS   cases per op and domain (`bonkl check`, default 100) or per claim (`bonkl claims`, default 200)
 *   BONKL_SEED   base seed of `bonkl claims` and the claims tests (default 20240103)
 */
import { UsageError } from "./errors.ts";

export interface IntegerRange {
  readonly min: number;
  readonly max: number;
}

const POSITIVE: IntegerRange = { min: 1, max: Number.MAX_SAFE_INTEGER };
const SEED_RANGE: IntegerRange = { min: -(2 ** 31 - 1), max: 2 ** 31 - 1 };

function describeRange({ min, max }: IntegerRange): string {
  if (min === 1 && max === Number.MAX_SAFE_INTEGER) return "a positive integer";
  if (min === SEED_RANGE.min && max === SEED_RANGE.max) return "an integer in [-(2^31 - 1), 2^31 - 1]";
  return `an integer from ${min} to ${max}`;
}

/** An integer setting: `what` names it in the error ("--runs", "BONKL_RUNS"). */
export function readInteger(text: string, what: string, range: IntegerRange = POSITIVE): number {
  const value = /^\s*[+-]?\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < range.min || value > range.max) {
    throw new UsageError(`${what} must be ${describeRange(range)}, got ${JSON.stringify(text)}`);
  }
  return value;
}

/** A positive integer setting (counts, timeouts). */
export function readCount(text: string, what: string): number {
  return readInteger(text, what, POSITIVE);
}

/** A seed: an integer in [-(2^31 - 1), 2^31 - 1]. */
export function readSeed(text: string, what: string): number {
  return readInteger(text, what, SEED_RANGE);
}

/** An optional setting: `fallback` when the flag or variable is absent or empty. */
function optional<T>(text: string | undefined, fallback: T, read: (text: string) => T): T {
  return text === undefined || text === "" ? fallback : read(text);
}

/** BONKL_RUNS, or `fallback` (each command has its own default). */
export function runsFromEnvironment(fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  return optional(env.BONKL_RUNS, fallback, (text) => readCount(text, "BONKL_RUNS"));
}

/** BONKL_SEED, or `fallback`. */
export function seedFromEnvironment(fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  return optional(env.BONKL_SEED, fallback, (text) => readSeed(text, "BONKL_SEED"));
}

/** A flag that may be absent: `fallback()` when it is (so environment defaults are read only when needed). */
export function flagOr<T>(text: string | undefined, read: (text: string) => T, fallback: () => T): T {
  return text === undefined ? fallback() : read(text);
}
