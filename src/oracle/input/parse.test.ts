/**
 * The oracle's input validation: exact values, the 1e-6 sum tolerance at its edges, n as number or digit string,
 * eps / logEps, and the wording of every rejection (field name, reason, value found).
 */
import { describe, expect, test } from "vitest";
import { InputError } from "../../errors.ts";
import { MAX_N, parseEps, parseEpsArgument, parseExact, parseLogEps, parseN, parseProbabilities, parseRewards, sumRationals } from "./parse.ts";

/** The InputError `fn` throws (fails the test if it throws nothing or something else). */
function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error("expected an InputError");
}

describe("parseExact", () => {
  test("a JSON number keeps its double; a string is an exact decimal or ratio", () => {
    expect(parseExact(0.25, "x")).toEqual({ num: 1n, den: 4n, double: 0.25, twos: 2, fives: 0 });
    expect(parseExact("0.1", "x")).toEqual({ num: 1n, den: 10n, twos: 1, fives: 1 });
    expect(parseExact("2/6", "x")).toEqual({ num: 2n, den: 6n });
  });
  test("rejections name the field and say why", () => {
    expect(inputError(() => parseExact(Number.NaN, "p[2]")).message).toBe("p[2]: must be a finite number, got NaN");
    expect(inputError(() => parseExact(Number.POSITIVE_INFINITY, "r[0]")).message).toBe("r[0]: must be a finite number, got Infinity");
    expect(inputError(() => parseExact("abc", "eps")).message).toBe('eps: must be a number, a decimal string such as "1e-30", or a ratio "a/b", got "abc"');
    expect(inputError(() => parseExact(null, "n")).message).toBe("n: must be a number or a decimal string, got null");
    expect(inputError(() => parseExact(true, "w")).field).toBe("w");
  });
});

describe("sumRationals: exact, with a small common denominator", () => {
  test("equal, dividing and divisible denominators stay at the largest one", () => {
    expect(sumRationals([])).toEqual({ num: 0n, den: 1n });
    expect(sumRationals([{ num: 1n, den: 4n }, { num: 1n, den: 4n }])).toEqual({ num: 2n, den: 4n });
    expect(sumRationals([{ num: 1n, den: 10n }, { num: 1n, den: 2n }])).toEqual({ num: 6n, den: 10n });
    expect(sumRationals([{ num: 1n, den: 2n }, { num: 1n, den: 10n }])).toEqual({ num: 6n, den: 10n });
    expect(sumRationals([{ num: 3n, den: 1n }, { num: 1n, den: 8n }, { num: 1n, den: 2n }])).toEqual({ num: 29n, den: 8n });
  });
  test("coprime denominators multiply", () => {
    expect(sumRationals([{ num: 1n, den: 10n }, { num: 1n, den: 3n }])).toEqual({ num: 13n, den: 30n });
    expect(sumRationals([{ num: 1n, den: 2n }, { num: -1n, den: 3n }])).toEqual({ num: 1n, den: 6n });
  });
  test("denominators 2^a 5^b known from parsing: summed over 2^max(a) 5^max(b), without a division", () => {
    // 1e-3 + 5e-1 + 0.25 = 751/1000: denominators 10^3, 10^1 and 2^2, so the common one is 2^3 5^3
    expect(sumRationals([parseExact("1e-3", "a"), parseExact("5e-1", "b"), parseExact(0.25, "c")])).toEqual({ num: 751n, den: 1000n, twos: 3, fives: 3 });
    // "7e-99999" + "3e-100000" = 73e-100000; a ratio string has no known form, and the general path is taken
    expect(sumRationals([parseExact("7e-99999", "a"), parseExact("3e-100000", "b")])).toEqual({ num: 73n, den: 10n ** 100000n, twos: 100000, fives: 100000 });
    expect(sumRationals([parseExact("1e-1", "a"), parseExact("1/3", "b")])).toEqual({ num: 13n, den: 30n });
  });
  test("zero terms are skipped: they never enlarge the denominator", () => {
    expect(sumRationals([{ num: 0n, den: 3n }, { num: 1n, den: 2n }])).toEqual({ num: 1n, den: 2n });
    expect(sumRationals([{ num: 1n, den: 2n }, { num: 0n, den: 7n }])).toEqual({ num: 1n, den: 2n });
  });
});

