// The request registry remembers the last RECENT_REQUESTS requests and up to KEPT_REQUESTS requests marked to keep;
// a forgotten request of this run and an id never recorded are told apart in the report.
import { describe, expect, test } from "vitest";
import { KEPT_REQUESTS, RECENT_REQUESTS, RequestRegistry } from "./request-registry.ts";

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
    expect([RECENT_REQUESTS, KEPT_REQUESTS]).toEqual([20_000, 10_000]);
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
});
