/**
 * Where certificates live and how they are read and written: spec/proofs/<theorem id>.json, and the generated
 * page spec/proofs.md. Reading a file that is missing, not JSON or not a certificate gives a BonklError that
 * names the file (and the field).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { BonklError, InputError } from "../errors.ts";
import { parseCertificate, type Certificate } from "./certificate.ts";

export const PROOFS_DIR = "spec/proofs";
export const PROOFS_PAGE = "spec/proofs.md";

export function certificatePath(dir: string, theoremId: string): string {
  return join(dir, `${theoremId}.json`);
}

/** The committed certificate of a theorem, wherever bonkl is run from (shown relative to the working directory). */
export function committedCertificatePath(theoremId: string): string {
  return relative(process.cwd(), fileURLToPath(new URL(`../../${PROOFS_DIR}/${theoremId}.json`, import.meta.url)));
}

export interface CertificateFile {
  readonly path: string;
  readonly text: string;
  readonly certificate: Certificate;
}

/** Reads and validates one certificate file. */
export function readCertificateFile(path: string): CertificateFile {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BonklError("PROOF_FILE", `${path}: cannot read the certificate (${code ?? (error instanceof Error ? error.message : String(error))})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BonklError("PROOF_FILE", `${path}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    return { path, text, certificate: parseCertificate(json) };
  } catch (error) {
    if (error instanceof InputError) throw new BonklError("PROOF_FILE", `${path}: ${error.message}`);
    throw error;
  }
}

export function writeTextFile(path: string, text: string): void {
  writeFileSync(path, text);
}
