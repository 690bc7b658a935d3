/** Coverage of y in (0, inf] x v in [0, 1/2] plus v = 1: what counts as covered, and every way of leaving a hole. */
import { describe, expect, test } from "vitest";
import { parseBoxNumber } from "./box-number.ts";
import type { Region, Strip } from "./certificate.ts";
import { coverageProblems } from "./coverage.ts";
import type { RegionMethod } from "./theorems.ts";

function strip(y0: string, y1: string, v: string[] = ["0", "0.5"]): Strip {
  return { y0: parseBoxNumber(y0, "y0"), y1: parseBoxNumber(y1, "y1"), v: v.map((x) => parseBoxNumber(x, "v")), lower: v.slice(1).map(() => "1"), path: `strip ${y0}-${y1}` };
}

function region(method: RegionMethod, strips: Strip[]): Region {
  return { method, strips, path: method };
}

const line = region("exact-n1", []);

describe("coverage", () => {
  test("adjacent strips from 0 to inf with the n = 1 line cover; overlaps are allowed", () => {
    expect(coverageProblems([line, region("taylor", [strip("0", "2")]), region("interval", [strip("2", "3", ["0", "0.25", "0.5"]), strip("2.5", "4")]), region("tail", [strip("4", "inf")])])).toEqual([]);
  });

  test("order of regions and strips does not matter", () => {
    expect(coverageProblems([region("tail", [strip("4", "inf")]), region("interval", [strip("2", "4")]), region("taylor", [strip("0", "2")]), line])).toEqual([]);
  });

  test("a gap between strips, before the first, or up to inf is reported with its place", () => {
    expect(coverageProblems([line, region("taylor", [strip("0", "2")]), region("tail", [strip("2.5", "inf")])])).toEqual(["gap in coverage: y in (2, 2.5) is in no strip"]);
    expect(coverageProblems([line, region("interval", [strip("0.001", "inf")])])).toEqual(["gap in coverage: y in (0, 0.001) is in no strip"]);
    expect(coverageProblems([line, region("taylor", [strip("0", "9")])])).toEqual(["gap in coverage: y in (9, inf] is in no strip"]);
  });

  test("a strip must span v from exactly 0 to exactly 1/2 with increasing cuts, and y0 < y1", () => {
    expect(coverageProblems([line, region("taylor", [strip("0", "inf", ["0", "0.4999"])])])).toEqual(["strip 0-inf: the v cuts must end at 0.5"]);
    expect(coverageProblems([line, region("taylor", [strip("0", "inf", ["0.001", "0.5"])])])).toEqual(["strip 0-inf: the v cuts must start at 0"]);
    expect(coverageProblems([line, region("taylor", [strip("0", "inf", ["0", "0.3", "0.2", "0.5"])])])).toEqual(["strip 0-inf: the v cuts must increase (v[1] >= v[2])"]);
    expect(coverageProblems([line, region("taylor", [strip("0", "inf", ["0", "0.25", "0.25", "0.5"])])])).toEqual(["strip 0-inf: the v cuts must increase (v[1] >= v[2])"]);
    expect(coverageProblems([line, region("taylor", [strip("0", "1")]), region("tail", [strip("1", "1"), strip("1", "inf")])])).toEqual(["strip 1-1: y0 must be < y1"]);
  });

  test("without an exact-n1 region the line v = 1 is uncovered", () => {
    expect(coverageProblems([region("taylor", [strip("0", "inf")])])).toEqual(["the line v = 1 (n = 1) is not covered: no exact-n1 region"]);
  });
});
