/**
 * Generates spec/conformance/report.schema.json (the JSON Schema of `bonkl check --json`) from the report types
 * in src/conformance/report.ts with typescript-json-schema, like src/subject/generate-schema.ts does for the
 * protocol. Run `npx tsx src/conformance/generate-report-schema.ts` after editing the report types; a test checks
 * that the committed file is what this produces.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as TJS from "typescript-json-schema";

const REPO = fileURLToPath(new URL("../../", import.meta.url));

/** Where the schema is committed. */
export const REPORT_SCHEMA_PATH = `${REPO}spec/conformance/report.schema.json`;

/** The schema's text, exactly as committed. */
export function generateReportSchema(): string {
  // tsconfig.schema.json (module ESNext + Bundler) gives definitions plain names; report.ts imports nothing.
  const program = TJS.programFromConfig(`${REPO}tsconfig.schema.json`, [`${REPO}src/conformance/report.ts`]);
  const schema = TJS.generateSchema(program, "ConformanceReport", { required: true, strictNullChecks: true, noExtraProps: true, ignoreErrors: false });
  if (schema === null) throw new Error("typescript-json-schema found no type ConformanceReport in src/conformance/report.ts");
  return `${JSON.stringify(schema, null, 2)}\n`;
}

function main(): void {
  writeFileSync(REPORT_SCHEMA_PATH, generateReportSchema());
  process.stdout.write("wrote spec/conformance/report.schema.json\n");
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main();
