import { describe, expect, test } from "vitest";
import { InputError } from "../errors.ts";
import { bonPmf, epsInfinity, klBon, klEstimate, klEstimateUpper, klFormula, renyi2 } from "./index.ts";

/** Runs fn and returns the InputError it throws (failing the test otherwise). */
function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error("expected an InputError");
}

const distributionOps = {
  bonPmf: (p: unknown, n: unknown = 3, r?: unknown) => bonPmf(p as number[], n as number, r as number[]),
  klBon: (p: unknown, n: unknown = 3, r?: unknown) => klBon(p as number[], n as number, r as number[]),
};

describe("validation of p", () => {
  const ops = {
    ...distributionOps,
    renyi2: (p: unknown) => renyi2(p as number[]),
    epsInfinity: (p: unknown, _n?: unknown, r?: unknown) => epsInfinity(p as number[], r as number[]),
  };
  for (const [name, op] of Object.entries(ops)) {
    test(`${name}: not a non-empty array`, () => {
      for (const p of [[], undefined, null, 0.5, "0.5", { 0: 1, length: 1 }]) {
        expect(inputError(() => op(p)).field).toBe("p");
      }
    });
    test(`${name}: a bad entry is named by its index`, () => {
      const cases: [unknown[], string][] = [
        [[0.5, Number.NaN, 0.5], "p[1]"],
        [[0.5, 0.5, Infinity], "p[2]"],
        [[-0.1, 1.1], "p[0]"],
        [[0.25, 0.25, 0.25, -1e-300, 0.25], "p[3]"],
        [[0.5, "0.5"], "p[1]"],
        [[0.5, null], "p[1]"],
        [[0.5, undefined], "p[1]"],
        [[1n, 0], "p[0]"],
      ];
      for (const [p, field] of cases) {
        const e = inputError(() => op(p));
        expect(e.field).toBe(field);
        expect(e.message.startsWith(`${field}:`)).toBe(true);
      }
      // holes read as undefined
      const holey = [0.5, , 0.5]; // eslint-disable-line no-sparse-arrays
      expect(inputError(() => op(holey)).field).toBe("p[1]");
    });
    test(`${name}: the sum must be within 1e-6 of 1`, () => {
      for (const p of [[0.5, 0.5 + 2e-6], [0.5, 0.5 - 2e-6], [0, 0], [1e308, 1e308], [2]]) {
        const e = inputError(() => op(p));
        expect(e.field).toBe("p");
        expect(e.reason).toMatch(/sum/);
      }
      expect(() => op([0.5, 0.5 + 9e-7])).not.toThrow();
      expect(() => op([0.5, 0.5 - 9e-7])).not.toThrow();
    });
  }
});

describe("validation of r", () => {
  const ops = {
    ...distributionOps,
    epsInfinity: (p: unknown, _n: unknown, r?: unknown) => epsInfinity(p as number[], r as number[]),
  };
  for (const [name, op] of Object.entries(ops)) {
    test(`${name}: length mismatch and non-arrays name "r"`, () => {
      for (const r of [[1], [1, 2, 3], null, 5, "12"]) {
        expect(inputError(() => op([0.5, 0.5], 3, r)).field).toBe("r");
      }
    });
    test(`${name}: non-finite rewards name "r[i]"`, () => {
      for (const [r, field] of [
        [[0, Number.NaN], "r[1]"],
        [[Infinity, 0], "r[0]"],
        [[0, -Infinity], "r[1]"],
        [["1", 0], "r[0]"],
      ] as [unknown[], string][]) {
        expect(inputError(() => op([0.5, 0.5], 3, r)).field).toBe(field);
      }
    });
  }
});

describe("validation of n", () => {
  const ops = {
    ...distributionOps,
    klFormula: (n: unknown) => klFormula(n as number),
    klEstimate: (n: unknown) => klEstimate(n as number, { eps: 0.5 }),
    klEstimateUpper: (n: unknown) => klEstimateUpper(n as number, { eps: 0.5 }),
  };
  for (const [name, op] of Object.entries(ops)) {
    test(`${name}: n must be a positive safe integer`, () => {
      for (const n of [0, -1, 1.5, Number.NaN, Infinity, 2 ** 53, 1e300, "3", null, 3n]) {
        const e =
          name === "bonPmf" || name === "klBon"
            ? inputError(() => (op as (p: unknown, n: unknown) => unknown)([0.5, 0.5], n))
            : inputError(() => (op as (n: unknown) => unknown)(n));
        expect(e.field).toBe("n");
      }
    });
  }
  test("2^53 - 1 is accepted", () => {
    expect(Number.isFinite(klFormula(2 ** 53 - 1))).toBe(true);
  });
});

describe("validation of eps / logEps", () => {
  for (const [name, op] of Object.entries({ klEstimate, klEstimateUpper })) {
    test(`${name}: eps outside (0, 1]`, () => {
      for (const eps of [0, -0, -0.1, 1.0000001, Number.NaN, Infinity, "0.5", null]) {
        expect(inputError(() => op(3, { eps } as never)).field).toBe("eps");
      }
      expect(() => op(3, { eps: 5e-324 })).not.toThrow();
      expect(() => op(3, { eps: 1 })).not.toThrow();
    });
    test(`${name}: logEps > 0 or not finite`, () => {
      for (const logEps of [1e-300, 1, Number.NaN, -Infinity, Infinity, "-1"]) {
        expect(inputError(() => op(3, { logEps } as never)).field).toBe("logEps");
      }
      expect(() => op(3, { logEps: -1e308 })).not.toThrow();
    });
    test(`${name}: both or neither of eps and logEps`, () => {
      for (const point of [{ eps: 0.5, logEps: -1 }, {}, null, undefined, 0.5]) {
        expect(inputError(() => op(3, point as never)).field).toBe("eps");
      }
    });
  }
});
