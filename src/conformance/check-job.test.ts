import { getEventListeners } from "node:events";
import { describe, expect, test } from "vitest";
import * as float from "../float/subject.ts";
import type { PairTiming } from "./answer-timing.ts";
import type { AskedCase } from "./case-window.ts";
import { ask, askAll, gradeJob, planCases, planJob, type JobContext, type JobPlan } from "./check-job.ts";
import { classOf } from "./failure-class.ts";
import { domainNamed } from "./domains/index.ts";
import { FakeSubject, fault, pending, type OpFunction } from "./fixtures/fake-subject.ts";
import { sharedOracleCache } from "./oracle-cache.ts";
import { RequestRegistry } from "./request-registry.ts";

const correct = float as unknown as Record<string, OpFunction>;

function context(ops: Record<string, OpFunction>, extra: Partial<JobContext> = {}): JobContext & { subject: FakeSubject; timings: PairTiming[] } {
  return { subject: new FakeSubject(ops), oracle: sharedOracleCache, registry: new RequestRegistry(), shrinkTimeLimitMs: 5000, timings: [], ...extra } as JobContext & { subject: FakeSubject; timings: PairTiming[] };
}

async function run(domain: string, op: "bonPmf" | "klBon" | "klFormula" | "klEstimate", ops: Record<string, OpFunction>, runs = 20, extra: Partial<JobContext> = {}) {
  const plan = await planJob(domainNamed(domain)!, op, 11, runs);
  const ctx = context(ops, extra);
  return { plan, ctx, result: await gradeJob(ctx, plan, await askAll(ctx, plan)) };
}

describe("planJob and ask", () => {
  test("a plan is the family's cases for its seed; an op the domain lacks is an error", async () => {
    const plan = await planJob(domainNamed("standard")!, "klBon", 11, 5);
    const cases = await planCases(plan);
    expect(cases).toHaveLength(5);
    expect(await planCases(planJob(domainNamed("standard")!, "bonPmf", 11, 5))).toEqual(cases); // one group, one seed
    expect(await planCases(planJob(domainNamed("large-L")!, "bonPmf", 11, 100))).toHaveLength(2); // runs x share
    expect(() => planJob(domainNamed("ties")!, "klFormula", 11, 5)).toThrow("domain ties has no klFormula cases");
  });

  test("every request is registered with its case", async () => {
    const plan: JobPlan = await planJob(domainNamed("standard")!, "klFormula", 11, 2);
    const ctx = context(correct);
    const cases = await planCases(plan);
    const answer = await ask(ctx, plan, cases[1]!);
    expect(ctx.registry.lookup(answer.id)).toEqual({ id: answer.id, op: "klFormula", domain: "standard", label: cases[1]!.label });
  });
});

