/**
 * The test-runner integrations: the pairs they register, and each pair's outcome from a real run, with the same report
 * text as `bonkl check` for a failure. The vitest integration is also exercised for real at the end of this file (its
 * tests run as part of this suite); the packaging test of .ci/run runs both integrations from the installed package.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { pairOutcome, plannedPairs, runSuiteCheck, subjectSpecOf } from "./suite.ts";
import { conformanceSuite } from "./vitest.ts";
import { reportOf, resultOf } from "../conformance/fixtures/grades.ts";
import type { Verdict } from "../conformance/report.ts";

const fixture = (name: string): string => fileURLToPath(new URL(`../conformance/fixtures/${name}`, import.meta.url));

describe("conformance suites in a user's test runner", () => {
  test("plan one pair per graded op of each selected domain", () => {
    expect(plannedPairs({ subject: "x.mjs", domains: ["ties"] }).map((p) => p.name)).toEqual(["bonPmf in ties", "klBon in ties"]);
    expect(plannedPairs({ subject: "x.mjs" }).length).toBe(33); // the ops each of the 8 domains grades: 6 + 5 + 5 + 2 + 3 + 3 + 3 + 6
    expect(subjectSpecOf("x.mjs").module).toMatch(/\/x\.mjs$/);
    expect(subjectSpecOf({ command: "python3 s.py" })).toEqual({ command: "python3 s.py" });
  });

  test("a failing pair fails with bonkl check's text (its shrunk example); an unlisted op is skipped with the reason", async () => {
    const report = await runSuiteCheck({ subject: fixture("formula-kl.mjs"), domains: ["standard"], runs: 10 });
    const pairs = plannedPairs({ subject: "", domains: ["standard"] });
    const kl = pairOutcome(report, pairs.find((p) => p.op === "klBon")!);
    expect(kl.kind).toBe("fail");
    const message = kl.kind === "fail" ? kl.message : "";
    expect(message).toContain("klBon in standard");
    expect(message).toMatch(/input: +\{"p":\[1\],"n":2\}/);
    expect(message).toContain("Replay: npx bonkl check");
    const pmf = pairOutcome(report, pairs.find((p) => p.op === "bonPmf")!);
    expect(pmf).toEqual({ kind: "skip", reason: "the subject does not list bonPmf in its capabilities" });
  }, 60_000);

  test("a pair never graded is no pass: NOT RUN and INCONCLUSIVE fail with the reason, informational pairs are skipped", () => {
    const pair = { op: "klBon" as const, domain: "standard", name: "klBon in standard" };
    const outcome = (verdict: Verdict, remark: string) => pairOutcome(reportOf({ results: [resultOf({ op: "klBon", domain: "standard", verdict, remark })] }), pair);
    expect(outcome("NOT RUN", "never graded: 10 not run (the subject stopped)")).toEqual({ kind: "fail", message: "klBon in standard: NOT RUN: never graded: 10 not run (the subject stopped)" });
    expect(outcome("INCONCLUSIVE", "3 of 10 graded")).toEqual({ kind: "fail", message: "klBon in standard: INCONCLUSIVE: 3 of 10 graded" });
    expect(outcome("INFO", "")).toEqual({ kind: "skip", reason: "klBon in standard is informational, never graded" });
    expect(outcome("PASS", "")).toEqual({ kind: "pass" });
  });
});

// The vitest integration itself, on a correct subject: these tests must pass.
conformanceSuite({ subject: fixture("naive-subject.mjs"), domains: ["standard"], runs: 10 });
