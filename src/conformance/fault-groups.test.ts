import { describe, expect, test } from "vitest";
import { faultPattern, GROUP_EXAMPLES, groupFaults } from "./fault-groups.ts";
import type { ReportFault } from "./report.ts";

const fault = (kind: string, detail: string, requests = 1, moreRequests = 0): ReportFault => ({
  kind,
  detail,
  evidence: null,
  excerpt: null,
  instance: 1,
  requests: Array.from({ length: requests }, (_, i) => ({ id: i, op: "klBon", domain: "standard", label: "L=1 n=1" })),
  moreRequests,
});

describe("faultPattern", () => {
  test("numbers, decimals, signs and exponents become #", () => {
    expect(faultPattern("value[12] is NaN")).toBe("value[#] is NaN");
    expect(faultPattern("no answer for 10000 ms")).toBe("no answer for # ms");
    expect(faultPattern("value is -1.5e-30, not 2.5E+3")).toBe("value is #, not #");
    expect(faultPattern("no digits")).toBe("no digits");
    expect(faultPattern("took 1.25 ms, then 1e5")).toBe("took # ms, then #");
  });
});

describe("groupFaults", () => {
  test("one group per kind and message pattern, in order of first appearance, with counts and the first few", () => {
    const faults = [
      fault("invalid-response", "value[0] is NaN"),
      fault("timeout", "no answer for 100 ms", 3, 7),
      ...Array.from({ length: 5 }, (_, i) => fault("invalid-response", `value[${i}] is NaN`)),
      fault("invalid-response", "value is Infinity"),
    ];
    const groups = groupFaults(faults);
    expect(groups.map((g) => [g.kind, g.pattern, g.count, g.requests, g.examples.length])).toEqual([
      ["invalid-response", "value[#] is NaN", 6, 6, GROUP_EXAMPLES],
      ["timeout", "no answer for # ms", 1, 10, 1],
      ["invalid-response", "value is Infinity", 1, 1, 1],
    ]);
    expect(groups[0]!.examples[0]).toBe(faults[0]);
    expect(GROUP_EXAMPLES).toBe(3);
  });

  test("the same message under two kinds is two groups", () => {
    expect(groupFaults([fault("crashed", "x"), fault("exited", "x")])).toHaveLength(2);
    expect(groupFaults([])).toEqual([]);
  });
});
