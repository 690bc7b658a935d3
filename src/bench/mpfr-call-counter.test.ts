/** The bench's MPFR instrumentation counts what it claims and always puts the binding back. */
import { describe, expect, test } from "vitest";
import { klBon } from "../oracle/index.ts";
import { allocReal, mpfr, releaseReal, RNDN } from "../numerics/mpfr.ts";
import { countMpfrCalls } from "./mpfr-call-counter.ts";

describe("countMpfrCalls", () => {
  test("groups transcendental calls and allocations by precision, in order of first appearance", () => {
    const { result, passes } = countMpfrCalls(() => {
      const a = allocReal(200);
      const b = allocReal(300);
      mpfr.mpfr_set_d(a, 2, RNDN);
      mpfr.mpfr_set_d(b, 2, RNDN);
      mpfr.mpfr_log(a, a, RNDN);
      mpfr.mpfr_log1p(a, a, RNDN);
      mpfr.mpfr_exp(b, b, RNDN);
      mpfr.mpfr_expm1(b, b, RNDN);
      mpfr.mpfr_exp(b, b, RNDN);
      mpfr.mpfr_mul(a, a, a, RNDN); // not transcendental
      releaseReal(a);
      releaseReal(b);
      return "done";
    });
    expect(result).toBe("done");
    expect(passes).toEqual([
      { bits: 200, transcendental: 2, allocated: 1 },
      { bits: 300, transcendental: 3, allocated: 1 },
    ]);
  });

  test("the binding is restored afterwards, also when the function throws", () => {
    const log = mpfr.mpfr_log;
    const init2 = mpfr.mpfr_init2;
    countMpfrCalls(() => undefined);
    expect(() => countMpfrCalls(() => {
      throw new Error("boom");
    })).toThrow("boom");
    expect(mpfr.mpfr_log).toBe(log);
    expect(mpfr.mpfr_init2).toBe(init2);
  });

  test("it sees the oracle's calls: a KL at 40 digits makes transcendental calls, in increasing working precision", () => {
    const { result, passes } = countMpfrCalls(() => klBon({ p: [0.25, 0.25, 0.5], n: 1000 }, { relative: 1e-42, absolute: 1e-50 }));
    expect(result.accurate).toBe(true);
    expect(passes.length).toBeGreaterThan(0);
    expect(passes.every((p) => p.transcendental > 0)).toBe(true);
    expect(passes.map((p) => p.bits)).toEqual([...passes.map((p) => p.bits)].sort((a, b) => a - b));
    expect(passes.at(-1)!.bits).toBe(result.precision);
  });
});
