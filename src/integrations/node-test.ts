/**
 * `bonkl/node-test`: bonkl's conformance checks as tests of Node's built-in test runner (`node --test`), one per
 * op x domain, failing with the same shrunk example and report text as `bonkl check`.
 *
 *   import { conformanceSuite } from "bonkl/node-test";
 *   conformanceSuite({ subject: "./src/my-bon.mjs", domains: ["standard"] });
 */
import { before, describe, it } from "node:test";
import type { ConformanceReport } from "../conformance/report.ts";
import { pairOutcome, plannedPairs, runSuiteCheck, subjectSpecOf, type ConformanceSuiteOptions } from "./suite.ts";

export type { ConformanceSuiteOptions } from "./suite.ts";

/** Registers one node:test test per (op, domain) pair of the selected domains, inside a describe block. */
export function conformanceSuite(options: ConformanceSuiteOptions): void {
  const spec = subjectSpecOf(options.subject);
  describe(`bonkl conformance: ${spec.module ?? spec.command}`, () => {
    let report: ConformanceReport;
    before(async () => {
      report = await runSuiteCheck(options);
    });
    for (const pair of plannedPairs(options)) {
      it(pair.name, (context) => {
        const outcome = pairOutcome(report, pair);
        if (outcome.kind === "skip") context.skip(outcome.reason);
        else if (outcome.kind === "fail") throw new Error(outcome.message);
      });
    }
  });
}
