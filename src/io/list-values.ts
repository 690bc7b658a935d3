/** Comma-separated flag values (`--p 0.2,0.3,0.5`, `--n 1,10,100`). */
import { UsageError } from "../errors.ts";
import { readInteger } from "../config.ts";

export function splitList(text: string, flag: string): string[] {
  const items = text.split(",").map((s) => s.trim());
  if (items.some((s) => s === "")) throw new UsageError(`${flag}: empty item in ${JSON.stringify(text)} (give comma-separated values)`);
  return items;
}

/** A list of positive integers n (each at most 2^53 - 1). */
export function parseNList(text: string, flag = "--n"): number[] {
  return splitList(text, flag).map((s) => {
    const n = /^\+?\d+$/.test(s) ? Number(s) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`${flag}: ${JSON.stringify(s)} is not a positive integer no larger than 2^53 - 1`);
    return n;
  });
}

/** --digits N: an integer from 1 to max. */
export function parseDigits(text: string | undefined, fallback: number, max: number): number {
  return text === undefined ? fallback : readInteger(text, "--digits", { min: 1, max });
}
