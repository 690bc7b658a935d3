// The request registry remembers the last RECENT_REQUESTS requests and up to KEPT_REQUESTS requests marked to keep;
// a forgotten request of this run and an id never recorded are told apart in the report.
import { describe, expect, test } from "vitest";
import { KEEP_FAULTED_EVERY, KEPT_REQUESTS, LISTED_REQUESTS, RECENT_REQUESTS, RequestRegistry } from "./request-registry.ts";

const forgotten = (id: number) => ({ id, op: "?", domain: "?", label: "(not kept: one of the early requests of a run of more than 20000 requests)" });
const unknown = (id: number) => ({ id, op: "?", domain: "?", label: "(not a conformance request)" });
const entry = (id: number) => ({ id, op: "klBon", domain: "standard", label: `L=${id}` });

function recordAll(registry: RequestRegistry, ids: Iterable<number>): void {
  for (const id of ids) registry.record(id, "klBon", "standard", `L=${id}`);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

describe("RequestRegistry", () => {
  test("the bounds are 20000 recent and 10000 kept requests", () => {
    expect([RECENT_REQUESTS, KEPT_REQUESTS, LISTED_REQUESTS, KEEP_FAULTED_EVERY]).toEqual([20_000, 10_000, 10, 1000]);
  });

  test("the last 20000 requests are remembered; an older one is reported as forgotten, an id never sent as unknown", () => {
    const registry = new RequestRegistry();
    recordAll(registry, range(1, 20_001));
    expect(registry.lookup(1)).toEqual(forgotten(1));
    expect(registry.lookup(2)).toEqual(entry(2));
    expect(registry.lookup(20_001)).toEqual(entry(20_001));
    expect(registry.lookup(20_002)).toEqual(unknown(20_002));
    expect(registry.lookup(0)).toEqual(unknown(0));
    expect(registry.lookup(-3)).toEqual(unknown(-3));
  });

  test("the highest id ever recorded bounds the forgotten ones, whatever the order of recording", () => {
    const registry = new RequestRegistry();
    recordAll(registry, [30_000, ...range(1, 20_000)]); // 30000 is the oldest: forgotten
    expect(registry.lookup(30_000)).toEqual(forgotten(30_000));
    expect(registry.lookup(25_000)).toEqual(forgotten(25_000));
    expect(registry.lookup(30_001)).toEqual(unknown(30_001));
  });

  test("a request kept outlives the recent window; an id not (or no longer) recorded is not kept", () => {
    const registry = new RequestRegistry();
    recordAll(registry, range(1, 10));
    registry.keep(3);
    registry.keep(3);
    registry.keep(99); // never recorded
    recordAll(registry, range(11, 20_010)); // 1 to 10 leave the recent window
    expect(registry.lookup(3)).toEqual(entry(3));
    expect(registry.lookup(4)).toEqual(forgotten(4));
    registry.keep(5); // already forgotten
    expect(registry.lookup(5)).toEqual(forgotten(5));
    expect(registry.lookup(99)).toEqual(entry(99)); // recorded since: recent
  });

  test("at most 10000 requests are kept; keeping an unknown id takes no place", () => {
    const registry = new RequestRegistry();
    recordAll(registry, range(1, 10_001));
    for (let id = 100_000; id < 110_000; id++) registry.keep(id); // unknown: none kept
    for (const id of range(1, 10_001)) registry.keep(id);
    registry.keep(1); // again: still one place
    recordAll(registry, range(10_002, 40_001)); // every request so far leaves the recent window
    expect(registry.lookup(1)).toEqual(entry(1));
    expect(registry.lookup(10_000)).toEqual(entry(10_000));
    expect(registry.lookup(10_001)).toEqual(forgotten(10_001));
  });

  test("keepListed keeps the first 10 requests of each fault, not the rest (so that the 10000 places last for 1000 faults)", () => {
    const registry = new RequestRegistry();
    recordAll(registry, range(1, 10_000));
    // 909 faults of 11 requests each (1 to 9999), then one naming request 9999 again, first this time
    const faults = Array.from({ length: 909 }, (_, f) => ({ ids: range(11 * f + 1, 11 * f + 11) }));
    registry.keepListed([...faults, { ids: [9_999] }]);
    recordAll(registry, range(10_001, 30_001)); // every request so far leaves the recent window
    expect(registry.lookup(1)).toEqual(entry(1));
    expect(registry.lookup(10)).toEqual(entry(10));
    expect(registry.lookup(11)).toEqual(forgotten(11)); // the 11th of the first fault: counted, not listed
    expect(registry.lookup(9_999)).toEqual(entry(9_999));
    registry.keepListed([{ ids: [10_000] }]); // already forgotten: nothing to keep
    expect(registry.lookup(10_000)).toEqual(forgotten(10_000));
  });

  test("caseGraded reads the faults every 1000th graded case, and only then", () => {
    const registry = new RequestRegistry();
    recordAll(registry, range(1, 5));
    const reads: number[] = [];
    let graded = 0;
    const faults = () => {
      reads.push(graded);
      return [{ ids: [2, 4] }];
    };
    for (graded = 1; graded <= 2_500; graded++) registry.caseGraded(faults);
    expect(reads).toEqual([1000, 2000]);
    recordAll(registry, range(6, 20_010));
    expect(registry.lookup(2)).toEqual(entry(2));
    expect(registry.lookup(3)).toEqual(forgotten(3));
    expect(registry.lookup(4)).toEqual(entry(4));
  });
});
