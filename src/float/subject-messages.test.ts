/** The float library's module-subject form: the exact wording of what it declines and refuses. */
import { describe, expect, test } from "vitest";
import { BonklError, InputError } from "../errors.ts";
import { OP_NAMES } from "../protocol/messages.ts";
import * as subject from "./subject.ts";

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected a throw");
}

describe("declined: decimal strings", () => {
  test("names the argument, and the entry of an array", () => {
    const cases: [() => unknown, string][] = [
      [() => subject.bonPmf({ p: [0.5, "0.5"], n: 2 }), "p[1]"],
      [() => subject.bonPmf({ p: [0.5, 0.5], n: "2" }), "n"],
      [() => subject.klBon({ p: [0.5, 0.5], n: 2, r: [1, "2"] }), "r[1]"],
      [() => subject.klBon({ p: "0.5", n: 2 }), "p"],
      [() => subject.klFormula({ n: "10" }), "n"],
      [() => subject.klEstimate({ n: 3, eps: "1e-30" }), "eps"],
      [() => subject.klEstimate({ n: "3", eps: 0.5 }), "n"],
      [() => subject.klEstimateUpper({ n: 3, logEps: "-1" }), "logEps"],
      [() => subject.klEstimate({ n: 3, logEps: "-1" }), "logEps"],
      [() => subject.klEstimateUpper({ n: "3", eps: 0.5 }), "n"],
      [() => subject.klEstimateUpper({ n: 3, eps: "0.5" }), "eps"],
      [() => subject.renyi2({ p: ["1/3", "2/3"] }), "p[0]"],
    ];
    for (const [call, field] of cases) {
      const e = thrown(call);
      expect(e).toBeInstanceOf(subject.UnsupportedError);
      expect(e).toBeInstanceOf(BonklError);
      expect(e.message).toBe(`unsupported: decimal-string argument ${field} (this subject computes in binary64)`);
      expect((e as BonklError).code).toBe("UNSUPPORTED");
      expect(e.name).toBe("UnsupportedError");
    }
  });
  test("other fields may hold strings", () => {
    expect(subject.klFormula({ n: 4, note: "x" })).toBe(subject.klFormula({ n: 4 }));
    expect(subject.renyi2({ p: [0.5, 0.5], n: "ignored" })).toBe(subject.renyi2({ p: [0.5, 0.5] }));
  });
});

describe("refused: not an object", () => {
  test("args must be a plain object for every op", () => {
    for (const op of [subject.bonPmf, subject.klBon, subject.klFormula, subject.klEstimate, subject.klEstimateUpper, subject.renyi2]) {
      for (const args of [null, [1], 3, "x", undefined]) {
        const e = thrown(() => op(args));
        expect(e).toBeInstanceOf(InputError);
        expect((e as InputError).field).toBe("args");
        expect((e as InputError).reason).toBe("must be an object");
      }
    }
  });
  test("estimators get exactly eps or logEps", () => {
    expect(subject.klEstimate({ n: 3, logEps: -1 })).toBeGreaterThan(0);
    expect((thrown(() => subject.klEstimate({ n: 3 })) as InputError).field).toBe("eps");
    expect((thrown(() => subject.klEstimateUpper({ n: 3, eps: 0.5, logEps: -1 })) as InputError).reason).toMatch(/not both/);
  });
  test("capabilities: a fresh copy of the protocol's op list each time", () => {
    const a = subject.capabilities();
    a.pop();
    expect(subject.capabilities()).toEqual([...OP_NAMES]);
  });
});
