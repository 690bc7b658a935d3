/**
 * The float library's rejections in full (field, reason, value shown), the array-like inputs it accepts, and the
 * eps / logEps companions it derives (eps-point.ts).
 */
import { describe, expect, test } from "vitest";
import { InputError } from "../errors.ts";
import { bonPmf, epsInfinity, klBon, klEstimate, klEstimateUpper, klFormula, renyi2 } from "./index.ts";
import { readEpsPoint } from "./eps-point.ts";
import { readMasses, readN, readRewards, SUM_TOLERANCE } from "./validate.ts";

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).message;
  }
  throw new Error("expected an InputError");
}

describe("messages", () => {
  test("p", () => {
    expect(message(() => bonPmf([], 2))).toBe("p: must be a non-empty array of non-negative numbers, got an array of length 0");
    expect(message(() => klBon({} as never, 2))).toBe("p: must be a non-empty array of non-negative numbers, got {}");
    expect(message(() => renyi2([0.5, -0.5, 1]))).toBe("p[1]: must be a finite non-negative number, got -0.5");
    expect(message(() => renyi2([0.5, Infinity]))).toBe("p[1]: must be a finite non-negative number, got Infinity");
    expect(message(() => epsInfinity([0.25, 0.25]))).toBe("p: must sum to 1 within 0.000001 (its sum is 0.5), got an array of length 2");
    expect(SUM_TOLERANCE).toBe(1e-6);
    expect(message(() => readMasses([0.5], "q"))).toBe("q: must sum to 1 within 0.000001 (its sum is 0.5), got an array of length 1");
    expect(message(() => readMasses([Number.NaN], "q"))).toBe("q[0]: must be a finite non-negative number, got NaN");
  });
  test("r", () => {
    expect(message(() => bonPmf([0.5, 0.5], 2, [1]))).toBe("r: must have the same length as p (2), got an array of length 1");
    expect(message(() => klBon([0.5, 0.5], 2, 7 as never))).toBe("r: must be an array of finite numbers, got 7");
    expect(message(() => epsInfinity([0.5, 0.5], [0, Number.NaN]))).toBe("r[1]: must be a finite number, got NaN");
    expect(message(() => readRewards(new DataView(new ArrayBuffer(16)), 2))).toBe("r: must be an array of finite numbers, got {}");
  });
  test("n", () => {
    expect(message(() => klFormula(0))).toBe("n: must be a positive integer no larger than 2^53 - 1, got 0");
    expect(message(() => readN("3"))).toBe('n: must be a positive integer no larger than 2^53 - 1, got "3"');
    expect(readN(1)).toBe(1);
  });
  test("eps and logEps", () => {
    expect(message(() => klEstimate(3, { eps: 0 }))).toBe("eps: must be a number in (0, 1], got 0");
    expect(message(() => klEstimate(3, { eps: "0.5" } as never))).toBe('eps: must be a number in (0, 1], got "0.5"');
    expect(message(() => klEstimateUpper(3, { logEps: 0.5 }))).toBe("logEps: must be a finite number <= 0, got 0.5");
    expect(message(() => klEstimateUpper(3, { logEps: "-1" } as never))).toBe('logEps: must be a finite number <= 0, got "-1"');
    expect(message(() => klEstimate(3, { eps: 0.5, logEps: -1 } as never))).toBe("eps: give exactly one of eps and logEps, not both, got 0.5");
    expect(message(() => klEstimate(3, {} as never))).toBe("eps: give exactly one of eps and logEps, got undefined");
    expect(message(() => klEstimate(3, null as never))).toBe("eps: give exactly one of eps and logEps, got null");
    expect(message(() => klEstimate(3, 0.5 as never))).toBe("eps: give exactly one of eps and logEps, got 0.5");
  });
});

describe("array-like inputs", () => {
  test("typed arrays are accepted for p and r; a DataView is not", () => {
    expect(bonPmf(Float64Array.from([0.25, 0.75]) as never, 2)).toEqual(bonPmf([0.25, 0.75], 2));
    expect(klBon([0.25, 0.75], 3, Int32Array.from([2, 1]) as never)).toBe(klBon([0.75, 0.25], 3));
    expect(() => bonPmf(new DataView(new ArrayBuffer(8)) as never, 2)).toThrow(InputError);
  });
  test("readMasses copies p and sums it", () => {
    const { w, total } = readMasses([0.25, 0, 0.75]);
    expect(Array.from(w)).toEqual([0.25, 0, 0.75]);
    expect(total).toBe(1);
  });
  test("readRewards copies r into doubles", () => {
    expect(Array.from(readRewards([3, -0, 2.5], 3))).toEqual([3, -0, 2.5]);
  });
});

describe("the eps point", () => {
  test("from eps: log eps, 1 - eps and log(1 - eps), each from the accurate side", () => {
    expect(readEpsPoint({ eps: 0.25 })).toEqual({ eps: 0.25, logEps: Math.log(0.25), delta: 0.75, logOneMinusEps: Math.log1p(-0.25) });
    expect(readEpsPoint({ eps: 0.75 })).toEqual({ eps: 0.75, logEps: Math.log1p(-0.25), delta: 0.25, logOneMinusEps: Math.log(0.25) });
    // eps = 1/2: log1p(-delta) and log(delta)
    expect(readEpsPoint({ eps: 0.5 })).toEqual({ eps: 0.5, logEps: Math.log1p(-0.5), delta: 0.5, logOneMinusEps: Math.log(0.5) });
    const near1 = readEpsPoint({ eps: 1 - 2 ** -40 });
    expect(near1.delta).toBe(2 ** -40);
    expect(near1.logEps).toBe(Math.log1p(-(2 ** -40)));
    expect(near1.logOneMinusEps).toBe(-40 * Math.LN2);
    expect(readEpsPoint({ eps: 1 })).toEqual({ eps: 1, logEps: -0, delta: 0, logOneMinusEps: Number.NEGATIVE_INFINITY }); // log1p(-0) = -0
    const tiny = readEpsPoint({ eps: 1e-300 });
    expect([tiny.logEps, tiny.delta, tiny.logOneMinusEps]).toEqual([Math.log(1e-300), 1, -1e-300]);
  });
  test("from logEps: eps = exp, delta = -expm1, however close eps is to 1", () => {
    expect(readEpsPoint({ logEps: -1e-20 })).toEqual({ eps: 1, logEps: -1e-20, delta: 1e-20, logOneMinusEps: Math.log(1e-20) });
    expect(readEpsPoint({ logEps: -2 })).toEqual({ eps: Math.exp(-2), logEps: -2, delta: -Math.expm1(-2), logOneMinusEps: Math.log1p(-Math.exp(-2)) });
    expect(readEpsPoint({ logEps: -0.5 })).toEqual({ eps: Math.exp(-0.5), logEps: -0.5, delta: -Math.expm1(-0.5), logOneMinusEps: Math.log(-Math.expm1(-0.5)) });
    expect(readEpsPoint({ logEps: 0 })).toEqual({ eps: 1, logEps: 0, delta: -0, logOneMinusEps: Number.NEGATIVE_INFINITY }); // -expm1(0) = -0
    expect(readEpsPoint({ logEps: -1e5 })).toEqual({ eps: 0, logEps: -1e5, delta: 1, logOneMinusEps: -0 });
  });
});
