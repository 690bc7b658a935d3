/**
 * The JS template that `bonkl init js` prints is a working module subject as it stands: bonkl checks the op it lists
 * in `capabilities` (the worked klFormula) and nothing else, klFormula passes the standard domain and rejects every
 * invalid input, and the ops not yet filled in answer "unsupported".
 */
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { formatReport } from "../conformance/format-report.ts";
import { runCheck } from "../conformance/run-check.ts";

const TEMPLATE = fileURLToPath(new URL("./subject-template.mjs", import.meta.url));

describe("src/init/subject-template.mjs", () => {
  test("passes bonkl check on the ops it lists, rejects invalid input, and declines the others as unsupported", async () => {
    const report = await runCheck({ subject: { module: TEMPLATE }, domains: ["standard", "invalid"], runs: 50 });
    const text = formatReport(report);
    expect(report.verdict, text).toBe("PASS");
    expect(report.capabilities).toEqual(["klFormula"]);
    expect(
      report.results.map((r) => [r.op, r.domain, r.verdict]),
      text,
    ).toEqual([
      ["klFormula", "standard", "PASS"],
      ["klFormula", "invalid", "INFO"],
    ]);
    expect(report.results[1]).toMatchObject({ accepted: 0, faulted: 0 });
    expect(report.subjectLog.faults).toEqual([]);

    const template = (await import(TEMPLATE)) as Record<string, (args: object) => unknown>;
    for (const op of ["bonPmf", "klBon", "klEstimate", "klEstimateUpper", "renyi2"]) {
      expect(() => template[op]?.({ p: [1], n: 2, eps: 0.5 }), op).toThrow(new RegExp(`^unsupported: ${op} is not implemented yet$`));
    }
  });
});
