/** The n = 1 line: the identities hold, and the binomial expansion they rest on is right for other n too. */
import { describe, expect, test } from "vitest";
import { withArena } from "./intervals.ts";
import { nEqualsOneIdentities, oneMinusPowerCoefficients } from "./n-equals-one.ts";

describe("n = 1 by exact algebra", () => {
  test("1 - (1-e)^n by the binomial theorem: e, 2e - e^2, 3e - 3e^2 + e^3", () => {
    expect(oneMinusPowerCoefficients(1)).toEqual([0n, 1n]);
    expect(oneMinusPowerCoefficients(2)).toEqual([0n, 2n, -1n]);
    expect(oneMinusPowerCoefficients(3)).toEqual([0n, 3n, -3n, 1n]);
    // the coefficients evaluate to 1 - (1-e)^n at e = 1/3, exactly in rationals
    const n = 7;
    const c = oneMinusPowerCoefficients(n);
    const value = c.reduce((sum, ck, k) => sum + ck * 3n ** BigInt(n - k), 0n); // times 3^n
    expect(value).toBe(3n ** 7n - 2n ** 7n);
  });

  test("every identity of the n = 1 argument holds", () => {
    const identities = withArena(128, (arena) => nEqualsOneIdentities(arena));
    expect(identities.map((i) => i.name)).toHaveLength(4);
    expect(identities.filter((i) => !i.holds)).toEqual([]);
  });
});
