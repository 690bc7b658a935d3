// `bonkl serve` when the oracle itself fails (a bug, not bad input): the request still gets its own error line,
// marked internal, and the server goes on. The oracle is replaced by one that fails on purpose for two ops.
import { describe, expect, test, vi } from "vitest";
import { answerLine } from "./oracle-server.ts";

vi.mock("../oracle/index.ts", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../oracle/index.ts")>();
  return {
    ...actual,
    compute: (name: string, ...rest: Parameters<typeof actual.compute> extends [string, ...infer R] ? R : never) => {
      if (name === "failsWithError") throw new RangeError("arena used after release");
      if (name === "failsWithNonError") throw 42;
      return actual.compute(name, ...rest);
    },
  };
});

const answer = (request: object): unknown => JSON.parse(answerLine(JSON.stringify(request), { digits: 5 }) as string);

describe("an oracle failure is an internal error for that request only", () => {
  test("an Error: its message, marked internal", () => {
    expect(answer({ id: 1, op: "failsWithError", args: {} })).toEqual({ id: 1, error: "internal error: arena used after release" });
  });

  test("a thrown non-Error value is shown as text", () => {
    expect(answer({ id: 2, op: "failsWithNonError", args: {} })).toEqual({ id: 2, error: "internal error: 42" });
  });

  test("the next request is answered normally", () => {
    expect(answer({ id: 3, op: "klFormula", args: { n: 1 } })).toEqual({ id: 3, value: "0", enclosure: ["0", "0"] });
  });
});
