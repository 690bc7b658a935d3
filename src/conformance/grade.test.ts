import { describe, expect, test } from "vitest";
import type { Answer } from "../subject/subject.ts";
import { Enclosure } from "../oracle/index.ts";
import { doubleToDyadic } from "../numerics/dyadic.ts";
import { asGivenWords, describeSum, matchesAsGiven } from "./as-given.ts";
import { describeFault, faultOutcome, timeoutEvidence } from "./fault-evidence.ts";
import { decidesBefore, describeExpected, firstOf, gradeCase, isSharp, lessAccurate, ratioOf, tighter, type EntryComparison } from "./grade.ts";
import { OracleCache, sharedOracleCache } from "./oracle-cache.ts";
import * as assumesSumOne from "./fixtures/assumes-sum-one.ts";
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

describe("failure kinds, not-run requests and fault evidence", () => {
  test("faults: content faults are non-finite, process faults are faults, never-run requests are not run", () => {
    expect(faultOutcome("invalid-response")).toBe("non-finite");
    expect(faultOutcome("invalid-json")).toBe("non-finite");
    expect(faultOutcome("line-too-long")).toBe("non-finite");
    for (const f of ["timeout", "crashed", "exited", "closed", "worker-error", "ignored-eof", "unknown-id", "duplicate-id", "mutated-input"] as const) expect(faultOutcome(f)).toBe("fault");
    expect(faultOutcome("stopped")).toBe("not-run");
    expect(faultOutcome("start-failed")).toBe("not-run");
  });

  test("a request never run is neither failed nor faulted, in any domain", () => {
    const stopped: Answer = { kind: "fault", id: 6, fault: "stopped", detail: "not sent: the subject was stopped because x" };
    expect(gradeCase("klBon", args, stopped, GRADED, oracle)).toMatchObject({ status: "not-run", failure: null, why: "not sent: the subject was stopped because x", fault: "stopped", answer: null });
    expect(gradeCase("klBon", args, stopped, INVALID, oracle).status).toBe("not-run");
    const never: Answer = { kind: "fault", id: 7, fault: "start-failed", detail: "cannot run" };
    expect(gradeCase("klBon", args, never, GRADED, oracle).status).toBe("not-run");
  });

  test("error answers and malformed values fail as non-finite", () => {
    expect(gradeCase("klBon", args, { kind: "error", id: 2, message: "boom" }, GRADED, oracle)).toMatchObject({ status: "fail", failure: "non-finite", why: "answered an error on a valid input: boom", answer: "boom", ratio: Number.POSITIVE_INFINITY });
    expect(gradeCase("bonPmf", args, value(0.5), GRADED, oracle)).toMatchObject({ failure: "non-finite", why: "non-array answer 0.5" });
    expect(gradeCase("bonPmf", args, value([0.25, "x"]), GRADED, oracle)).toMatchObject({ failure: "non-finite", why: 'non-numeric entry 1: "x"' });
    expect(gradeCase("klBon", args, value("0.1.2"), GRADED, oracle)).toMatchObject({ failure: "non-finite", why: 'non-numeric answer "0.1.2"' });
    expect(gradeCase("bonPmf", { p: [1], n: 1 }, value([]), GRADED, oracle).why).toBe("0 entries for 1 outcomes");
  });

  test("timeout evidence: the only request pending, the oldest of several, or one of a group", () => {
    expect(timeoutEvidence("no answer for 10 ms: killed as hung", 1)).toBe("no answer within the timeout while it was the only request pending");
    expect(timeoutEvidence("x; this was the oldest pending request (the 4 other pending request(s) were sent again)", 1)).toBe(
      "no answer within the timeout to any of 5 pending requests; this one, the oldest, was charged and the others were sent again",
    );
    expect(timeoutEvidence("x", 7)).toBe("no answer within the timeout to any of these 7 pending requests");
    expect(timeoutEvidence("x; this was the oldest pending request (the 26 other pending request(s) were sent again)", 1)).toMatch(/^no answer within the timeout to any of 27 pending requests;/);
    expect(timeoutEvidence("x", 0)).toBe("no answer within the timeout while it was the only request pending");
    expect(timeoutEvidence("x; this was the oldest pending request (the 2 other pending request(s) were given up)", 1)).toBe(
      "no answer within the timeout to any of 3 pending requests; this one, the oldest, was charged and the others were given up",
    );
    // a module host runs one request at a time: the oldest pending one was running, and the hang is its own
    expect(timeoutEvidence("x; this was the request running (a module host runs its requests one at a time) (the 3 other pending request(s) were sent again to a fresh start)", 1)).toBe(
      "no answer within the timeout while it was the request running (the 3 other pending request(s) were queued behind it and sent again)",
    );
    expect(describeFault("crashed", "exit 3")).toBe("fault crashed: exit 3");
    expect(describeFault("timeout", "D", 2)).toBe("fault timeout: no answer within the timeout to any of these 2 pending requests (D)");
    expect(describeFault("timeout", "D")).toBe("fault timeout: no answer within the timeout while it was the only request pending (D)");
    const timeout: Answer = { kind: "fault", id: 4, fault: "timeout", detail: "D" };
    expect(gradeCase("klBon", args, timeout, { kind: "graded", faultSharedBy: (id) => (id === 4 ? 3 : 1) }, oracle).why).toBe("fault timeout: no answer within the timeout to any of these 3 pending requests (D)");
    const crash: Answer = { kind: "fault", id: 4, fault: "crashed", detail: "E" };
    expect(gradeCase("klBon", args, crash, { kind: "graded", faultSharedBy: () => 3 }, oracle).why).toBe("fault crashed: E");
  });
});

