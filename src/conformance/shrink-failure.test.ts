import { describe, expect, test } from "vitest";
import { type Case, collectCases } from "./case.ts";
import type { CaseGrade } from "./grade.ts";
import { standard } from "./domains/standard.ts";
import { shrinkFailure } from "./shrink-failure.ts";

function grade(status: CaseGrade["status"], fault = false): CaseGrade {
  const failure = status !== "fail" ? null : fault ? "fault" : "value";
  return { status, failure, why: status, error: null, tolerance: null, ratio: Number.POSITIVE_INFINITY, entry: null, answer: null, expected: null, requestId: 0, fault: fault ? "timeout" : null, accuracy: null, asGiven: null, reading: null };
}

describe("collectCases and shrinkFailure", () => {
  const family = standard.ops.bonPmf!;

  test("collecting is deterministic in the seed", async () => {
    const a = await collectCases(family.arbitrary, 42, 20);
    const b = await collectCases(family.arbitrary, 42, 20);
    expect(a).toEqual(b);
    expect(a).toHaveLength(20);
  });

  test("replaying path k gives the k-th collected case, and shrinking reaches a small input", async () => {
    const cases = await collectCases(family.arbitrary, 42, 30);
    for (const k of [0, 7, 29]) {
      // Fails whenever L >= 3: shrinks to L = 3.
      const evaluate = async (c: Case) => grade((c.args.p as number[]).length >= 3 ? "fail" : "pass");
      const target = cases.findIndex((c, i) => i >= k && (c.args.p as number[]).length >= 3);
      const shrunk = await shrinkFailure(family.arbitrary, 42, target, cases[target]!, evaluate, 10_000);
      expect(shrunk!.path.startsWith(`${target}:`)).toBe(true); // fast-check's path of the shrunk case
      expect((shrunk!.failing.args.p as number[]).length).toBe(3);
      expect(shrunk!.failing.args.n).toBe(1);
    }
  });

  test("costly faults are not followed while shrinking; a case that passes on replay gives null", async () => {
    const cases = await collectCases(family.arbitrary, 42, 5);
    // a replay that does not give the case handed in (a wrong index): nothing to shrink from
    expect(await shrinkFailure(family.arbitrary, 42, 2, cases[3]!, async () => grade("fail"), 5_000)).toBeNull();
    expect(await shrinkFailure(family.arbitrary, 42, 2, cases[2]!, async () => grade("fail", true), 5_000)).toBeNull();
    expect(await shrinkFailure(family.arbitrary, 42, 2, cases[2]!, async () => grade("pass"), 5_000)).toBeNull();
  });

  test("shrinking keeps only candidates that still show the failure being shrunk", async () => {
    const cases = await collectCases(family.arbitrary, 42, 30);
    const target = cases.findIndex((c) => (c.args.p as number[]).length >= 5);
    // every case fails, but only candidates with at least 5 outcomes are kept: shrinking stops at 5, not 1
    const shrunk = await shrinkFailure(family.arbitrary, 42, target, cases[target]!, async () => grade("fail"), 10_000, (c) => (c.args.p as number[]).length >= 5);
    expect((shrunk!.failing.args.p as number[]).length).toBe(5);
    const free = await shrinkFailure(family.arbitrary, 42, target, cases[target]!, async () => grade("fail"), 10_000);
    expect((free!.failing.args.p as number[]).length).toBe(1);
    // a candidate the evaluation cannot grade (a bonkl-side problem) is not held against the subject
    let first = true;
    const throwing = await shrinkFailure(family.arbitrary, 42, target, cases[target]!, async () => {
      if (first) {
        first = false;
        return grade("fail");
      }
      throw new Error("oracle trouble");
    }, 10_000);
    expect(throwing?.shrinks).toBe(0);
    expect(throwing?.failing).toEqual(cases[target]);
  });
});