describe("gradeJob", () => {
  test("a correct subject: PASS, accurate, no class; waits and the timing record kept", async () => {
    let graded = 0;
    const { result, ctx } = await run("standard", "klBon", correct, 10, { onCase: () => graded++ });
    expect(result).toMatchObject({ op: "klBon", domain: "standard", verdict: "PASS", remark: "", cases: 10, passed: 10, failed: 0, classes: [], counterexample: null });
    expect(result.accuracy).toMatchObject({ compared: 10, accurate: 10, verdict: "accurate" });
    expect(result.accuracy.worstRelativeErrorU).toBeGreaterThanOrEqual(0);
    expect(result.accuracy.correctDigits).toBeGreaterThan(10);
    expect(result.accuracy.worstCase?.expected).not.toBeNull(); // a passing worst case still shows the exact value
    expect(result.worstCase?.expected).not.toBeNull();
    expect(graded).toBe(10);
    expect(ctx.timings).toHaveLength(1);
    expect(ctx.timings[0]).toMatchObject({ op: "klBon", domain: "standard", timeouts: 0 });
    expect(result.slowestAnswerMs).toBeGreaterThanOrEqual(0);
  });

  test("a tie-only defect: one class, shrunk within it, beside its worst case; the pair is not accurate", async () => {
    const noTieSplit: OpFunction = (args) => {
      const r = args.r as number[] | undefined;
      return r !== undefined && new Set(r).size < r.length ? (args.p as number[]).map(() => 0.5) : correct.bonPmf!(args);
    };
    let shrinks = 0;
    const { result } = await run("ties", "bonPmf", { bonPmf: noTieSplit }, 20, { onShrink: () => shrinks++ });
    expect(result.verdict).toBe("FAIL");
    expect(result.classes.map((c) => c.id)).toEqual(["ties/value"]);
    const cls = result.classes[0]!;
    expect(cls.counterexample).not.toBeNull();
    expect(classOf(cls.counterexample!.args!, { failure: "value" })).toBe("ties/value");
    expect(cls.counterexample!.index).toBeNull();
    expect(cls.worstCase.ratio ?? Number.POSITIVE_INFINITY).toBeGreaterThanOrEqual(result.worstRatio!);
    expect(cls.regime.nMin).toBeLessThanOrEqual(cls.regime.nMax!);
    expect(result.counterexample).toEqual(cls.counterexample);
    expect(result.accuracy.verdict).toBe("not accurate");
    expect(shrinks).toBe(1);
    expect(result.firstFailure).toBe(cls.firstFailure);
  });

  test("two defects, two classes, each shrunk within its own class", async () => {
    const twoDefects: OpFunction = (args) => {
      const r = args.r as number[] | undefined;
      if ((args.n as number) > 1000) return fault("invalid-response", "value[0] is NaN");
      return r !== undefined && new Set(r).size < r.length ? (args.p as number[]).map(() => 0.5) : correct.bonPmf!(args);
    };
    const { result } = await run("ties", "bonPmf", { bonPmf: twoDefects }, 40);
    const ids = result.classes.map((c) => c.id);
    expect(ids).toContain("ties/value");
    expect(ids.some((id) => id.endsWith("/non-finite"))).toBe(true);
    for (const c of result.classes) {
      expect(classOf(c.counterexample!.args!, { failure: c.kind as never })).toBe(c.id);
      expect(classOf(c.worstCase.args!, { failure: c.kind as never })).toBe(c.id);
    }
    // the top-level counterexample is the class of the worst case
    const worstClass = classOf(result.worstCase!.args!, { failure: result.worstCase!.failure as never });
    expect(result.counterexample).toEqual(result.classes.find((c) => c.id === worstClass)!.counterexample);
  });

  test("faults are not shrunk; a timeout shared with other pending requests says so", async () => {
    const hangs: OpFunction = () => fault("timeout", "no answer and no output for 100 ms: killed as hung", 3);
    const { result, ctx } = await run("standard", "klFormula", { klFormula: hangs }, 4);
    expect(result.verdict).toBe("FAIL");
    expect(result.classes).toHaveLength(1);
    expect(result.classes[0]).toMatchObject({ id: "n/fault", kind: "fault", counterexample: null });
    expect(result.counterexample).toBeNull();
    expect(result.classes[0]!.worstCase.why).toBe("fault timeout: no answer within the timeout to any of these 3 pending requests (no answer and no output for 100 ms: killed as hung)");
    expect(ctx.timings[0]).toMatchObject({ timeouts: 4 });
    expect(ctx.subject.calls).toHaveLength(4); // nothing asked again to shrink
  });

  test("requests never run: NOT RUN, never shrunk or failed", async () => {
    const stopped: OpFunction = () => fault("stopped", "not sent: the subject was stopped because it crashed");
    const { result } = await run("standard", "klFormula", { klFormula: stopped }, 3);
    expect(result).toMatchObject({ verdict: "NOT RUN", failed: 0, notRun: 3, classes: [], remark: "never graded: 3 not run (the subject was stopped because it crashed)" });
    expect(result.accuracy.verdict).toBeNull();
  });

  test("informational domains: INFO, no class and no shrinking even with failing answers", async () => {
    const asGiven: OpFunction = (args) => (args.p as number[]).map(() => 0.5);
    const { result, ctx } = await run("normalisation", "bonPmf", { bonPmf: asGiven }, 5);
    expect(result.verdict).toBe("INFO");
    expect(result.classes).toEqual([]);
    expect(result.accuracy).toMatchObject({ verdict: null, worstCase: null, worstRelativeErrorU: null, correctDigits: null, worstBoundRatio: null });
    expect(ctx.subject.calls).toHaveLength(5);
    const invalid = await run("invalid", "klFormula", { klFormula: () => 0.5 }, 5);
    expect(invalid.result).toMatchObject({ verdict: "INFO", accepted: 5, classes: [] });
    expect(invalid.result.worstCase?.status).toBe("accepted");
  });

  test("--strict: within tolerance but beyond the accuracy bound fails, as a wrong value", async () => {
    const sloppy: OpFunction = (args) => (correct.klFormula!(args) as number) * (1 + 2 ** -50);
    const lax = await run("standard", "klFormula", { klFormula: sloppy }, 10);
    expect(lax.result.verdict).toBe("PASS");
    expect(lax.result.accuracy.verdict).toBe("not accurate");
    const strict = await run("standard", "klFormula", { klFormula: sloppy }, 10, { strict: true });
    expect(strict.result.verdict).toBe("FAIL");
    expect(strict.result.classes.map((c) => c.id)).toEqual(["n/value"]);
  });

  test("interrupted: grading stops at once, nothing is shrunk, the remark says how far it got", async () => {
    const controller = new AbortController();
    let graded = 0;
    const onCase = (): void => {
      graded++;
      if (graded === 3) controller.abort();
    };
    const wrong: OpFunction = () => 5;
    const { result } = await run("standard", "klFormula", { klFormula: wrong }, 10, { signal: controller.signal, onCase });
    expect(result.cases).toBe(3);
    expect(result.classes).toEqual([]);
    expect(result.remark).toBe("interrupted: 3 of 10 cases graded; 3 of 3 cases failed");
    const aborted = new AbortController();
    aborted.abort();
    const none = await run("standard", "klFormula", { klFormula: wrong }, 4, { signal: aborted.signal });
    expect(none.result.cases).toBe(0);
  });

  test("an answer that never comes: interrupting the run ends the wait at once", async () => {
    const controller = new AbortController();
    const hangs: OpFunction = (args) => ((args.n as number) > 1000 ? pending() : correct.klFormula!(args));
    const plan = await planJob(domainNamed("standard")!, "klFormula", 11, 20);
    const ctx = context({ klFormula: hangs }, { signal: controller.signal });
    const graded = gradeJob(ctx, plan, await askAll(ctx, plan));
    setTimeout(() => controller.abort(), 200);
    const result = await graded;
    expect(result.cases).toBeGreaterThan(0);
    expect(result.cases).toBeLessThan(20);
    expect(result.remark).toBe(`interrupted: ${result.cases} of 20 cases graded`); // nothing failed: no "; " after it
  });

  test("the event loop runs between cases (subject I/O is not starved by grading)", async () => {
    let immediateRan = true;
    const order: boolean[] = [];
    const onCase = (): void => {
      order.push(immediateRan);
      immediateRan = false;
      setImmediate(() => {
        immediateRan = true;
      });
    };
    await run("standard", "klFormula", correct, 5, { onCase });
    expect(order).toEqual([true, true, true, true, true]);
  });

  test("a pair leaves no listener on the run's signal (a run grades dozens of pairs with one signal)", async () => {
    const controller = new AbortController();
    for (let i = 0; i < 12; i++) await run("standard", "klFormula", correct, 2, { signal: controller.signal });
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  test("interrupted after the last case: every case was graded, nothing to say; but nothing is shrunk either", async () => {
    const controller = new AbortController();
    let graded = 0;
    const onCase = (): void => {
      graded++;
      if (graded === 4) controller.abort();
    };
    const { result } = await run("standard", "klFormula", { klFormula: () => 5 }, 4, { signal: controller.signal, onCase });
    expect(result.remark).toBe("4 of 4 cases failed");
    expect(result.classes).toEqual([]);
  });

  test("without a timing list, timings are not kept; the wait and duration are plausible", async () => {
    const plan = await planJob(domainNamed("standard")!, "klFormula", 11, 3);
    const ctx: JobContext = { subject: new FakeSubject(correct), oracle: sharedOracleCache, registry: new RequestRegistry(), shrinkTimeLimitMs: 1000 };
    const result = await gradeJob(ctx, plan, await askAll(ctx, plan));
    expect(result.verdict).toBe("PASS");
    expect(result.slowestAnswerMs).toBeLessThan(60_000);
    expect(result.durationMs).toBeLessThan(60_000);
    expect(result.accuracy.worstBoundRatio).toBeGreaterThanOrEqual(0);
  });

  test("shrinking: each class shrunk (not left at its worst case), with its share of the time limit", async () => {
    const noTieSplit: OpFunction = (args) => {
      const r = args.r as number[] | undefined;
      return r !== undefined && new Set(r).size < r.length ? (args.p as number[]).map(() => 0.5) : correct.bonPmf!(args);
    };
    const shrinks: [string, number][] = [];
    const { result } = await run("ties", "bonPmf", { bonPmf: noTieSplit }, 20, { shrinkTimeLimitMs: 6000, onShrink: (_plan, id, ms) => shrinks.push([id, ms]) });
    expect(shrinks).toEqual([["ties/value", 6000]]);
    const cx = result.classes[0]!.counterexample!;
    expect(cx.shrinks).toBeGreaterThan(0);
    expect((cx.args!.p as number[]).length).toBe(2); // the smallest tie
    const two: [string, number][] = [];
    const twoDefects: OpFunction = (args) => ((args.n as number) > 1000 ? fault("invalid-response", "NaN") : noTieSplit(args));
    await run("ties", "bonPmf", { bonPmf: twoDefects }, 40, { shrinkTimeLimitMs: 6000, onShrink: (_plan, id, ms) => two.push([id, ms]) });
    expect(two.map(([, ms]) => ms)).toEqual(two.map(() => 6000 / two.length));
    expect(two.length).toBeGreaterThan(1);
  });

  test("interrupted while shrinking: the shrinking stops, later classes are not shrunk", async () => {
    const controller = new AbortController();
    const twoDefects: OpFunction = (args) => {
      const r = args.r as number[] | undefined;
      if ((args.n as number) > 1000) return fault("invalid-response", "NaN");
      return r !== undefined && new Set(r).size < r.length ? (args.p as number[]).map(() => 0.5) : correct.bonPmf!(args);
    };
    const started: string[] = [];
    const { result } = await run("ties", "bonPmf", { bonPmf: twoDefects }, 40, { signal: controller.signal, onShrink: (_plan, id) => (started.push(id), controller.abort()) });
    expect(started).toHaveLength(1);
    expect(result.classes.length).toBeGreaterThan(1);
    expect(result.classes.find((c) => c.id === started[0])!.counterexample!.shrinks).toBe(0);
    expect(result.classes.filter((c) => c.id !== started[0]).every((c) => c.counterexample === null)).toBe(true);
  });

  test("a shrunk example is the evidence: its args are kept whole in the report, however long", async () => {
    const garbage: OpFunction = () => "not a number";
    const { result } = await run("large-L", "bonPmf", { bonPmf: garbage }, 100, { shrinkTimeLimitMs: 3000 });
    const cls = result.classes[0]!;
    expect(cls.counterexample!.args).not.toBeNull(); // at least 1000 masses: over 4000 characters
    expect(JSON.stringify(cls.counterexample!.args).length).toBeGreaterThan(4000);
    expect(cls.worstCase.args).toBeNull();
    expect(cls.worstCase.expected).toBeNull(); // a non-numeric answer has no error: no enclosure is looked up
  });

  test("interrupted after a case: the next case is not even waited for (grading stops after the case in hand)", async () => {
    const controller = new AbortController();
    const plan = await planJob(domainNamed("standard")!, "klFormula", 11, 5);
    const ctx = context(correct, { signal: controller.signal, onCase: () => controller.abort() });
    const [first] = await askAll(ctx, plan);
    let pulls = 0;
    // one asked case, then a stream that never yields its next item (as a producer waiting for room would)
    const stream: AsyncIterable<AskedCase> = {
      [Symbol.asyncIterator]: () => ({
        next: () => (++pulls === 1 ? Promise.resolve({ value: first!, done: false }) : new Promise<IteratorResult<AskedCase>>(() => {})),
        return: () => Promise.resolve({ value: undefined, done: true }),
      }),
    };
    const result = await gradeJob(ctx, plan, stream);
    expect(result.cases).toBe(1);
    expect(pulls).toBe(1);
  });

  test("a fault the subject's log does not hold (beyond the faults it keeps) counts as hitting its request alone", async () => {
    const ctx = context({ klFormula: () => fault("timeout", "T", 3) });
    ctx.subject.log = () => ({ ...FakeSubject.prototype.log.call(ctx.subject), faults: [] });
    const plan = await planJob(domainNamed("standard")!, "klFormula", 11, 1);
    const result = await gradeJob(ctx, plan, await askAll(ctx, plan));
    expect(result.classes[0]!.worstCase.why).toBe("fault timeout: no answer within the timeout while it was the only request pending (T)");
  });

  test("the timeouts of two faults: each request gets its own fault's count", async () => {
    let call = 0;
    const hangs: OpFunction = () => (++call === 1 ? fault("timeout", "T", 3) : fault("timeout", "T", 1));
    const { result } = await run("standard", "klFormula", { klFormula: hangs }, 2);
    expect(result.classes[0]!.worstCase.why).toBe("fault timeout: no answer within the timeout to any of these 3 pending requests (T)");
    const second = await run("standard", "klFormula", { klFormula: () => fault("timeout", "T", 1) }, 1);
    expect(second.result.classes[0]!.worstCase.why).toBe("fault timeout: no answer within the timeout while it was the only request pending (T)");
  });

  test("accuracy of a failing pair: not accurate, even when every compared case was; a bound of 0 gives no finite ratio", async () => {
    const half: OpFunction = (args) => ((args.n as number) % 2 === 0 ? Number.NaN : correct.klFormula!(args));
    const { result } = await run("standard", "klFormula", { klFormula: half }, 20);
    expect(result.verdict).toBe("FAIL");
    expect(result.accuracy.accurate).toBe(result.accuracy.compared);
    expect(result.accuracy.verdict).toBe("not accurate");
    const zero: OpFunction = (args) => ((args.n as number) === 1 ? 1e-300 : correct.klFormula!(args));
    const one = await run("standard", "klFormula", { klFormula: zero }, 30);
    expect(one.result.verdict).toBe("PASS"); // 1e-300 is within the tolerance K u of klFormula(1) = 0
    expect(one.result.accuracy.verdict).toBe("not accurate"); // its bound is 0: the formula is exact at n = 1
    expect(one.result.accuracy.worstBoundRatio).toBeNull();
  });

  test("--strict with the worst case passing: the counterexample of the first class with one", async () => {
    // klFormula's accuracy bound is 6 u |value| and its tolerance K u (log n + 1): their ratio grows with n. Off by
    // 7 u |value| at n <= 10 fails --strict with a small tolerance ratio; off by 4 u at larger n passes with a larger
    // one, so the pair's worst case (largest tolerance ratio) passes and lies in no failure class.
    const sloppy: OpFunction = (args) => {
      const v = correct.klFormula!(args) as number;
      return (args.n as number) <= 10 ? v * (1 + 7 * 2 ** -53) : v * (1 + 4 * 2 ** -53);
    };
    const { result } = await run("standard", "klFormula", { klFormula: sloppy }, 40, { strict: true });
    expect(result.verdict).toBe("FAIL");
    expect(result.worstCase?.status).toBe("pass");
    expect(result.classes.map((c) => c.id)).toEqual(["n/value"]);
    expect(result.counterexample).not.toBeNull();
    expect(result.counterexample).toEqual(result.classes[0]!.counterexample);
  });
});
