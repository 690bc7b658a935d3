// `bonkl serve` when the oracle itself fails (a bug, not bad input): the request still gets its own error body,
// marked internal, and the server goes on. The oracle is replaced by one that fails on purpose for two ops (passed in,
// not module-mocked: the suite shares its modules between test files).
import { describe, expect, test } from "vitest";
import { compute } from "../oracle/index.ts";
import { oracleAnswer } from "./oracle-answer.ts";
import { answerLine } from "./answer-line.ts";

const failing: typeof compute = (name, ...rest) => {
  if (name === "failsWithError") throw new RangeError("arena used after release");
  if (name === "failsWithNonError") throw 42;
  return compute(name, ...rest);
};

describe("an oracle failure is an internal error for that request only", () => {
  test("an Error: its message, marked internal", () => {
    expect(oracleAnswer("failsWithError", {}, 5, failing)).toEqual({ error: "internal error: arena used after release" });
  });

  test("a thrown non-Error value is shown as text", () => {
    expect(oracleAnswer("failsWithNonError", {}, 5, failing)).toEqual({ error: "internal error: 42" });
  });

  test("the next request is answered normally", () => {
    expect(oracleAnswer("klFormula", { n: 1 }, 5, failing)).toEqual({ value: "0", enclosure: ["0", "0"] });
    expect(JSON.parse(answerLine(JSON.stringify({ id: 3, op: "klFormula", args: { n: 1 } }), { digits: 5 }) as string)).toEqual({ id: 3, value: "0", enclosure: ["0", "0"] });
  });
});