describe("the accuracy grade of a case", () => {
  test("an exact answer: accurate, relative error 0; the worst entry of bonPmf by error / bound", () => {
    const g = gradeCase("bonPmf", args, value([0.25, 0.75]), GRADED, oracle);
    expect(g.accuracy).toEqual({ bound: expect.any(Number), ratio: 0, accurate: true, relativeErrorU: 0 });
    const off = gradeCase("bonPmf", args, value([0.25, 0.75 + 2 ** -50]), GRADED, oracle);
    expect(off.status).toBe("pass");
    expect(off.accuracy!.accurate).toBe(true); // 8 u on 0.75: within u (18 + 0) 0.75
    expect(off.accuracy!.relativeErrorU).toBeCloseTo(8 / 0.75, 10);
    const far = gradeCase("bonPmf", args, value([0.25 + 2 ** -48, 0.75]), GRADED, oracle);
    expect(far.status).toBe("pass");
    expect(far.accuracy!.accurate).toBe(false);
    expect(far.accuracy!.ratio).toBeGreaterThan(1);
    expect(far.entry).toBe(0);
  });

  test("--strict fails an answer within tolerance but beyond its accuracy bound, and says so", () => {
    const answer = value(0.13081203594113694 + 2 ** -46);
    const lax = gradeCase("klBon", args, answer, GRADED, oracle);
    expect(lax.status).toBe("pass");
    expect(lax.accuracy!.accurate).toBe(false);
    const strict = gradeCase("klBon", args, answer, { kind: "graded", strict: true }, oracle);
    expect(strict).toMatchObject({ status: "fail", failure: "value" });
    expect(strict.why).toMatch(/^within tolerance, but beyond the accurate bound \(--strict\): \d\.\d\d x the bound \d\.\d\de-\d+$/);
    expect(strict.expected).not.toBeNull();
    expect(gradeCase("klBon", args, value(0.13081203594113696), { kind: "graded", strict: true }, oracle).status).toBe("pass");
  });

  test("every scalar op gets its bound (klEstimate's reads KLhat_1 at the same point)", () => {
    for (const [op, a] of [
      ["klFormula", { n: 7 }],
      ["klEstimate", { n: 7, eps: 0.25 }],
      ["klEstimateUpper", { n: 7, logEps: -2 }],
      ["renyi2", { p: [0.25, 0.75] }],
    ] as const) {
      const exact = oracle.get(op, parsedCase(a)) as Enclosure;
      const g = gradeCase(op, a, value(exact.mid), GRADED, oracle);
      expect(g.status, op).toBe("pass");
      expect(g.accuracy!.bound, op).toBeGreaterThan(0);
      expect(g.accuracy!.accurate, op).toBe(true);
    }
  });
});

