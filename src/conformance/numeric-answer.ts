/**
 * A subject's numeric result read exactly: a JSON number stands for its binary64 value, a decimal string for
 * the exact decimal it spells (spec/protocol.md). Anything else is not a numeric result.
 */
import { rationalFromDecimal, type Rational } from "../numerics/rational.ts";

export type NumericAnswer = { kind: "double"; value: number } | { kind: "decimal"; value: Rational; text: string };

/** The exact reading of a value, or null when it is not a finite number or a decimal string. */
export function readNumeric(value: unknown): NumericAnswer | null {
  if (typeof value === "number") return Number.isFinite(value) ? { kind: "double", value } : null;
  if (typeof value === "string") {
    const exact = rationalFromDecimal(value);
    return exact === null ? null : { kind: "decimal", value: exact, text: value };
  }
  return null;
}
