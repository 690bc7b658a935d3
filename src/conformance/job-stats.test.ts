import { describe, expect, test } from "vitest";
import { JobStats, Range } from "./job-stats.ts";
import { accuracy, distributionCase, failing, grade } from "./fixtures/grades.ts";

describe("Range", () => {
  test("widens as values come; ignores null and NaN", () => {
    const r = new Range();
    expect([r.min, r.max]).toEqual([null, null]);
    r.add(3);
    r.add(null);
    r.add(Number.NaN);
    expect([r.min, r.max]).toEqual([3, 3]);
    r.add(1);
    r.add(7);
    r.add(5);
    expect([r.min, r.max]).toEqual([1, 7]);
  });
});

describe("JobStats", () => {
  const small = distributionCase([0.5, 0.5], 2);
  const tied = distributionCase([0.25, 0.75], 9, [1, 1]);

  test("counts by status, first failure, worst error and ratio", () => {
    const s = new JobStats();
    s.add(0, small, grade({ error: 1e-17, ratio: 0.01 }));
    s.add(1, small, grade({ status: "skip", why: "unsupported: r", error: null, ratio: Number.NaN }));
    s.add(2, small, failing("value", { error: 0.5, ratio: 3 }));
    s.add(3, small, grade({ status: "not-run", why: "not sent", error: null, ratio: Number.NaN }));
    s.add(4, small, grade({ status: "rejected", error: null, ratio: Number.NaN }));
    s.add(5, small, grade({ status: "accepted", error: null, ratio: Number.NaN }));
    s.add(6, small, grade({ status: "faulted", error: null, ratio: Number.NaN }));
    s.add(7, small, failing("value", { error: 0.25, ratio: 9 }));
    s.add(8, small, failing("non-finite"));
    expect({ cases: s.cases, passed: s.passed, failed: s.failed, skipped: s.skipped, notRun: s.notRun, rejected: s.rejected, accepted: s.accepted, faulted: s.faulted }).toEqual({
      cases: 9,
      passed: 1,
      failed: 3,
      skipped: 1,
      notRun: 1,
      rejected: 1,
      accepted: 1,
      faulted: 1,
    });
    expect(s.firstFailure).toBe(2);
    expect(s.worstError).toBe(0.5);
    expect(s.worstRatio).toBe(9); // infinite ratios (non-numeric failures) are not "worst ratios"
    expect(s.worst?.index).toBe(8); // ... but they are the worst case
    expect(s.skipReasons).toEqual(["unsupported: r"]);
    expect(s.notRunReasons).toEqual(["not sent"]);
  });

  test("reasons are kept once each, at most 5", () => {
    const s = new JobStats();
    for (let i = 0; i < 8; i++) s.add(i, small, grade({ status: "skip", why: `unsupported: ${i % 6}`, error: null, ratio: Number.NaN }));
    expect(s.skipReasons).toEqual(["unsupported: 0", "unsupported: 1", "unsupported: 2", "unsupported: 3", "unsupported: 4"]);
  });

  test("the worst case of an informational domain: the first accepted answer, else the first fault", () => {
    const s = new JobStats();
    s.add(0, small, grade({ status: "faulted", error: null, ratio: Number.NaN }));
    s.add(1, small, grade({ status: "faulted", error: null, ratio: Number.NaN }));
    expect(s.worst?.index).toBe(0);
    s.add(2, small, grade({ status: "accepted", error: null, ratio: Number.NaN }));
    s.add(3, small, grade({ status: "accepted", error: null, ratio: Number.NaN }));
    expect(s.worst?.index).toBe(2);
  });

  test("failure classes: by shape and kind, in order of first case, with the worst case and the magnitudes", () => {
    const s = new JobStats();
    s.add(0, distributionCase([0.5, 0.5], 4), failing("value", { error: 0.1, ratio: 2 }));
    s.add(1, tied, failing("value", { error: 0.1, ratio: 5 }));
    s.add(2, distributionCase([1e-9, 1 - 1e-9], 300), failing("value", { error: 0.2, ratio: 2 }));
    s.add(3, distributionCase([0.25, 0.75], 20), failing("value", { error: 0.3, ratio: 2 }));
    s.add(4, distributionCase([0.5, 0.5], 1), grade());
    expect([...s.classes.keys()]).toEqual(["in-order/value", "ties/value"]);
    const inOrder = s.classes.get("in-order/value")!;
    expect(inOrder.count).toBe(3);
    expect(inOrder.firstIndex).toBe(0);
    expect(inOrder.worst?.index).toBe(3); // equal ratios: the larger error
    expect([inOrder.n.min, inOrder.n.max]).toEqual([4, 300]);
    expect([inOrder.small.min, inOrder.small.max]).toEqual([1e-9, 0.5]);
    expect(s.classes.get("ties/value")!.worst?.index).toBe(1);
  });

  test("a worse ratio wins over a larger error; a NaN ratio never wins", () => {
    const s = new JobStats();
    s.add(0, small, failing("value", { error: 1, ratio: 2 }));
    s.add(1, small, failing("value", { error: 0.1, ratio: 20 }));
    s.add(2, small, failing("value", { error: 5, ratio: Number.NaN }));
    expect(s.classes.get("in-order/value")!.worst?.index).toBe(1);
  });

  test("as given: failing answers matching p as given; indistinct: passing answers matching both", () => {
    const s = new JobStats();
    s.add(0, small, failing("value", { reading: "matches p as given", asGiven: true }));
    s.add(1, small, grade({ asGiven: true }));
    s.add(2, small, grade({ asGiven: false }));
    s.add(3, small, failing("value", { asGiven: false }));
    expect([s.asGiven, s.indistinct]).toEqual([1, 1]);
  });

  test("accuracy: compared and accurate cases, the worst relative error and the worst case against the bound", () => {
    const s = new JobStats();
    s.add(0, small, grade({ accuracy: accuracy({ ratio: 0.5, relativeErrorU: 3 }) }));
    s.add(1, small, grade({ accuracy: accuracy({ ratio: 0.9, relativeErrorU: 1 }) }));
    s.add(2, small, grade());
    expect([s.compared, s.accurate, s.worstRelativeErrorU, s.worstAccuracy?.index]).toEqual([2, 2, 3, 1]);
    s.add(3, small, grade({ accuracy: accuracy({ ratio: 1.5, accurate: false, relativeErrorU: 2 }) }));
    s.add(4, small, grade({ accuracy: accuracy({ ratio: 0.95, relativeErrorU: 2 }) }));
    s.add(5, small, grade({ accuracy: accuracy({ ratio: 1.2, accurate: false, relativeErrorU: 2 }) }));
    expect([s.compared, s.accurate, s.worstAccuracy?.index]).toEqual([5, 3, 3]);
  });

  test("waits: the longest, and the answered case with the most outcomes; timeouts counted apart", () => {
    const s = new JobStats();
    s.add(0, distributionCase([0.5, 0.5], 2), grade(), 30);
    s.add(1, distributionCase([0.2, 0.3, 0.5], 2), grade(), 10);
    s.add(2, distributionCase([0.2, 0.3, 0.5], 3), grade(), 20);
    s.add(3, distributionCase([0.1, 0.2, 0.3, 0.4], 2), failing("fault", { fault: "timeout" }), 500);
    s.add(4, distributionCase([0.1, 0.9], 2), failing("fault", { fault: "crashed" }), 400);
    s.add(5, distributionCase([0.1, 0.9], 2), grade({ status: "not-run", error: null }), 300);
    s.add(6, distributionCase([0.1, 0.9], 2), grade(), null);
    expect(s.slowest).toEqual({ ms: 30, index: 0, label: "L=2 n=2", outcomes: 2 });
    expect(s.largest).toEqual({ ms: 20, index: 2, label: "L=3 n=3", outcomes: 3 });
    expect([s.timeouts, s.timedOutOutcomes]).toEqual([1, 4]);
    const scalar = new JobStats();
    scalar.add(0, { args: { n: 3 }, label: "n=3" }, grade(), 12);
    expect(scalar.slowest).toEqual({ ms: 12, index: 0, label: "n=3", outcomes: 0 });
    expect(scalar.largest).toBeNull();
  });

  test("ties keep the first: the worst case, a class's worst, the least accurate, the slowest and the largest", () => {
    const s = new JobStats();
    s.add(0, small, failing("value", { error: 0.5, ratio: 3, accuracy: accuracy({ accurate: false, ratio: 7 }) }), 10);
    s.add(1, small, failing("value", { error: 0.5, ratio: 3, accuracy: accuracy({ accurate: false, ratio: 7 }) }), 10);
    expect([s.worst?.index, s.classes.get("in-order/value")!.worst?.index, s.worstAccuracy?.index, s.slowest?.index, s.largest?.index]).toEqual([0, 0, 0, 0, 0]);
    s.add(2, small, failing("value", { error: 0.6, ratio: 3 }), 11);
    expect([s.worst?.index, s.classes.get("in-order/value")!.worst?.index, s.slowest?.index, s.largest?.index]).toEqual([2, 2, 2, 2]);
  });

  test("a wrong number (error known) outranks a non-numeric answer at the same infinite ratio", () => {
    const s = new JobStats();
    s.add(0, small, failing("value", { error: 1e-300, ratio: Number.POSITIVE_INFINITY }));
    s.add(1, small, failing("value", { error: null, ratio: Number.POSITIVE_INFINITY }));
    expect(s.classes.get("in-order/value")!.worst?.index).toBe(0);
    expect(s.worst?.index).toBe(0);
    const t = new JobStats();
    t.add(0, small, failing("value", { error: null, ratio: Number.POSITIVE_INFINITY }));
    t.add(1, small, failing("value", { error: 0, ratio: Number.POSITIVE_INFINITY }));
    expect(t.worst?.index).toBe(1);
  });

  test("worst error and ratio: the largest numeric ones; non-finite ratios are not numbers to report", () => {
    const s = new JobStats();
    s.add(0, small, grade({ error: 2e-16, ratio: 0.5 }));
    s.add(1, small, grade({ error: 1e-16, ratio: 0.7 }));
    s.add(2, small, failing("value", { error: 3e-16, ratio: Number.POSITIVE_INFINITY }));
    s.add(3, small, grade({ status: "skip", error: null, ratio: Number.NaN }));
    expect([s.worstError, s.worstRatio]).toEqual([3e-16, 0.7]);
    const none = new JobStats();
    none.add(0, small, grade({ status: "skip", error: null, ratio: Number.NaN }));
    expect([none.worstError, none.worstRatio, none.worst]).toEqual([null, null, null]);
  });

  test("the worst relative error is the largest; the least accurate case: inaccurate first, then error / bound", () => {
    const s = new JobStats();
    s.add(0, small, grade({ accuracy: accuracy({ relativeErrorU: 5, ratio: 2, accurate: false }) }));
    s.add(1, small, grade({ accuracy: accuracy({ relativeErrorU: 2, ratio: 0.9 }) }));
    expect([s.worstRelativeErrorU, s.worstAccuracy?.index]).toEqual([5, 0]);
    s.add(2, small, grade({ accuracy: accuracy({ relativeErrorU: 9, ratio: 3, accurate: false }) }));
    expect([s.worstRelativeErrorU, s.worstAccuracy?.index]).toEqual([9, 2]);
    const first = new JobStats();
    first.add(0, small, grade({ accuracy: accuracy({ relativeErrorU: 0, ratio: 0 }) }));
    expect([first.worstRelativeErrorU, first.worstAccuracy?.index]).toEqual([0, 0]);
  });

  test("a wait only when there is one; the largest case: more outcomes first", () => {
    const s = new JobStats();
    s.add(0, distributionCase([0.5, 0.5], 2), grade(), null);
    expect([s.slowest, s.largest]).toEqual([null, null]);
    s.add(1, distributionCase([0.5, 0.5], 2), grade(), 0);
    expect(s.slowest?.index).toBe(1);
    s.add(2, distributionCase([1], 2), grade(), 50);
    expect([s.slowest?.index, s.largest?.index]).toEqual([2, 1]);
  });
});