describe("the unnormalised reading", () => {
  const raw = { p: [0.5, 0.5 - 2 ** -21], n: 1000 }; // p as given sums to 1 - 2^-21 (valid: within 1e-6)
  const asGivenAnswers = { bonPmf: assumesSumOne.bonPmf(raw), klBon: assumesSumOne.klBon(raw), renyi2: assumesSumOne.renyi2(raw) };

  test("answers computed from p as given are recognised, per op, and explained in words", () => {
    for (const op of ["bonPmf", "klBon", "renyi2"] as const) {
      const a = op === "renyi2" ? { p: raw.p } : raw;
      expect(matchesAsGiven(op, parsedCase(a), asGivenAnswers[op], oracle), op).toBe(true);
      const g = gradeCase(op, a, value(asGivenAnswers[op]), GRADED, oracle);
      expect(g, op).toMatchObject({ status: "fail", asGiven: true, reading: "matches p as given (sum(p) = 1 - 4.8e-7), not p / sum(p): the subject does not normalise p" });
      expect(g.why.endsWith(`; ${g.reading}`)).toBe(true);
      const normalised = (oracle.get(op, parsedCase(a)) as Enclosure | Enclosure[]);
      const right = Array.isArray(normalised) ? normalised.map((e) => e.mid) : normalised.mid;
      expect(matchesAsGiven(op, parsedCase(a), right, oracle), op).toBe(false);
      expect(gradeCase(op, a, value(right), GRADED, oracle)).toMatchObject({ status: "pass", asGiven: null, reading: null });
    }
  });

  test("a bonPmf answer reads p as given only when every entry does", () => {
    const normalised = (oracle.get("bonPmf", parsedCase(raw)) as Enclosure[]).map((e) => e.mid);
    const mixed = [asGivenAnswers.bonPmf[0], normalised[1]];
    expect(matchesAsGiven("bonPmf", parsedCase(raw), [asGivenAnswers.bonPmf[0], asGivenAnswers.bonPmf[1]], oracle)).toBe(true);
    expect(matchesAsGiven("bonPmf", parsedCase(raw), mixed, oracle)).toBe(false);
  });

  test("no reading when it cannot apply", () => {
    expect(matchesAsGiven("klFormula", parsedCase({ n: 2 }), 0.19, oracle)).toBeNull();
    expect(matchesAsGiven("bonPmf", parsedCase({ p: [0.5, 0.5], n: 3 }), [0.125, 0.875], oracle)).toBeNull(); // sum exactly 1
    expect(matchesAsGiven("bonPmf", parsedCase({ p: ["0.25", "0.75"], n: 3 }), [0.125, 0.875], oracle)).toBeNull(); // decimal strings
    expect(matchesAsGiven("bonPmf", parsedCase(raw), [0.5], oracle)).toBeNull();
    expect(matchesAsGiven("bonPmf", parsedCase(raw), 0.5, oracle)).toBeNull();
    expect(matchesAsGiven("bonPmf", parsedCase(raw), [0.5, "x"], oracle)).toBeNull();
    expect(matchesAsGiven("klBon", parsedCase(raw), "x", oracle)).toBeNull();
    expect(asGivenWords(parsedCase({ p: ["0.5", "0.5"], n: 1 }))).toBe("matches p as given (sum(p) = ?), not p / sum(p): the subject does not normalise p");
    expect(describeSum(-3.3e-16)).toBe("1 - 3.3e-16");
    expect(describeSum(1e-13)).toBe("1 + 1.0e-13");
    expect(describeSum(0)).toBe("1 + 0.0");
  });

  test("looked at for failing answers everywhere, for passing ones only in the normalisation domain", () => {
    const near = { p: [0.5, 0.5 + 2 ** -51], n: 2 }; // off 1 by 2^-51: both readings within tolerance
    const exact = (oracle.get("bonPmf", parsedCase(near)) as Enclosure[]).map((e) => e.mid);
    expect(gradeCase("bonPmf", near, value(exact), GRADED, oracle).asGiven).toBeNull();
    expect(gradeCase("bonPmf", near, value(exact), { kind: "normalisation" }, oracle)).toMatchObject({ status: "pass", asGiven: true, reading: null });
  });
});

