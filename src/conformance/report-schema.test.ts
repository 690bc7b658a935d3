// SLOW (a few seconds): builds a TypeScript program to regenerate the report's JSON Schema.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { generateReportSchema, REPORT_SCHEMA_PATH } from "./generate-report-schema.ts";

describe("spec/conformance/report.schema.json", () => {
  test("[slow, ~3 s] is exactly what generate-report-schema.ts produces from src/conformance/report.ts", () => {
    expect(readFileSync(REPORT_SCHEMA_PATH, "utf8"), "stale: run npx tsx src/conformance/generate-report-schema.ts").toBe(generateReportSchema());
  }, 30_000);
});
