/**
 * `bonkl/vitest`: bonkl's conformance checks as tests in your own vitest file, one per op x domain, failing with the
 * same shrunk example and report text as `bonkl check`.
 *
 *   import { conformanceSuite } from "bonkl/vitest";
 *   conformanceSuite({ subject: "./src/my-bon.mjs", domains: ["standard", "ties"] });
 *
 * The check runs once (in beforeAll) for all the pairs; a pair the subject does not implement is skipped with the
 * reason. vitest is a peer dependency: this module is for projects that have it.
 */
import { beforeAll, describe, test } from "vitest";
import type { ConformanceReport } from "../conformance/report.ts";
import { pairOutcome, plannedPairs, runSuiteCheck, subjectSpecOf, type ConformanceSuiteOptions } from "./suite.ts";

export type { ConformanceSuiteOptions } from "./suite.ts";

/** How long the shared check may take (ms); the default is generous for large-L on a slow machine. */
const CHECK_TIMEOUT_MS = 15 * 60_000;

/** Registers one vitest test per (op, domain) pair of the selected domains, inside a describe block. */
export function conformanceSuite(options: ConformanceSuiteOptions): void {
  const spec = subjectSpecOf(options.subject);
  describe(`bonkl conformance: ${spec.module ?? spec.command}`, () => {
    let report: ConformanceReport;
    beforeAll(async () => {
      report = await runSuiteCheck(options);
    }, CHECK_TIMEOUT_MS);
    for (const pair of plannedPairs(options)) {
      test(pair.name, (context) => {
        const outcome = pairOutcome(report, pair);
        if (outcome.kind === "skip") context.skip(outcome.reason);
        else if (outcome.kind === "fail") throw new Error(outcome.message);
      });
    }
  });
}