describe("sharpness", () => {
  test("an enclosure not narrower than tolerance / 2^20 is refined before comparing", () => {
    const real = oracle.get("klFormula", parsedCase({ n: 2 })) as Enclosure;
    const wide = new Enclosure(doubleToDyadic(0.19), doubleToDyadic(0.2), 64);
    const asked: string[] = [];
    const fake = {
      get: () => (asked.push("get"), wide),
      refine: (_op: string, _c: unknown, absolute: number) => (asked.push(`refine ${absolute < 1e-20}`), real),
    } as unknown as OracleCache;
    const g = gradeCase("klFormula", { n: 2 }, value(0.195), GRADED, fake);
    expect(asked).toEqual(["get", "refine true"]);
    expect(g.status).toBe("fail"); // against the refined value, 0.195 is far off
    const sharp = { get: () => real, refine: () => { throw new Error("not needed"); } } as unknown as OracleCache;
    expect(gradeCase("klFormula", { n: 2 }, value(real.mid), GRADED, sharp).status).toBe("pass");
  });

  test("bonPmf refines to the tightest bound of its entries", () => {
    const realPi = oracle.get("bonPmf", parsedCase(args)) as Enclosure[];
    const wide = [new Enclosure(doubleToDyadic(0.2), doubleToDyadic(0.3), 64), realPi[1]!];
    const refined: number[] = [];
    const fake = { get: () => wide, refine: (_op: string, _c: unknown, absolute: number) => (refined.push(absolute), realPi) } as unknown as OracleCache;
    expect(gradeCase("bonPmf", args, value([0.25, 0.75]), GRADED, fake).status).toBe("pass");
    expect(refined).toHaveLength(1);
    expect(refined[0]!).toBeLessThan(1e-20);
  });
});