describe("JobStats: the running worst ratio and the answers matching both readings", () => {
  test("the worst finite ratio is the largest seen, not the last", () => {
    const s = new JobStats();
    const c = distributionCase([0.5, 0.5], 2);
    s.add(0, c, grade({ ratio: 0.5 }));
    s.add(1, c, grade({ ratio: 0.25 }));
    expect(s.worstRatio).toBe(0.5);
  });

  test("a passing answer counts as matching both readings only when it also matches p as given", () => {
    const s = new JobStats();
    const c = distributionCase([0.5, 0.5], 2);
    s.add(0, c, grade({ asGiven: true }));
    s.add(1, c, grade({ asGiven: false }));
    s.add(2, c, grade({ asGiven: null }));
    expect(s.indistinct).toBe(1);
  });
});

describe("JobStats: the least accurate case", () => {
  test("an inaccurate case is worse than an exact answer to an exact value (bound 0: no finite ratio)", () => {
    const s = new JobStats();
    const c = distributionCase([0.5, 0.5], 2);
    s.add(0, c, grade({ accuracy: accuracy({ bound: 0, ratio: Number.NaN, accurate: true, relativeErrorU: 0 }) }));
    s.add(1, c, grade({ accuracy: accuracy({ bound: 1e-16, ratio: 5, accurate: false, relativeErrorU: 20 }) }));
    expect(s.worstAccuracy?.index).toBe(1);
  });
});
