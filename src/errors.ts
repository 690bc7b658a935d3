/**
 * Typed errors shared by every part of bonkl. They carry no numeric code: the oracle and the float
 * library may both import this module without sharing arithmetic.
 */

/** Base class: every error bonkl raises on purpose is a BonklError with a stable `code`. */
export class BonklError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Invalid input: names the offending field (for example `p[3]`) and the value found there. */
export class InputError extends BonklError {
  constructor(
    readonly field: string,
    readonly value: unknown,
    readonly reason: string,
  ) {
    super("INVALID_INPUT", `${field}: ${reason}, got ${describeValue(value)}`);
  }
}

/** A command line used the wrong way (unknown flag, missing argument...): exit status 2. */
export class UsageError extends BonklError {
  constructor(message: string) {
    super("USAGE", message);
  }
}

/** Renders a user-supplied value for an error message without ever throwing. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  try {
    const s = JSON.stringify(value);
    return s === undefined ? typeof value : s.length > 80 ? `${s.slice(0, 77)}...` : s;
  } catch {
    return typeof value;
  }
}