describe("the pieces of a comparison", () => {
  const entry = (fields: Partial<EntryComparison>): EntryComparison => ({ error: 0, tolerance: 1, ratio: 0, within: true, bound: 1, boundRatio: 0, accurate: true, relativeErrorU: 0, ...fields });

  test("tighter: the smaller of tolerance and a positive bound; a bound of 0 sets no target", () => {
    expect(tighter(1e-15, 1e-17)).toBe(1e-17);
    expect(tighter(1e-15, 1e-13)).toBe(1e-15);
    expect(tighter(1e-15, 0)).toBe(1e-15);
  });

  test("isSharp: narrower than bound / 2^20, strictly", () => {
    const e = (w: number) => new Enclosure(doubleToDyadic(0), doubleToDyadic(w), 64);
    expect(isSharp(e(2 ** -67), 2 ** -47)).toBe(false); // exactly 2^-47 / 2^20: not narrower
    expect(isSharp(e(2 ** -68), 2 ** -47)).toBe(true);
    expect(isSharp(e(2 ** -48), 2 ** -47)).toBe(false);
  });

  test("ratioOf: 0 without error, Infinity against a bound of 0", () => {
    expect(ratioOf(0, 0)).toBe(0);
    expect(ratioOf(0, 1)).toBe(0);
    expect(ratioOf(2, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(ratioOf(3, 2)).toBe(1.5);
  });

  test("the entry deciding a bonPmf case: failing first, then error / tolerance, then error", () => {
    expect(decidesBefore(entry({ within: false, ratio: 1 }), entry({ within: true, ratio: 1 }))).toBe(true);
    expect(decidesBefore(entry({ within: true, ratio: 9 }), entry({ within: false, ratio: 1 }))).toBe(false);
    expect(decidesBefore(entry({ ratio: 3 }), entry({ ratio: 2 }))).toBe(true);
    expect(decidesBefore(entry({ ratio: 2 }), entry({ ratio: 3 }))).toBe(false);
    expect(decidesBefore(entry({ ratio: 2, error: 5 }), entry({ ratio: 2, error: 4 }))).toBe(true);
    expect(decidesBefore(entry({ ratio: 2, error: 4 }), entry({ ratio: 2, error: 4 }))).toBe(false);
    expect(lessAccurate(entry({ accurate: false, boundRatio: 1 }), entry({ accurate: true, boundRatio: 9 }))).toBe(true);
    expect(lessAccurate(entry({ accurate: true, boundRatio: 9 }), entry({ accurate: false, boundRatio: 1 }))).toBe(false);
    expect(lessAccurate(entry({ boundRatio: 3 }), entry({ boundRatio: 2 }))).toBe(true);
    expect(lessAccurate(entry({ boundRatio: 2 }), entry({ boundRatio: 2 }))).toBe(false);
    expect(firstOf([3, 9, 2, 9], (a, b) => a > b)).toBe(1);
    expect(firstOf([3], (a, b) => a > b)).toBe(0);
  });

  test("bonPmf: the worst entry is reported, its why names it; the accuracy is over every entry", () => {
    // zero-mass outcomes must be exactly 0: two wrong ones, both with an infinite ratio: the larger error is reported
    const zeros = { p: [0, 0, 1], n: 2 };
    const g = gradeCase("bonPmf", zeros, value([1e-300, 1e-200, 1]), GRADED, oracle);
    expect(g).toMatchObject({ status: "fail", entry: 1, error: 1e-200, answer: 1e-200, why: "off by 1.00e-200, tolerance 0.00 (entry 1)" });
    expect(g.fault).toBeNull();
    // the first entry non-numeric
    expect(gradeCase("bonPmf", args, value(["x", 0.75]), GRADED, oracle).why).toBe('non-numeric entry 0: "x"');
    // accuracy: the entry furthest from its bound, the worst relative error over all entries
    const two = gradeCase("bonPmf", args, value([0.25 + 2 ** -52, 0.75 + 2 ** -48]), GRADED, oracle);
    expect(two.status).toBe("pass");
    expect(two.entry).toBe(1); // 2^-48 is the larger share of its tolerance
    expect(two.accuracy!.accurate).toBe(false);
    expect(two.accuracy!.relativeErrorU).toBe(2 ** -48 / 0.75 / 2 ** -53);
    expect(two.accuracy!.bound).toBe(2 ** -53 * 18 * 0.75 + 2 ** -1074);
    expect(two.why).toBe("within tolerance");
  });

  test("scalar: the why of a wrong value has no entry; an invalid input's answers are classified in words", () => {
    expect(gradeCase("klBon", args, value(0.5), GRADED, oracle).why).toMatch(/^off by 0\.369, tolerance \d\.\d\de-\d+$/);
    expect(gradeCase("klBon", args, { kind: "error", id: 1, message: "p: bad" }, INVALID, oracle)).toMatchObject({ status: "rejected", why: "error: p: bad", answer: "p: bad" });
    expect(gradeCase("klBon", args, value(0.1), INVALID, oracle)).toMatchObject({ status: "accepted", why: "answered a value for an invalid input", answer: 0.1 });
    expect(gradeCase("klBon", args, value(0.1), GRADED, oracle).fault).toBeNull();
  });

  test("bonPmf refinement: only against positive targets", () => {
    const realPi = oracle.get("bonPmf", parsedCase({ p: [0.5, 0, 0.5], n: 2 })) as Enclosure[];
    const wide = [new Enclosure(doubleToDyadic(0.2), doubleToDyadic(0.3), 64), realPi[1]!, realPi[2]!];
    const refined: number[] = [];
    const fake = { get: () => wide, refine: (_op: string, _c: unknown, absolute: number) => (refined.push(absolute), realPi) } as unknown as OracleCache;
    expect(gradeCase("bonPmf", { p: [0.5, 0, 0.5], n: 2 }, value([0.25, 0, 0.75]), GRADED, fake).status).toBe("pass");
    expect(refined).toHaveLength(1);
    expect(refined[0]!).toBeGreaterThan(0); // the zero-mass outcome's tolerance 0 sets no target
    expect(refined[0]!).toBeLessThan(1e-20);
  });

  test("scalar refinement: not when the enclosure is sharp against the tolerance and the bound is 0; when only sharp against 2^20 x", () => {
    const calls: string[] = [];
    const zero = new Enclosure(doubleToDyadic(0), doubleToDyadic(2 ** -80), 64);
    const noRefine = { get: () => (calls.push("get"), zero), refine: () => (calls.push("refine"), zero) } as unknown as OracleCache;
    gradeCase("klFormula", { n: 1 }, value(0), GRADED, noRefine); // bound 0 at n = 1; tolerance K u
    expect(calls).toEqual(["get"]);
    const real = oracle.get("klFormula", parsedCase({ n: 2 })) as Enclosure;
    const bound = 6 * 2 ** -53 * real.mid;
    const mid = new Enclosure(doubleToDyadic(real.mid - bound / 4), doubleToDyadic(real.mid + bound / 4), 64); // width bound / 2
    const asked: string[] = [];
    const fake = { get: () => (asked.push("get"), mid), refine: () => (asked.push("refine"), real) } as unknown as OracleCache;
    gradeCase("klFormula", { n: 2 }, value(real.mid), GRADED, fake);
    expect(asked).toEqual(["get", "refine"]);
  });
});

describe("describeExpected", () => {
  test("the exact value's enclosure as two decimal strings (klFormula at n = 2: log 2 - 1/2)", () => {
    const [lo, hi] = describeExpected("klFormula", { n: 2 }, null, sharedOracleCache);
    const exact = Math.log(2) - 0.5;
    expect(Number(lo)).toBeLessThanOrEqual(exact + 1e-16);
    expect(Number(hi)).toBeGreaterThanOrEqual(exact - 1e-16);
    expect(Number(hi) - Number(lo)).toBeLessThan(1e-15);
  });
});
