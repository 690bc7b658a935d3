/**
 * The committed proofs: every theorem has a certificate in spec/proofs/ that the checker accepts in full, that
 * matches the JSON Schema, that is what the search finds today (else rerun `npm run proofs`), and spec/proofs.md
 * is the page rendered from them.
 */
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, test } from "vitest";
import type { CertificateJson } from "./certificate.ts";
import { checkCertificate } from "./check-certificate.ts";
import { certificatePath, PROOFS_DIR, PROOFS_PAGE, readCertificateFile } from "./proof-files.ts";
import { renderProofsPage } from "./proofs-page.ts";
import { searchCertificate } from "./search.ts";
import { THEOREMS } from "./theorems.ts";

const files = THEOREMS.map((t) => readCertificateFile(certificatePath(PROOFS_DIR, t.id)));

describe("committed certificates (spec/proofs)", () => {
  test.each(files.map((f) => [f.path, f] as const))("%s is valid: every box re-checked, the domain covered", (_, file) => {
    const report = checkCertificate(file.certificate);
    expect([...report.regions.flatMap((r) => r.failures), ...report.coverage]).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.regions.map((r) => r.method)).toEqual(["exact-n1", "taylor", "interval", "tail"]);
    expect(report.boxes).toBeGreaterThan(10);
  });

  test("they match spec/proofs/schema/certificate.schema.json", () => {
    const validate = new Ajv().compile(JSON.parse(readFileSync(`${PROOFS_DIR}/schema/certificate.schema.json`, "utf8")) as object);
    for (const file of files) expect(validate(JSON.parse(file.text)), `${file.path}: ${JSON.stringify(validate.errors)}`).toBe(true);
  });

  test("they are what the search finds today (npm run proofs)", () => {
    for (const [i, theorem] of THEOREMS.entries()) {
      const found = searchCertificate(theorem);
      const stored = JSON.parse(files[i]?.text ?? "{}") as CertificateJson;
      expect({ ...found, search: stored.search }).toEqual(stored);
    }
  });

  test("spec/proofs.md is up to date with them (npm run proofs)", () => {
    expect(readFileSync(PROOFS_PAGE, "utf8")).toBe(renderProofsPage(files));
  });
});
