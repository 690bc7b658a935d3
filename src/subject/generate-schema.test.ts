// SLOW (a few seconds): builds a TypeScript program to regenerate the protocol's JSON Schemas.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { generateProtocolSchemas, PROTOCOL_SCHEMAS, SCHEMA_DIR } from "./generate-schema.ts";

describe("spec/protocol/*.schema.json", () => {
  test("[slow, ~3 s] are exactly what `npm run schema` generates from src/protocol/messages.ts", () => {
    const generated = generateProtocolSchemas();
    expect([...generated.keys()]).toEqual(PROTOCOL_SCHEMAS.map((s) => s.file));
    for (const [file, text] of generated) {
      expect(readFileSync(`${SCHEMA_DIR}${file}`, "utf8"), `${file} is stale: run npm run schema`).toBe(text);
    }
  }, 30_000);

  test("requests forbid extra fields, responses allow them", () => {
    const request = JSON.parse(readFileSync(`${SCHEMA_DIR}request.schema.json`, "utf8")) as { additionalProperties?: unknown };
    expect(request.additionalProperties).toBe(false);
    const response = JSON.parse(readFileSync(`${SCHEMA_DIR}response.schema.json`, "utf8")) as {
      definitions: Record<string, { additionalProperties?: unknown }>;
    };
    for (const name of ["ScalarResponse", "PmfResponse", "CapabilitiesResponse", "ErrorResponse"]) {
      expect(response.definitions[name]?.additionalProperties, name).toEqual({});
    }
  });
});
