import { describe, expect, test } from "vitest";
import { excerptOf, FaultLog } from "./fault-log.ts";

describe("FaultLog", () => {
  test("keeps the first faults in full and counts them all", () => {
    const log = new FaultLog(2);
    for (let i = 0; i < 5; i += 1) log.record("invalid-json", [], `line ${i}`, 1, "x".repeat(300));
    log.record("timeout", [7, 8], "hung", 2);
    expect(log.faults()).toHaveLength(2);
    expect(log.faults()[0]?.excerpt).toHaveLength(200);
    expect(log.faultCounts()).toEqual({ "invalid-json": 5, timeout: 1 });
  });
  test("excerpts are at most 200 characters", () => {
    expect(excerptOf("short")).toBe("short");
    expect(excerptOf("y".repeat(500))).toMatch(/^y{197}\.\.\.$/);
  });
});
