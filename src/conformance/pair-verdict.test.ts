import { describe, expect, test } from "vitest";
import { JobStats } from "./job-stats.ts";
import { MIN_GRADED_SHARE, pairVerdict, unsupportedReason } from "./pair-verdict.ts";
import { distributionCase, failing, grade } from "./fixtures/grades.ts";
import type { CaseGrade } from "./grade.ts";

const c = distributionCase([0.5, 0.5], 2);

function stats(...grades: CaseGrade[]): JobStats {
  const s = new JobStats();
  grades.forEach((g, i) => s.add(i, c, g));
  return s;
}

const pass = grade();
const skip = grade({ status: "skip", why: "unsupported: r", error: null, ratio: Number.NaN });
const notRun = grade({ status: "not-run", why: "not sent: the subject was stopped because it crashed", error: null, ratio: Number.NaN });
const times = (n: number, g: CaseGrade): CaseGrade[] => Array<CaseGrade>(n).fill(g);

describe("unsupportedReason", () => {
  test("the protocol's prefix is said once", () => {
    expect(unsupportedReason("unsupported: r")).toBe("r");
    expect(unsupportedReason("Unsupported decimal-string argument p[1]")).toBe("decimal-string argument p[1]");
    expect(unsupportedReason("unsupported")).toBe("no reason given");
    expect(unsupportedReason(undefined)).toBe("no reason given");
    expect(unsupportedReason("unsupportedness")).toBe("unsupportedness");
    expect(unsupportedReason("  r and logEps ")).toBe("r and logEps");
    expect(unsupportedReason("unsupported:r")).toBe("r");
    expect(unsupportedReason("not unsupported: x")).toBe("not unsupported: x");
  });
});

describe("graded pairs", () => {
  test("PASS: no failure, at least half graded; the remark counts what was not graded", () => {
    expect(pairVerdict("graded", stats(pass, pass))).toEqual({ verdict: "PASS", remark: "" });
    expect(pairVerdict("graded", stats(pass, skip))).toEqual({ verdict: "PASS", remark: "1 unsupported (r)" });
    expect(pairVerdict("graded", stats(pass, notRun))).toEqual({ verdict: "PASS", remark: "1 not run (the subject was stopped because it crashed)" });
    expect(MIN_GRADED_SHARE).toBe(0.5);
  });

  test("FAIL whenever a case failed, with the number of classes when several", () => {
    expect(pairVerdict("graded", stats(pass, failing("value")))).toEqual({ verdict: "FAIL", remark: "1 of 2 cases failed" });
    const two = stats(failing("value"), skip, failing("value"));
    expect(pairVerdict("graded", two)).toEqual({ verdict: "FAIL", remark: "2 of 3 cases failed; 1 unsupported (r)" });
    expect(pairVerdict("graded", stats(failing("value"), failing("non-finite"))).remark).toBe("2 of 2 cases failed (2 failure classes)");
    const classes = new JobStats();
    classes.add(0, c, failing("value"));
    classes.add(1, distributionCase([0.5, 0.5], 2, [1, 1]), failing("value"));
    expect(pairVerdict("graded", classes)).toEqual({ verdict: "FAIL", remark: "2 of 2 cases failed (2 failure classes)" });
    // a failure outweighs any share of ungraded cases
    expect(pairVerdict("graded", stats(failing("fault"), ...times(9, notRun))).verdict).toBe("FAIL");
  });

  test("NOT RUN when nothing was graded and some case never ran; SKIP when everything was unsupported", () => {
    expect(pairVerdict("graded", stats(notRun, notRun))).toEqual({ verdict: "NOT RUN", remark: "never graded: 2 not run (the subject was stopped because it crashed)" });
    expect(pairVerdict("graded", stats(skip, notRun))).toEqual({ verdict: "NOT RUN", remark: "never graded: 1 unsupported (r); 1 not run (the subject was stopped because it crashed)" });
    expect(pairVerdict("graded", stats(skip, skip))).toEqual({ verdict: "SKIP", remark: "every case unsupported: r" });
  });

  test("a not-run reason is shown without the runner's 'not sent: ' prefix (only at its start)", () => {
    const odd = grade({ status: "not-run", why: "it was not sent: x", error: null, ratio: Number.NaN });
    expect(pairVerdict("graded", stats(odd)).remark).toBe("never graded: 1 not run (it was not sent: x)");
  });

  test("INCONCLUSIVE when fewer than half the cases were graded; exactly half is enough", () => {
    expect(pairVerdict("graded", stats(pass, skip, notRun, notRun)).remark).toBe(
      "only 1 of 4 cases graded (at least half are needed for a verdict); 1 unsupported (r); 2 not run (the subject was stopped because it crashed)",
    );
    expect(pairVerdict("graded", stats(pass, ...times(2, skip)))).toEqual({ verdict: "INCONCLUSIVE", remark: "only 1 of 3 cases graded (at least half are needed for a verdict); 2 unsupported (r)" });
    expect(pairVerdict("graded", stats(pass, skip)).verdict).toBe("PASS");
    expect(pairVerdict("graded", stats(pass, pass, ...times(3, notRun))).verdict).toBe("INCONCLUSIVE");
    expect(pairVerdict("graded", stats(...times(49, pass), ...times(51, skip))).verdict).toBe("INCONCLUSIVE");
    expect(pairVerdict("graded", stats(...times(50, pass), ...times(50, skip))).verdict).toBe("PASS");
  });
});

describe("informational domains", () => {
  test("invalid: counts of errors, numbers and faults; never a failure", () => {
    const s = stats(grade({ status: "rejected" }), grade({ status: "accepted" }), grade({ status: "rejected" }));
    expect(pairVerdict("invalid", s)).toEqual({ verdict: "INFO", remark: "invalid inputs: 2 rejected, 1 accepted" });
    const faulted = stats(grade({ status: "faulted" }), skip, notRun);
    expect(pairVerdict("invalid", faulted)).toEqual({ verdict: "INFO", remark: "invalid inputs: 0 rejected, 0 accepted, 1 faulted, 1 unsupported (r), 1 not run (the subject was stopped because it crashed)" });
  });

  test("normalisation: p / sum(p), p as given, both, neither", () => {
    const s = stats(pass, grade({ asGiven: true }), failing("value", { asGiven: true, reading: "matches p as given" }), failing("value", { asGiven: false }), failing("non-finite"));
    expect(pairVerdict("normalisation", s)).toEqual({
      verdict: "INFO",
      remark: "sum(p) off 1: 1 match p / sum(p), 1 match p as given (not normalised), 1 match both (sum(p) too close to 1 to tell), 2 neither",
    });
  });
});

describe("PASS with notes", () => {
  test("a passing pair's notes are joined with '; '", () => {
    expect(pairVerdict("graded", stats(pass, pass, pass, skip, notRun))).toEqual({
      verdict: "PASS",
      remark: "1 unsupported (r); 1 not run (the subject was stopped because it crashed)",
    });
  });
});
