// SLOW (~30 s on the project's loaded 2-core machine): checks every faulty subject of mutation/faulty/ with the
// conformance engine, in this process, with one seed and one shared oracle cache (the subjects share the cases of
// their domains, so most oracle values are computed once), in a beforeAll; the tests then read the outcomes.
//
// Each subject's header (mutation/zoo.ts, mutation/README.md) claims the op that is wrong, the domains where bonkl
// check must FAIL that op (and the failure classes it must report there) and the domains where it must PASS; the test
// holds every claim. The correct control checked here (the naive fixture on standard) must pass; the other control,
// src/float on every domain under the same seed and case count, is the first test of properties/conformance.test.ts
// (which also asserts room to spare and accuracy) and is not run twice. Python subjects need python3 with numpy and
// are skipped without it.
import { beforeAll, describe, expect, test } from "vitest";
import { formatReport } from "../src/conformance/format-report.ts";
import type { ConformanceReport } from "../src/conformance/report.ts";
import { DEFAULT_RUNS, DEFAULT_SEED } from "../src/conformance/run-check.ts";
import { CONTROLS, ZOO_RUNS, ZOO_SEED, checkControl, checkZoo, loadZoo, parseHeader, pythonWithNumpy, type ZooOutcome } from "./zoo.ts";

const zoo = loadZoo();
const hasNumpy = pythonWithNumpy();

describe("faulty subject headers", () => {
  test("the zoo has at least 15 subjects, 2 or 3 of them in Python, each with a distinct bug", () => {
    expect(zoo.length).toBeGreaterThanOrEqual(15);
    const python = zoo.filter((s) => s.language === "python").length;
    expect(python).toBeGreaterThanOrEqual(2);
    expect(python).toBeLessThanOrEqual(3);
    expect(new Set(zoo.map((s) => s.bug)).size).toBe(zoo.length);
  });

  test("a header is parsed, and a malformed one is refused", () => {
    const ok = "// @bug b\n// @op klBon\n// @caught-in standard, tiny\n// @right-in ties, zero-mass\n// @classes standard: in-order/value; tiny: in-order/value, in-order/non-finite\nexport {};\n// @op renyi2\n";
    expect(parseHeader("x.mjs", ok)).toEqual({
      file: "x.mjs",
      bug: "b",
      op: "klBon",
      caughtIn: ["standard", "tiny"],
      rightIn: ["ties", "zero-mass"],
      classes: { standard: ["in-order/value"], tiny: ["in-order/non-finite", "in-order/value"] },
      form: "module",
      language: "js",
    });
    const tail = "\n// @classes standard: in-order/value\n";
    expect(parseHeader("x.py", "# @bug b\n# @op renyi2\n# @caught-in tiny\n# @right-in none\n# @classes tiny: in-order/value\n").form).toBe("program");
    expect(() => parseHeader("x.mjs", "// @bug b\n// @op klBon\n// @right-in none\n")).toThrow(/lacks @caught-in/);
    expect(() => parseHeader("x.mjs", "// @bug b\n// @op klBon\n// @caught-in standard\n// @right-in none\n")).toThrow(/lacks @classes/);
    expect(() => parseHeader("x.mjs", `// @bug b\n// @op kl\n// @caught-in standard\n// @right-in none${tail}`)).toThrow(/not a graded op/);
    expect(() => parseHeader("x.mjs", `// @bug b\n// @op klBon\n// @caught-in standrad\n// @right-in none${tail}`)).toThrow(/unknown domain/);
    expect(() => parseHeader("x.mjs", `// @bug b\n// @op klBon\n// @caught-in invalid\n// @right-in none${tail}`)).toThrow(/unknown domain/);
    expect(() => parseHeader("x.mjs", `// @bug b\n// @op klBon\n// @caught-in none\n// @right-in ties${tail}`)).toThrow(/names no domain/);
    expect(() => parseHeader("x.mjs", "// @bug b\n// @op klBon\n// @caught-in ties\n// @right-in none\n// @classes standard: in-order/value\n")).toThrow(/not a @caught-in domain/);
    expect(() => parseHeader("x.mjs", "// @bug b\n// @op klBon\n// @caught-in ties\n// @right-in ties\n// @classes ties: ties/value\n")).toThrow(/both/);
    expect(() => parseHeader("x.mjs", "// @bug b\n// @op klBon\n// @caught-in standard\n// @right-in none\n// @classes standard: in-order/wrong\n")).toThrow(/unknown class "in-order\/wrong"/);
    expect(() => parseHeader("x.mjs", "// @bug b\n// @op klBon\n// @caught-in standard\n// @right-in none\n// @classes standard in-order/value\n")).toThrow(/is not "domain: class, ..."/);
    expect(() => parseHeader("x.mjs", "// @bug b\n// @op klBon\n// @caught-in standard\n// @right-in none\n// @classes standard: in-order/value; standard: ties/value\n")).toThrow(/names standard twice/);
    expect(() => parseHeader("x.mjs", "// @bug b\n// @bugs c\n")).toThrow(/unknown header field/);
  });
});

describe(`the zoo under bonkl check (seed ${ZOO_SEED}, ${ZOO_RUNS} cases per op and domain)`, () => {
  const controls = new Map<string, ConformanceReport>();
  // src/float on every domain (spec null): properties/conformance.test.ts checks it with the zoo's seed and runs
  const checked = CONTROLS.filter((control) => control.spec !== null);
  const outcomes = new Map<string, ZooOutcome>();

  // The control first, then the zoo, ZOO_CONCURRENCY subjects at a time (one oracle cache for all).
  beforeAll(async () => {
    for (const control of checked) controls.set(control.name, await checkControl(control));
    for (const outcome of await checkZoo(zoo)) outcomes.set(outcome.subject.file, outcome);
  }, 600_000);

  test("the control left to properties/conformance.test.ts runs there with the zoo's seed and case count", () => {
    expect(CONTROLS.filter((control) => control.spec === null).map((control) => control.domains)).toEqual([null]); // every domain
    expect([ZOO_SEED, ZOO_RUNS]).toEqual([DEFAULT_SEED, DEFAULT_RUNS]); // what properties/conformance.test.ts uses by default
  });

  for (const control of checked) {
    test(`control: ${control.name} passes${control.domains ? ` ${control.domains.join(", ")}` : " every domain"}`, () => {
      const report = controls.get(control.name)!;
      expect(report.verdict, formatReport(report)).toBe("PASS");
    });
  }

  for (const subject of zoo) {
    const claim = `${subject.op} fails in ${subject.caughtIn.join(", ")}${subject.rightIn.length > 0 ? `, passes in ${subject.rightIn.join(", ")}` : ""}`;
    test.skipIf(subject.language === "python" && !hasNumpy)(`${subject.file}: ${claim}`, () => {
      const outcome = outcomes.get(subject.file)!;
      const report = outcome.report;
      expect(report).not.toBeNull();
      expect(outcome.mismatches, formatReport(report!)).toEqual([]);
      for (const d of outcome.domains.filter((x) => x.expected === "FAIL")) {
        expect(d.result?.firstFailure, `${subject.file}: first failing case in ${d.domain}`).toBeTypeOf("number");
        expect(d.result!.firstFailure!).toBeLessThan(d.result!.cases);
      }
    });
  }
});
