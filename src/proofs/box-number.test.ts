/** Box ends: exact parsing of decimals and "inf", exact comparison, exact dyadic spelling, typed errors. */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { InputError } from "../errors.ts";
import { compareBoxNumbers, dyadicDecimal, formatBoxNumber, parseBoxNumber, parseScientific } from "./box-number.ts";

describe("box numbers", () => {
  test("parse exactly: 3.125 = 3125/1000, 0.1 is one tenth (not a double), inf", () => {
    expect(parseBoxNumber("3.125", "y")).toEqual({ num: 3125n, den: 1000n });
    expect(parseBoxNumber("0.1", "y")).toEqual({ num: 1n, den: 10n });
    expect(parseBoxNumber("inf", "y")).toBe("inf");
    expect(compareBoxNumbers(parseBoxNumber("0.30", "a"), parseBoxNumber("0.3", "b"))).toBe(0);
    expect(compareBoxNumbers(parseBoxNumber("0.1000000000000000000001", "a"), parseBoxNumber("0.1", "b"))).toBe(1);
    expect(compareBoxNumbers(parseBoxNumber("1e9".replace("e9", "000000000"), "a"), "inf")).toBe(-1);
    expect(compareBoxNumbers("inf", "inf")).toBe(0);
  });

  test.each([["-1"], ["1e3"], [" 1"], ["1."], [".5"], ["NaN"], ["Infinity"], [""], [3], [null]])("refuses %j with an InputError naming the field", (bad) => {
    expect(() => parseBoxNumber(bad, "regions[1].strips[0].y[0]")).toThrow(InputError);
    expect(() => parseBoxNumber(bad, "regions[1].strips[0].y[0]")).toThrow(/^regions\[1\]\.strips\[0\]\.y\[0\]: /);
  });

  test("dyadic k/2^m is spelled exactly and reads back equal", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 70n }), fc.integer({ min: -5, max: 60 }), (k, m) => {
        const text = dyadicDecimal(k, m);
        const back = parseBoxNumber(text, "x");
        const exact = m >= 0 ? { num: k, den: 2n ** BigInt(m) } : { num: k * 2n ** BigInt(-m), den: 1n };
        expect(compareBoxNumbers(back, exact)).toBe(0);
        expect(formatBoxNumber(back)).toBe(text);
      }),
      { seed: 20261207, numRuns: 300 },
    );
    expect(dyadicDecimal(1n, 10)).toBe("0.0009765625");
    expect(dyadicDecimal(15n, 2)).toBe("3.75");
    expect(dyadicDecimal(0n, 4)).toBe("0");
  });

  test("stored lower bounds are read exactly, exponent and sign included", () => {
    expect(parseScientific("1.62e-4")).toEqual({ num: 162n, den: 1000000n });
    expect(parseScientific("-2.5")).toEqual({ num: -25n, den: 10n });
    expect(parseScientific("3e2")).toEqual({ num: 300n, den: 1n });
  });
});