describe("parseProbabilities", () => {
  test("the sum may miss 1 by 1e-6 exactly, not by more", () => {
    expect(parseProbabilities(["0.999999"])).toEqual([{ num: 999999n, den: 1000000n, twos: 6, fives: 6 }]);
    expect(parseProbabilities(["1.000001"])).toEqual([{ num: 1000001n, den: 1000000n, twos: 6, fives: 6 }]);
    expect(parseProbabilities(["0.5", "0.499999"])).toHaveLength(2);
    const low = inputError(() => parseProbabilities(["0.9999989"]));
    expect(low.message).toBe("p: must sum to 1 within 1e-6 (the sum is shown), got 0.9999989");
    expect(inputError(() => parseProbabilities(["1.0000011"])).field).toBe("p");
  });
  test("field names default to p, and carry the caller's prefix", () => {
    expect(inputError(() => parseProbabilities([0.5, -0.5, 1])).message).toBe("p[1]: must be non-negative, got -0.5");
    expect(inputError(() => parseProbabilities([0.5, "x"], "components[2].p")).field).toBe("components[2].p[1]");
    expect(inputError(() => parseProbabilities([], "q")).message).toBe("q: must not be empty, got an array of length 0");
    expect(inputError(() => parseProbabilities([])).field).toBe("p");
    expect(inputError(() => parseProbabilities({ 0: 1 })).message).toBe('p: must be an array of probabilities, got {"0":1}');
    expect(inputError(() => parseProbabilities("0.5")).field).toBe("p");
  });
});

describe("parseRewards", () => {
  test("same length as p, exact values", () => {
    expect(parseRewards([1, "2.5"], 2)).toEqual([
      { num: 1n, den: 1n, double: 1, twos: 0, fives: 0 },
      { num: 25n, den: 10n, twos: 1, fives: 1 },
    ]);
  });
  test("rejections", () => {
    expect(inputError(() => parseRewards([1], 2)).message).toBe("r: must have the same length as p (2), got an array of length 1");
    expect(inputError(() => parseRewards(7, 2)).message).toBe("r: must be an array of rewards, got 7");
    expect(inputError(() => parseRewards({ length: 2 }, 2)).message).toBe('r: must be an array of rewards, got {"length":2}');
    expect(inputError(() => parseRewards([1, 2], 3, "components[0].r")).field).toBe("components[0].r");
    expect(inputError(() => parseRewards([1, Number.NaN], 2)).field).toBe("r[1]");
  });
});

describe("parseN", () => {
  test("numbers and decimal digit strings (optional + and surrounding white space)", () => {
    expect(parseN(1)).toBe(1);
    expect(parseN(MAX_N)).toBe(2 ** 53 - 1);
    expect(parseN("12")).toBe(12);
    expect(parseN("+7")).toBe(7);
    expect(parseN(" 42 ")).toBe(42);
    expect(parseN("\t9\n")).toBe(9);
    expect(parseN("007")).toBe(7);
    expect(parseN("9007199254740991")).toBe(2 ** 53 - 1);
  });
  test("not written as a positive integer: one message", () => {
    for (const n of ["12x", "x12", "1 2", "1e3", "-3", "1.0", "", " ", "++1", "0x10", "١٢", null, true, [3]]) {
      const e = inputError(() => parseN(n));
      expect(e.field).toBe("n");
      expect(e.reason, JSON.stringify(n)).toBe("must be a positive integer");
    }
  });
  test("an integer out of range: another", () => {
    for (const n of [0, -1, 1.5, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, "0", "9007199254740992", "9007199254740993", "99999999999999999999"]) {
      const e = inputError(() => parseN(n));
      expect(e.reason, String(n)).toBe("must be a positive integer no larger than 2^53 - 1");
    }
    expect(inputError(() => parseN(0, "components[1].n")).field).toBe("components[1].n");
  });
});

describe("eps and logEps", () => {
  test("eps in (0, 1]", () => {
    expect(parseEps(1)).toEqual({ num: 1n, den: 1n, double: 1, twos: 0, fives: 0 });
    expect(parseEps("1e-300")).toEqual({ num: 1n, den: 10n ** 300n, twos: 300, fives: 300 });
    for (const eps of [0, -0.5, 1.5, "1.0000001", "0/3"]) {
      const e = inputError(() => parseEps(eps));
      expect(e.message.startsWith("eps: must be in (0, 1], got")).toBe(true);
    }
  });
  test("logEps <= 0", () => {
    expect(parseLogEps(0)).toEqual({ num: 0n, den: 1n, double: 0, twos: 0, fives: 0 });
    expect(parseLogEps("-1e9")).toEqual({ num: -(10n ** 9n), den: 1n, twos: 0, fives: 0 });
    expect(inputError(() => parseLogEps(1e-300)).message).toBe("logEps: must be <= 0 (it is the log of a probability), got 1e-300");
  });
  test("exactly one of eps and logEps", () => {
    expect(parseEpsArgument({ eps: 0.5 })).toEqual({ kind: "eps", value: { num: 1n, den: 2n, double: 0.5, twos: 1, fives: 0 } });
    expect(parseEpsArgument({ logEps: -2 })).toEqual({ kind: "logEps", value: { num: -2n, den: 1n, double: -2, twos: 0, fives: 0 } });
    expect(inputError(() => parseEpsArgument({ eps: 0.5, logEps: -1 })).message).toBe("eps: give either eps or logEps, not both, got 0.5");
    const none = inputError(() => parseEpsArgument({}));
    expect(none.message).toBe("eps: one of eps or logEps is required, got undefined");
    expect(inputError(() => parseEpsArgument({ logEps: 3 })).field).toBe("logEps");
    expect(inputError(() => parseEpsArgument({ eps: 3 })).field).toBe("eps");
  });
});
