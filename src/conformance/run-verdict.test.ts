import { describe, expect, test } from "vitest";
import type { OpDomainResult, Verdict } from "./report.ts";
import { INTERRUPTED_EXIT_STATUS, runVerdict, ungradedNote } from "./run-verdict.ts";

function result(op: string, domain: string, verdict: Verdict, remark = "", accurate: "accurate" | "not accurate" | null = "accurate"): OpDomainResult {
  return { op, domain, verdict, remark, accuracy: { verdict: accurate } } as unknown as OpDomainResult;
}

describe("runVerdict", () => {
  test("PASS: every graded pair passed (SKIP and INFO aside), exit 0", () => {
    const v = runVerdict([result("bonPmf", "standard", "PASS"), result("klBon", "invalid", "INFO", "", null)], false, null, 12_345);
    expect(v).toEqual({ verdict: "PASS", exitStatus: 0, summary: "PASS: every checked op passed in every checked domain (1 op x domain pairs graded, 12.3 s)" });
  });

  test("PASS says what it skipped and what is within tolerance but not accurate (not under --strict)", () => {
    const results = [result("bonPmf", "standard", "PASS", "", "not accurate"), result("klBon", "ties", "SKIP", "every case unsupported: r", null), result("klBon", "standard", "PASS")];
    expect(runVerdict(results, false, null, 1000).summary).toBe(
      "PASS: every checked op passed in every checked domain (2 op x domain pairs graded; 1 skipped as unsupported; 1 within tolerance but not accurate (see --strict), 1.0 s)",
    );
    expect(runVerdict(results, false, null, 1000, true).summary).toBe("PASS: every checked op passed in every checked domain (--strict: accurate) (2 op x domain pairs graded; 1 skipped as unsupported, 1.0 s)");
  });

  test("FAIL: some pair failed, exit 1; pairs not graded are named after it", () => {
    const results = [result("bonPmf", "standard", "FAIL"), result("klBon", "standard", "PASS"), result("klBon", "ties", "NOT RUN", "never graded")];
    expect(runVerdict(results, false, "it crashed 3 times", 2000)).toEqual({
      verdict: "FAIL",
      exitStatus: 1,
      summary: "FAIL: 1 of 2 graded op x domain pairs failed; 1 pair(s) NOT RUN (klBon in ties: the subject was stopped because it crashed 3 times) (2.0 s)",
    });
    expect(runVerdict([result("bonPmf", "standard", "FAIL")], false, null, 0, true).summary).toBe("FAIL: 1 of 1 graded op x domain pairs failed (--strict: accurate) (0.0 s)");
  });

  test("INCOMPLETE: no failure but pairs NOT RUN or INCONCLUSIVE: exit 1, never 0", () => {
    const results = [result("bonPmf", "standard", "PASS"), result("klBon", "standard", "INCONCLUSIVE", "only 1 of 10 cases graded"), result("bonPmf", "ties", "NOT RUN", "never graded: 10 not run (x)")];
    expect(runVerdict(results, false, null, 500)).toEqual({
      verdict: "INCOMPLETE",
      exitStatus: 1,
      summary:
        "INCOMPLETE: no graded pair failed (1 graded), but 1 pair(s) NOT RUN (bonPmf in ties: never graded: 10 not run (x)); 1 pair(s) INCONCLUSIVE, fewer than half their cases graded (klBon in standard) (0.5 s)",
    });
  });

  test("INTERRUPTED: exit 130, whatever was graded", () => {
    expect(runVerdict([result("bonPmf", "standard", "FAIL"), result("klBon", "standard", "PASS")], true, null, 3000)).toEqual({
      verdict: "INTERRUPTED",
      exitStatus: INTERRUPTED_EXIT_STATUS,
      summary: "INTERRUPTED: partial report, 2 op x domain pairs graded, 1 failed before the interruption (3.0 s)",
    });
    expect(runVerdict([], true, null, 0).summary).toBe("INTERRUPTED: partial report, 0 op x domain pairs graded before the interruption (0.0 s)");
    expect(INTERRUPTED_EXIT_STATUS).toBe(130);
  });
});

describe("ungradedNote", () => {
  test("empty when every pair was graded", () => {
    expect(ungradedNote([result("bonPmf", "standard", "PASS"), result("klBon", "standard", "SKIP")], "x")).toBe("");
  });

  test("NOT RUN pairs are explained by why the subject stopped, else by their remark", () => {
    const notRun = [result("bonPmf", "ties", "NOT RUN", "never graded: 3 not run (y)"), result("klBon", "ties", "NOT RUN", "z")];
    expect(ungradedNote(notRun, null)).toBe("2 pair(s) NOT RUN (bonPmf in ties, klBon in ties: never graded: 3 not run (y))");
    expect(ungradedNote(notRun, "it hung")).toBe("2 pair(s) NOT RUN (bonPmf in ties, klBon in ties: the subject was stopped because it hung)");
  });
});
