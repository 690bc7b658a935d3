import { describe, expect, test } from "vitest";
import type { Answer } from "../subject/subject.ts";
import { gradeCase } from "./grade.ts";
import { OracleCache } from "./oracle-cache.ts";
import { parsedCase } from "./case.ts";

const oracle = new OracleCache();
const value = (v: unknown): Answer => ({ kind: "value", id: 1, value: v as number, raw: null });
const args = { p: [0.5, 0.5], n: 2 };
const GRADED = { kind: "graded" } as const;
const INVALID = { kind: "invalid" } as const;

describe("gradeCase", () => {
  test("a value within tolerance passes; error and ratio are reported", () => {
    const g = gradeCase("bonPmf", args, value([0.25, 0.75]), GRADED, oracle);
    expect(g.status).toBe("pass");
    expect(g.error).toBe(0);
    expect(g.ratio).toBe(0);
    const near = gradeCase("klBon", args, value(0.13081203594113696), GRADED, oracle);
    expect(near.status).toBe("pass");
    expect(near.ratio).toBeLessThan(0.01);
  });

  test("a value beyond tolerance fails, naming the entry, with the oracle's enclosure", () => {
    const g = gradeCase("bonPmf", args, value([0.75, 0.25]), GRADED, oracle);
    expect(g.status).toBe("fail");
    expect(g.entry).toBe(0);
    expect(g.error).toBe(0.5);
    const [lo, hi] = g.expected!.map(Number);
    expect(lo! <= 0.25 && 0.25 <= hi!).toBe(true);
    expect(g.why).toMatch(/off by 0.500/);
  });

  test("decimal-string answers are compared exactly", () => {
    const exact = "0.1308120359411369591292018062337177104";
    // 37 correct digits: within 1e-37 of the exact value, so within 1e-30 of the enclosure (a double could not be).
    expect(gradeCase("klBon", args, value(exact), GRADED, oracle).error).toBeLessThan(1e-30);
    expect(gradeCase("klBon", args, value("0.1308"), GRADED, oracle).status).toBe("fail");
  });

  test("zero-mass outcomes must be exactly 0", () => {
    const zero = { p: [0.5, 0, 0.5], n: 2 };
    expect(gradeCase("bonPmf", zero, value([0.25, 0, 0.75]), GRADED, oracle).status).toBe("pass");
    const g = gradeCase("bonPmf", zero, value([0.25, 1e-300, 0.75]), GRADED, oracle);
    expect(g.status).toBe("fail");
    expect(g.ratio).toBe(Number.POSITIVE_INFINITY);
  });

  test("wrong shapes, error answers, unsupported answers and faults", () => {
    expect(gradeCase("bonPmf", args, value([0.25]), GRADED, oracle).why).toBe("1 entries for 2 outcomes");
    const error: Answer = { kind: "error", id: 2, message: "p must sum to 1" };
    expect(gradeCase("klBon", args, error, GRADED, oracle)).toMatchObject({ status: "fail", requestId: 2 });
    expect(gradeCase("klBon", args, error, INVALID, oracle).status).toBe("rejected");
    expect(gradeCase("klBon", args, value(0.1), INVALID, oracle).status).toBe("accepted");
    const unsupported: Answer = { kind: "unsupported", id: 3, message: "unsupported: r" };
    expect(gradeCase("klBon", args, unsupported, GRADED, oracle)).toMatchObject({ status: "skip", why: "unsupported: r" });
    const timeout: Answer = { kind: "fault", id: 4, fault: "timeout", detail: "no answer" };
    expect(gradeCase("klBon", args, timeout, GRADED, oracle)).toMatchObject({ status: "fail", failure: "fault", fault: "timeout" });
    expect(gradeCase("klBon", args, timeout, INVALID, oracle).status).toBe("faulted");
    // A NaN is a wrong answer to shrink like any other, not a costly fault.
    const nan: Answer = { kind: "fault", id: 5, fault: "invalid-response", detail: "value is NaN" };
    expect(gradeCase("klBon", args, nan, GRADED, oracle)).toMatchObject({ status: "fail", failure: "non-finite" });
  });

  test("the oracle is not consulted for answers that need no value", () => {
    const fresh = new OracleCache();
    gradeCase("klBon", args, { kind: "error", id: 1, message: "x" }, GRADED, fresh);
    gradeCase("klBon", args, { kind: "unsupported", id: 1, message: "unsupported" }, GRADED, fresh);
    expect(fresh.computations).toBe(0);
  });

  test("oracle values are cached by op and canonical args", () => {
    const fresh = new OracleCache();
    fresh.get("klBon", parsedCase({ p: [0.5, 0.5], n: 2 }));
    fresh.get("klBon", parsedCase({ n: 2, p: [0.5, 0.5] }));
    expect(fresh.computations).toBe(1);
    expect(fresh.hits).toBe(1);
  });
});
