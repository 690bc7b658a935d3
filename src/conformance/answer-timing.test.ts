import { describe, expect, test } from "vitest";
import { LISTED_WAITS, niceCeil, timingSummary, type PairTiming } from "./answer-timing.ts";

const wait = (ms: number, outcomes: number, label = `L=${outcomes}`) => ({ ms, index: 0, label, outcomes });

function pairTiming(fields: Partial<PairTiming>): PairTiming {
  return { op: "bonPmf", domain: "standard", slowest: null, largest: null, timeouts: 0, timedOutOutcomes: 0, ...fields };
}

describe("niceCeil", () => {
  test("the smallest 1, 2 or 5 times a power of ten at or above x", () => {
    expect(niceCeil(1)).toBe(1);
    expect(niceCeil(1.01)).toBe(2);
    expect(niceCeil(2)).toBe(2);
    expect(niceCeil(2.5)).toBe(5);
    expect(niceCeil(5)).toBe(5);
    expect(niceCeil(7)).toBe(10);
    expect(niceCeil(1410)).toBe(2000);
    expect(niceCeil(60_000)).toBe(100_000);
    expect(niceCeil(0.03)).toBe(0.05);
    expect(niceCeil(9.999)).toBe(10);
  });
});

describe("timingSummary", () => {
  test("without timeouts: the longest waits, longest first, at most 3; no advice", () => {
    const pairs = [
      pairTiming({ slowest: wait(5.4, 3, "a") }),
      pairTiming({ op: "klBon", slowest: wait(50.6, 3, "b") }),
      pairTiming({ op: "renyi2", slowest: wait(1, 3, "c") }),
      pairTiming({ op: "klFormula", slowest: wait(20, 0, "d") }),
      pairTiming({ op: "klEstimate" }),
    ];
    const t = timingSummary(pairs, 10_000);
    expect(t).toEqual({
      timeoutMs: 10_000,
      slowest: [
        { op: "klBon", domain: "standard", label: "b", ms: 51 },
        { op: "klFormula", domain: "standard", label: "d", ms: 20 },
        { op: "bonPmf", domain: "standard", label: "a", ms: 5 },
      ],
      timeouts: 0,
      suggestedTimeoutMs: null,
      advice: null,
    });
    expect(LISTED_WAITS).toBe(3);
  });

  test("no timeout, but an answer took half the timeout or more: a warning, no suggestion", () => {
    const t = timingSummary([pairTiming({ slowest: wait(5000, 76_400, "L=76400 n=12") })], 10_000);
    expect(t.suggestedTimeoutMs).toBeNull();
    expect(t.advice).toBe("the longest answer took 5.00 s (bonPmf in standard, L=76400 n=12), over half the --timeout of 10000 ms: a larger input may time out.");
    expect(timingSummary([pairTiming({ slowest: wait(4999, 1) })], 10_000).advice).toBeNull();
  });

  test("timeouts on large inputs of a slow subject: the time per outcome is extrapolated and a timeout suggested", () => {
    // answered: 140 ms for L = 14 (10 ms per outcome); timed out: up to L = 49 -> about 490 ms -> suggest 1000
    const pairs = [pairTiming({ slowest: wait(140, 14, "L=14 n=1"), largest: wait(140, 14), timeouts: 4, timedOutOutcomes: 49 })];
    const t = timingSummary(pairs, 150);
    expect(t.suggestedTimeoutMs).toBe(1000);
    expect(t.timeouts).toBe(4);
    expect(t.advice).toBe(
      "4 request(s) got no answer within --timeout 150 ms; the answers that arrived took up to 140 ms (bonPmf in standard, L=14 n=1), about 10.0 ms per outcome, so the timed-out requests (up to L = 49) need about 490 ms. If the subject is slow rather than hung, --timeout 1000 should suffice.",
    );
  });

  test("the rate is the largest over the pairs' largest answered cases; seconds above 1000 ms", () => {
    const pairs = [
      pairTiming({ slowest: wait(3000, 1000, "big"), largest: wait(3000, 1000), timeouts: 1, timedOutOutcomes: 76_400 }),
      pairTiming({ op: "klBon", slowest: wait(10, 50), largest: wait(10, 50) }),
    ];
    const t = timingSummary(pairs, 10_000);
    expect(t.suggestedTimeoutMs).toBe(500_000); // 3 ms per outcome x 76400 = 229 s; twice that, rounded up
    expect(t.advice).toContain("took up to 3.00 s (bonPmf in standard, big), about 3.00 ms per outcome, so the timed-out requests (up to L = 76400) need about 229 s.");
  });

  test("answers far faster than the timeout: the timeouts look like hangs, no suggestion", () => {
    const t = timingSummary([pairTiming({ slowest: wait(5, 1, "L=1"), largest: wait(5, 1), timeouts: 2, timedOutOutcomes: 1 })], 300);
    expect(t.suggestedTimeoutMs).toBeNull();
    expect(t.advice).toBe("2 request(s) got no answer within --timeout 300 ms; the answers that arrived took up to 5.00 ms (bonPmf in standard, L=1), well within the timeout: the timed-out requests look hung rather than slow.");
  });

  test("no answer at all, or only ops without outcomes: nothing to extrapolate from", () => {
    expect(timingSummary([pairTiming({ timeouts: 3, timedOutOutcomes: 10 })], 1000).advice).toBe(
      "3 request(s) got no answer within --timeout 1000 ms; no answer arrived to measure, well within the timeout: the timed-out requests look hung rather than slow.",
    );
    const slowScalar = timingSummary([pairTiming({ op: "klFormula", slowest: wait(900, 0, "n=5"), timeouts: 1 })], 500);
    expect(slowScalar.suggestedTimeoutMs).toBe(2000);
    expect(slowScalar.advice).toBe("1 request(s) got no answer within --timeout 500 ms; the answers that arrived took up to 900 ms (klFormula in standard, n=5). If the subject is slow rather than hung, --timeout 2000 should suffice.");
  });

  test("the unit switches to seconds at 1000 ms", () => {
    const t = timingSummary([pairTiming({ slowest: wait(1000, 0, "x"), timeouts: 1 })], 100);
    expect(t.advice).toContain("took up to 1.00 s");
    expect(timingSummary([pairTiming({ slowest: wait(999, 0, "x"), timeouts: 1 })], 100).advice).toContain("took up to 999 ms");
  });

  test("timed-out scalar requests with a distribution measured: no per-outcome extrapolation", () => {
    const pairs = [pairTiming({ slowest: wait(300, 3, "L=3"), largest: wait(300, 3) }), pairTiming({ op: "klFormula", slowest: wait(10, 0), timeouts: 2 })];
    const t = timingSummary(pairs, 200);
    expect(t.advice).toBe("2 request(s) got no answer within --timeout 200 ms; the answers that arrived took up to 300 ms (bonPmf in standard, L=3). If the subject is slow rather than hung, --timeout 1000 should suffice.");
    // timed-out distributions with only scalar waits: no rate either
    const scalarOnly = timingSummary([pairTiming({ op: "klFormula", slowest: wait(300, 0, "n=2") }), pairTiming({ timeouts: 1, timedOutOutcomes: 40 })], 200);
    expect(scalarOnly.advice).not.toContain("per outcome");
  });

  test("an estimate exactly at the timeout counts as slow", () => {
    expect(timingSummary([pairTiming({ slowest: wait(500, 0), timeouts: 1 })], 500).suggestedTimeoutMs).toBe(1000);
  });
});
