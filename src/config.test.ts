import { describe, expect, test } from "vitest";
import { UsageError } from "./errors.ts";
import { flagOr, readCount, readInteger, readSeed, runsFromEnvironment, seedFromEnvironment } from "./config.ts";

const message = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error("no error");
};

describe("settings", () => {
  test("integers are decimal digits with an optional sign, within the range", () => {
    expect(readInteger(" +42 ", "--x", { min: 1, max: 42 })).toBe(42);
    expect(readInteger("-7", "--x", { min: -7, max: 0 })).toBe(-7);
    for (const bad of ["", "1e3", "0x10", "2.0", "2.5", "NaN", "Infinity", "9007199254740992", "1 2"]) {
      expect(message(() => readInteger(bad, "--x", { min: 0, max: 10 ** 16 })), bad).toBe(`--x must be an integer from 0 to ${10 ** 16}, got ${JSON.stringify(bad)}`);
    }
    expect(message(() => readInteger("43", "--x", { min: 1, max: 42 }))).toBe('--x must be an integer from 1 to 42, got "43"');
    expect(message(() => readInteger("0", "--x", { min: 1, max: 42 }))).toBe('--x must be an integer from 1 to 42, got "0"');
  });

  test("counts are positive, seeds 32-bit signed", () => {
    expect(readCount("1", "--runs")).toBe(1);
    expect(readCount("9007199254740991", "--runs")).toBe(2 ** 53 - 1);
    expect(message(() => readCount("0", "--runs"))).toBe('--runs must be a positive integer, got "0"');
    expect(readSeed("-2147483647", "--seed")).toBe(-(2 ** 31 - 1));
    expect(readSeed("2147483647", "--seed")).toBe(2 ** 31 - 1);
    expect(message(() => readSeed("2147483648", "--seed"))).toBe('--seed must be an integer in [-(2^31 - 1), 2^31 - 1], got "2147483648"');
    expect(message(() => readSeed("-2147483648", "--seed"))).toBe('--seed must be an integer in [-(2^31 - 1), 2^31 - 1], got "-2147483648"');
  });

  test("a range is named in words only when it is exactly the counts' or the seeds' range", () => {
    const max = Number.MAX_SAFE_INTEGER;
    const seedMax = 2 ** 31 - 1;
    expect(message(() => readInteger("-1", "--x", { min: 0, max }))).toBe(`--x must be an integer from 0 to ${max}, got "-1"`);
    expect(message(() => readInteger("-1", "--x", { min: 0, max: seedMax }))).toBe(`--x must be an integer from 0 to ${seedMax}, got "-1"`);
    expect(message(() => readInteger("9", "--x", { min: -seedMax, max: 3 }))).toBe(`--x must be an integer from ${-seedMax} to 3, got "9"`);
  });

  test("environment variables fall back when absent or empty, and name themselves when malformed", () => {
    expect(runsFromEnvironment(100, {})).toBe(100);
    expect(runsFromEnvironment(100, { BONKL_RUNS: "" })).toBe(100);
    expect(runsFromEnvironment(100, { BONKL_RUNS: "7" })).toBe(7);
    expect(message(() => runsFromEnvironment(100, { BONKL_RUNS: "-5" }))).toBe('BONKL_RUNS must be a positive integer, got "-5"');
    expect(seedFromEnvironment(3, { BONKL_SEED: "-9" })).toBe(-9);
    expect(message(() => seedFromEnvironment(3, { BONKL_SEED: "abc" }))).toMatch(/^BONKL_SEED must be an integer/);
  });

  test("a flag wins over its fallback, which is read only when the flag is absent", () => {
    let asked = 0;
    const fallback = () => ++asked;
    expect(flagOr("5", (t) => readCount(t, "--runs"), fallback)).toBe(5);
    expect(asked).toBe(0);
    expect(flagOr(undefined, (t) => readCount(t, "--runs"), fallback)).toBe(1);
  });
});
