import { describe, expect, test } from "vitest";
import { InputError } from "../errors.ts";
import { OP_NAMES } from "../protocol/messages.ts";
import * as lib from "./index.ts";
import * as subject from "./subject.ts";

describe("subject (protocol JS-module form)", () => {
  test("capabilities lists every op of protocol version 1, each exported as a function", () => {
    const caps = subject.capabilities({});
    expect(caps).toEqual([...OP_NAMES]);
    for (const op of caps) expect(typeof (subject as Record<string, unknown>)[op]).toBe("function");
  });

  test("each op forwards its args object to the library", () => {
    const p = [0.1, 0.2, 0.3, 0.4];
    expect(subject.bonPmf({ p, n: 5 })).toEqual(lib.bonPmf(p, 5));
    expect(subject.bonPmf({ p, n: 5, r: [4, 3, 2, 1] })).toEqual(lib.bonPmf(p, 5, [4, 3, 2, 1]));
    expect(subject.klBon({ p, n: 5 })).toBe(lib.klBon(p, 5));
    expect(subject.klBon({ p, n: 5, r: [1, 1, 2, 2] })).toBe(lib.klBon(p, 5, [1, 1, 2, 2]));
    expect(subject.klFormula({ n: 9 })).toBe(lib.klFormula(9));
    expect(subject.klEstimate({ n: 9, eps: 0.01 })).toBe(lib.klEstimate(9, { eps: 0.01 }));
    expect(subject.klEstimate({ n: 9, logEps: -1e5 })).toBe(lib.klEstimate(9, { logEps: -1e5 }));
    expect(subject.klEstimateUpper({ n: 9, eps: 0.01 })).toBe(lib.klEstimateUpper(9, { eps: 0.01 }));
    expect(subject.klEstimateUpper({ n: 9, logEps: -3 })).toBe(lib.klEstimateUpper(9, { logEps: -3 }));
    expect(subject.renyi2({ p })).toBe(lib.renyi2(p));
  });

  test("extra fields are ignored", () => {
    expect(subject.klFormula({ n: 4, comment: "x" })).toBe(lib.klFormula(4));
  });

  test("decimal-string arguments are declined as unsupported", () => {
    const calls: (() => unknown)[] = [
      () => subject.bonPmf({ p: ["0.5", "0.5"], n: 2 }),
      () => subject.bonPmf({ p: [0.5, 0.5], n: "2" }),
      () => subject.klBon({ p: [0.5, 0.5], n: 2, r: ["1", 2] }),
      () => subject.klFormula({ n: "10" }),
      () => subject.klEstimate({ n: 3, eps: "1e-30" }),
      () => subject.klEstimateUpper({ n: 3, logEps: "-1" }),
      () => subject.renyi2({ p: ["1/3", "2/3"] }),
    ];
    for (const call of calls) expect(call).toThrow(/^unsupported:/);
  });

  test("invalid args throw an InputError naming the field", () => {
    const cases: [() => unknown, string][] = [
      [() => subject.bonPmf({ p: [0.5, -0.5, 1], n: 2 }), "p[1]"],
      [() => subject.klBon({ p: [0.5, 0.5], n: 0 }), "n"],
      [() => subject.klBon({ p: [0.5, 0.5], n: 2, r: [1] }), "r"],
      [() => subject.klFormula({}), "n"],
      [() => subject.klEstimate({ n: 2, eps: 0.5, logEps: -1 }), "eps"],
      [() => subject.klEstimateUpper({ n: 2, logEps: 1 }), "logEps"],
      [() => subject.renyi2({ p: [] }), "p"],
      [() => subject.renyi2(null), "args"],
      [() => subject.klFormula([3]), "args"],
    ];
    for (const [call, field] of cases) {
      try {
        call();
        expect.unreachable(`expected an InputError for ${field}`);
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        expect((e as InputError).field).toBe(field);
      }
    }
  });
});
