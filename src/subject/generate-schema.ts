/**
 * Generates the protocol's JSON Schemas (spec/protocol/*.schema.json) from src/protocol/messages.ts with
 * typescript-json-schema. Run `npm run schema` after editing the message types; a test checks that the committed
 * files are what this produces.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as TJS from "typescript-json-schema";

/** The repository's top folder. */
const REPO = fileURLToPath(new URL("../../", import.meta.url));

/** Each generated file: the root type and whether fields beyond the declared ones are forbidden. */
export const PROTOCOL_SCHEMAS = [
  // bonkl sends exactly these fields.
  { file: "request.schema.json", type: "Request", noExtraProps: true },
  // The protocol allows (and ignores) extra fields in responses, e.g. the oracle's "enclosure".
  { file: "response.schema.json", type: "Response", noExtraProps: false },
] as const;

/** Where the schema files live. */
export const SCHEMA_DIR = `${REPO}spec/protocol/`;

/** The text of every schema file, keyed by file name, exactly as it is committed. */
export function generateProtocolSchemas(): Map<string, string> {
  // tsconfig.schema.json uses module ESNext + Bundler so definitions get plain names (not `import("...").Foo`).
  const program = TJS.programFromConfig(`${REPO}tsconfig.schema.json`, [`${REPO}src/protocol/messages.ts`]);
  const texts = new Map<string, string>();
  for (const { file, type, noExtraProps } of PROTOCOL_SCHEMAS) {
    const schema = TJS.generateSchema(program, type, { required: true, strictNullChecks: true, noExtraProps, ignoreErrors: false });
    if (schema === null) throw new Error(`typescript-json-schema found no type ${type} in src/protocol/messages.ts`);
    texts.set(file, `${JSON.stringify(schema, null, 2)}\n`);
  }
  return texts;
}

function main(): void {
  for (const [file, text] of generateProtocolSchemas()) {
    writeFileSync(`${SCHEMA_DIR}${file}`, text);
    process.stdout.write(`wrote spec/protocol/${file}\n`);
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main();
