/**
 * The certificate format: the parser and the JSON Schema (spec/proofs/schema/certificate.schema.json) accept what the
 * search writes and refuse malformed files, each refusal an InputError naming the field.
 */
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, test } from "vitest";
import { InputError } from "../errors.ts";
import { CERTIFICATE_FORMAT, formatCertificate, parseCertificate, type CertificateJson } from "./certificate.ts";

const schema = JSON.parse(readFileSync("spec/proofs/schema/certificate.schema.json", "utf8")) as object;
const validate = new Ajv().compile(schema);

function sample(): CertificateJson {
  return {
    format: CERTIFICATE_FORMAT,
    theorem: "gap-nonnegative",
    precision: 128,
    search: { seconds: 0.5, command: "npm run proofs" },
    regions: [
      { method: "exact-n1", strips: [] },
      { method: "taylor", strips: [{ y: ["0", "3"], v: ["0", "0.25", "0.5"], lower: ["1.5e-2", "6e-3"] }] },
      { method: "tail", strips: [{ y: ["3", "inf"], v: ["0", "0.5"], lower: ["1"] }] },
    ],
  };
}

/** A copy of the sample with one change made by `edit`. */
function doctored(edit: (json: Record<string, any>) => void): unknown {
  const json = JSON.parse(JSON.stringify(sample())) as Record<string, any>;
  edit(json);
  return json;
}

describe("certificate format", () => {
  test("what formatCertificate writes parses back, one strip per line, and matches the schema", () => {
    const text = formatCertificate(sample());
    expect(text.split("\n").filter((l) => l.includes('"y":'))).toHaveLength(2);
    const json = JSON.parse(text) as unknown;
    expect(JSON.parse(text)).toEqual(sample());
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    const parsed = parseCertificate(json);
    expect(parsed.regions.map((r) => r.method)).toEqual(["exact-n1", "taylor", "tail"]);
    expect(parsed.regions[1]?.strips[0]?.path).toBe("regions[1].strips[0]");
  });

  const bad: [string, (j: Record<string, any>) => void, RegExp][] = [
    ["another format", (j) => (j.format = "bonkl-proof/0"), /^certificate\.format: must be "bonkl-proof\/1"/],
    ["a precision out of range", (j) => (j.precision = 32), /^certificate\.precision: /],
    ["an unknown method", (j) => (j.regions[1].method = "guess"), /^regions\[1\]\.method: must be one of exact-n1, taylor, interval, tail/],
    ["a missing field", (j) => delete j.regions[1].strips[0].lower, /^regions\[1\]\.strips\[0\]\.lower: is missing/],
    ["an extra field", (j) => (j.regions[1].strips[0].note = "x"), /^regions\[1\]\.strips\[0\]\.note: is not a field/],
    ["a negative box end", (j) => (j.regions[1].strips[0].y[0] = "-1"), /^regions\[1\]\.strips\[0\]\.y\[0\]: must be a non-negative decimal/],
    ["a number instead of a string", (j) => (j.regions[1].strips[0].v[1] = 0.25), /^regions\[1\]\.strips\[0\]\.v\[1\]: must be a string/],
    ["one lower bound too few", (j) => j.regions[1].strips[0].lower.pop(), /^regions\[1\]\.strips\[0\]\.lower: must hold one bound per box \(2\)/],
    ["a lower bound that is not a decimal", (j) => (j.regions[1].strips[0].lower[0] = "big"), /^regions\[1\]\.strips\[0\]\.lower\[0\]: must be a decimal/],
    ["strips on the n = 1 line", (j) => j.regions[0].strips.push({ y: ["0", "1"], v: ["0", "0.5"], lower: ["1"] }), /^regions\[0\]\.strips: must be empty for exact-n1/],
    ["a y pair of three", (j) => j.regions[2].strips[0].y.push("9"), /^regions\[2\]\.strips\[0\]\.y: must hold two ends/],
  ];
  test.each(bad)("refuses %s: InputError naming the field, and the schema refuses it too", (_, edit, message) => {
    const json = doctored(edit);
    expect(() => parseCertificate(json)).toThrow(InputError);
    expect(() => parseCertificate(json)).toThrow(message);
    // the schema does not know that lower has one entry per box or that exact-n1 has no strips
    if (!/one bound per box|must be empty/.test(message.source)) expect(validate(json)).toBe(false);
  });

  test("refuses values that are not certificates at all", () => {
    for (const value of [null, [], "x", 3]) expect(() => parseCertificate(value)).toThrow(/^certificate: must be an object/);
  });
});
