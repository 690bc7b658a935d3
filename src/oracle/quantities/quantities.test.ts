/**
 * The quantity functions on their own (an arena, a Distribution), at their edges: Example 1 beyond MPFR's exponent
 * range, refused arguments that the ops never pass, and digits known independently (mpmath, 60 digits:
 * ln 2 = 0.6931471805599453094172321214581765680755..., (3/4) ln 3 - ln 2 = 0.1308120359411369591292018062337177104...,
 * ln 2 + (1/8) ln(1/8) + (7/8) ln(7/8) = 0.3163770193035085231327194075964291272814...).
 */
import { describe, expect, test } from "vitest";
import * as oracle from "../index.ts";
import { certify } from "../../numerics/certify.ts";
import { Distribution } from "../distribution.ts";
import { withArena } from "../../numerics/arena.ts";
import { klExample1 } from "./example1.ts";
import { renyi } from "./renyi.ts";

describe("Example 1, Eq. (6)", () => {
  test("log 2 - h(2^-n) to 30 certified digits (the default accuracy is relative 1e-30)", () => {
    expect(oracle.klExample1({ n: 2 }).certifiedDecimal(30)).toBe("1.30812035941136959129201806234e-1");
    expect(oracle.klExample1({ n: 3 }).certifiedDecimal(30)).toBe("3.16377019303508523132719407596e-1");
    expect(oracle.klExample1({ n: 1 }).certifiedDecimal()).toBe("0"); // log 2 - h(1/2) = 0
  });
  test("beyond MPFR's exponent range (2^-n below 2^-1073741000) the value is log 2 up to nothing visible", () => {
    for (const n of [1_073_741_000, 1_073_741_001, 2e9, 2 ** 53 - 1]) {
      const e = oracle.klExample1({ n });
      expect(e.certifiedDecimal(30), String(n)).toBe("6.93147180559945309417232121458e-1");
      expect(e.accurate).toBe(true);
      expect(e.hiNumber).toBeLessThanOrEqual(Math.LN2 + 2 ** -52);
    }
    // and the KL of Lemma 1 agrees there, through its log-space branch for the underflowed level
    const kl = oracle.klBon({ p: [0.5, 0.5], n: 2e9 });
    expect(kl.certifiedDecimal(30)).toBe("6.93147180559945309417232121458e-1");
  });
  test("the enclosure is rigorous at a low precision too", () => {
    const e = certify((arena) => klExample1(arena, 2e9), { startPrecision: 64, maxPrecision: 64, relative: 1e-300 });
    expect(e.loNumber).toBeLessThanOrEqual(Math.LN2);
    expect(e.hiNumber).toBeGreaterThanOrEqual(Math.LN2);
  });
});

describe("renyi on its own", () => {
  test("alpha must be positive (the ops check it first)", () => {
    const dist = Distribution.parse({ p: [0.5, 0.5] });
    withArena(64, (arena) => {
      expect(() => renyi(arena, dist, 0)).toThrow(/^renyi: alpha must be > 0$/);
      expect(() => renyi(arena, dist, Number.NaN)).toThrow(/alpha must be > 0/);
      expect(renyi(arena, dist, 3).hiDouble()).toBeGreaterThanOrEqual(Math.LN2);
    });
  });
});

describe("log-space KL for underflowed levels", () => {
  test("a bottom level with F^n below MPFR's range contributes a rigorous [negative tiny, 0]", () => {
    // p = (1/4, 3/4), n = 2e9: P_1 = 4^-n underflows; KL = P_2 log(P_2 / (3/4)) with P_2 = 1 - 4^-n, i.e. -log(3/4)
    const e = oracle.klBon({ p: ["0.25", "0.75"], n: 2e9 });
    expect(e.certifiedDecimal(20)).toBe("2.8768207245178092744e-1"); // ln(4/3) = 0.287682072451780927439219005993827...
    expect(e.accurate).toBe(true);
  });
});
