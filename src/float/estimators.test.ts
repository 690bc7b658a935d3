import { describe, expect, test } from "vitest";
import { klEstimate, klEstimateUpper, klFormula } from "./index.ts";
import { U, relErr } from "./test-helpers.ts";

/** (1 - (1-eps)^n) / eps = sum_{j<n} (1-eps)^j: positive terms, accurate for moderate n when 1 - eps is exact. */
function geometric(n: number, eps: number): number {
  let s = 0;
  for (let j = 0; j < n; j++) s += (1 - eps) ** j;
  return s;
}

/** Eq. (26) from the geometric sum. */
function refUpper(n: number, eps: number): number {
  return Math.log(geometric(n, eps));
}

/** Eq. (28) from the geometric sum: A (log n + (n-1) log(1-eps) - (n-1)/n) + (1 - A) log G, 1 - A = eps G. */
function refEstimate(n: number, eps: number): number {
  const a = (1 - eps) ** n;
  const g = geometric(n, eps);
  return a * (Math.log(n) + (n - 1) * Math.log(1 - eps) - (n - 1) / n) + eps * g * Math.log(g);
}

describe("klFormula", () => {
  test("n = 1 is exactly 0, n = 2 is log 2 - 1/2", () => {
    expect(klFormula(1)).toBe(0);
    expect(klFormula(2)).toBe(Math.LN2 - 0.5);
  });
  test("log n - (n-1)/n for large n, up to 2^53 - 1", () => {
    for (const n of [3, 10, 1000, 1e9, 2 ** 53 - 1]) {
      const want = Math.log(n) - 1 + 1 / n;
      expect(relErr(klFormula(n), want)).toBeLessThan(4 * U);
    }
  });
});

describe("klEstimateUpper (Eq. 26)", () => {
  test("eps = 1 and n = 1 give exactly 0", () => {
    expect(klEstimateUpper(7, { eps: 1 })).toBe(0);
    expect(klEstimateUpper(7, { logEps: 0 })).toBe(0);
    expect(klEstimateUpper(1, { eps: 0.3 })).toBe(0);
    expect(klEstimateUpper(1, { logEps: -1e5 })).toBe(0);
  });

  test("matches the geometric-sum formula across regimes", () => {
    const points = [0.5, 0.25, 0.125, 3 / 1024, 2 ** -10, 2 ** -10 + 2 ** -60, 2 ** -11, 2 ** -20, 0.75, 1 - 2 ** -10];
    for (const eps of points) {
      for (const n of [2, 3, 5, 31, 32, 33, 100, 1000]) {
        expect(relErr(klEstimateUpper(n, { eps }), refUpper(n, eps))).toBeLessThan(1e-13);
      }
    }
  });

  test("tiny eps: log n - (n-1) eps / 2, and log n once eps underflows", () => {
    for (const n of [2, 1000, 2 ** 40]) {
      const eps = 1e-30;
      expect(relErr(klEstimateUpper(n, { eps }), Math.log(n) + Math.log1p((-(n - 1) * eps) / 2))).toBeLessThan(2 * U);
      for (const logEps of [-800, -1e5, -1e300]) {
        expect(relErr(klEstimateUpper(n, { logEps }), Math.log(n))).toBeLessThan(2 * U);
      }
    }
  });

  test("eps close to 1: log((1 - delta^n)/(1 - delta)) = log1p(delta + ... + delta^(n-1))", () => {
    for (const delta of [2 ** -10, 2 ** -30, 2 ** -52]) {
      const want = Math.log1p(delta + delta * delta);
      expect(relErr(klEstimateUpper(3, { eps: 1 - delta }), want)).toBeLessThan(4 * U);
      // the same point as logEps = log1p(-delta) (rounded, condition ~1: compare loosely)
      expect(relErr(klEstimateUpper(3, { logEps: Math.log1p(-delta) }), want)).toBeLessThan(1e-14);
    }
  });

  test("eps and logEps agree", () => {
    for (const k of [1, 3, 10, 11, 20, 60, 200, 1000]) {
      for (const n of [2, 17, 1e6, 2 ** 53 - 1]) {
        const byEps = klEstimateUpper(n, { eps: 2 ** -k });
        const byLog = klEstimateUpper(n, { logEps: -k * Math.LN2 });
        expect(relErr(byLog, byEps)).toBeLessThan(1e-13);
      }
    }
  });

  test("large n eps: log(1/eps)", () => {
    expect(relErr(klEstimateUpper(2 ** 53 - 1, { eps: 1e-6 }), Math.log(1e6))).toBeLessThan(4 * U);
  });
});

describe("klEstimate (Eq. 28)", () => {
  test("eps = 1 and n = 1 give exactly 0", () => {
    expect(klEstimate(5, { eps: 1 })).toBe(0);
    expect(klEstimate(5, { logEps: -0 })).toBe(0);
    expect(klEstimate(1, { eps: 0.01 })).toBe(0);
    expect(klEstimate(1, { logEps: -1e5 })).toBe(0);
  });

  test("matches the geometric-sum formula across regimes", () => {
    for (const eps of [0.5, 0.25, 0.125, 3 / 1024, 2 ** -10, 2 ** -10 + 2 ** -60, 2 ** -11, 2 ** -20, 0.75]) {
      for (const n of [2, 3, 5, 31, 32, 33, 100, 1000]) {
        expect(relErr(klEstimate(n, { eps }), refEstimate(n, eps))).toBeLessThan(1e-12);
      }
    }
  });

  test("tiny eps tends to klFormula(n); logEps = -1e5 is finite and equal to it", () => {
    for (const n of [2, 10, 1e6, 2 ** 53 - 1]) {
      for (const logEps of [-1e5, -1e300, -800]) {
        const v = klEstimate(n, { logEps });
        expect(Number.isFinite(v)).toBe(true);
        expect(relErr(v, klFormula(n))).toBeLessThan(2 * U);
      }
    }
  });

  test("eps and logEps agree", () => {
    for (const k of [1, 2, 5, 10, 11, 30, 100, 1000]) {
      for (const n of [2, 17, 4096, 1e9]) {
        expect(relErr(klEstimate(n, { logEps: -k * Math.LN2 }), klEstimate(n, { eps: 2 ** -k }))).toBeLessThan(1e-13);
      }
    }
  });

  test("n eps >> 1: A vanishes and KLhat -> log(1/eps)", () => {
    expect(relErr(klEstimate(1e9, { eps: 1e-3 }), Math.log(1e3))).toBeLessThan(4 * U);
  });
});

describe("estimators near the branch points", () => {
  test("n = 2: KLhat_1 = log((1 - (1-eps)^2)/eps) = log(2 - eps), within 4 ulp, series or not", () => {
    // eps = 2^-6 has n eps <= 2^-5 but eps > 2^-10 (outside the x-series); eps = 2^-9 and 1e-3 have
    // (1 - eps)^2 close to 1, where 1 - (1 - eps)^n must not be formed by subtraction.
    for (const eps of [2 ** -6, 2 ** -9, 1e-3, 0.3, 0.75]) {
      expect(relErr(klEstimateUpper(2, { eps }), Math.log(2 - eps))).toBeLessThanOrEqual(4 * U);
    }
  });
  test("n = 1 gives exactly 0 at small eps too (KLhat = KL of pi_1 = p)", () => {
    for (const eps of [2 ** -12, 1e-7, 0.01, 0.3]) {
      expect(klEstimate(1, { eps })).toBe(0);
      expect(klEstimate(1, { logEps: Math.log(eps) })).toBe(0);
    }
  });
});
