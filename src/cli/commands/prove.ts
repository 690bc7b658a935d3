/** `bonkl prove`: check committed proof certificates, or search new ones and regenerate spec/proofs.md. */
import { mkdirSync } from "node:fs";
import { BonklError, UsageError } from "../../errors.ts";
import type { Command } from "../command.ts";
import { parseFlags } from "../flags.ts";
import { checkCertificate } from "../../proofs/check-certificate.ts";
import { formatCertificate } from "../../proofs/certificate.ts";
import { formatCheckReport } from "../../proofs/format-check-report.ts";
import { certificatePath, committedCertificatePath, PROOFS_DIR, PROOFS_PAGE, readCertificateFile, writeTextFile } from "../../proofs/proof-files.ts";
import { renderProofsPage } from "../../proofs/proofs-page.ts";
import { searchCertificate } from "../../proofs/search.ts";
import { THEOREMS, theoremById, type Theorem } from "../../proofs/theorems.ts";

function parseTheorems(text: string | undefined): readonly Theorem[] {
  if (text === undefined) return THEOREMS;
  return text.split(",").map((id) => {
    const theorem = theoremById(id.trim());
    if (theorem === undefined) throw new UsageError(`--theorem: unknown theorem ${JSON.stringify(id.trim())}; one of ${THEOREMS.map((t) => t.id).join(", ")}`);
    return theorem;
  });
}

/** Checks each file; a file that cannot be read or is not a certificate is reported and counted invalid. */
function check(files: readonly string[]): number {
  const paths = files.length > 0 ? files : THEOREMS.map((t) => committedCertificatePath(t.id));
  let valid = 0;
  for (const path of paths) {
    let certificate;
    try {
      certificate = readCertificateFile(path).certificate;
    } catch (error) {
      if (!(error instanceof BonklError)) throw error;
      process.stdout.write(`INVALID: ${error.message}\n`);
      continue;
    }
    const report = checkCertificate(certificate);
    process.stdout.write(formatCheckReport(path, report));
    if (report.ok) valid++;
  }
  if (paths.length > 1) process.stdout.write(`${valid} of ${paths.length} certificates valid\n`);
  return valid === paths.length ? 0 : 1;
}

function search(theorems: readonly Theorem[], outDir: string, page: string | undefined): number {
  mkdirSync(outDir, { recursive: true });
  for (const theorem of theorems) {
    const json = searchCertificate(theorem);
    const path = certificatePath(outDir, theorem.id);
    writeTextFile(path, formatCertificate(json));
    const boxes = json.regions.reduce((sum, r) => sum + r.strips.reduce((s, strip) => s + strip.lower.length, 0), 0);
    process.stderr.write(`bonkl prove: ${theorem.id}: ${boxes} boxes found in ${json.search.seconds} s, written to ${path}\n`);
  }
  if (page !== undefined) writePage(outDir, page);
  return 0;
}

function writePage(dir: string, page: string): void {
  const files = THEOREMS.map((t) => readCertificateFile(certificatePath(dir, t.id)));
  writeTextFile(page, renderProofsPage(files));
  process.stderr.write(`bonkl prove: wrote ${page}\n`);
}

export const proveCommand: Command = {
  name: "prove",
  help: [
    "Usage: bonkl prove --check [FILE...]",
    "       bonkl prove --search [--theorem ID[,ID...]] [--out DIR] [--page FILE]",
    "       bonkl prove --list",
    "",
    "Two statements about every real e in (0, 1] and every integer n >= 1 are proved by certified interval",
    "computations (spec/proofs.md): A(e, n) = log n - (n-1)/n - KLhat(e) >= 0 (Theorem 3's bound, hence Theorem 1),",
    "and KLhat(e) non-increasing in e. A certificate lists regions of the (y, v) plane, y = n log(1/(1-e)),",
    "v = 1/n, each with the method that decides it. --check re-evaluates every box from scratch with MPFR",
    "intervals and checks that the boxes cover the whole domain; exit status 0 when every certificate is valid,",
    "1 otherwise (a file that cannot be read or is not a certificate counts as invalid). --search finds new",
    "certificates, writes them to DIR and regenerates the page.",
    "",
    "Flags:",
    "  --check          check the certificate files given as arguments",
    `                   (default: every committed certificate, ${PROOFS_DIR}/<theorem>.json)`,
    "  --search         search certificates and write DIR/<theorem>.json",
    "  --theorem IDS    with --search: only these theorems, comma-separated (default all; see --list)",
    `  --out DIR        with --search: where certificates go (default ${PROOFS_DIR})`,
    `  --page FILE      with --search: the page regenerated from DIR (default ${PROOFS_PAGE} when --out is not given;\n                   only when every theorem is searched)`,
    "  --list           list the theorems and exit",
    "",
    "Examples:",
    "  npx bonkl prove --check",
    "  npx bonkl prove --check spec/proofs/gap-nonnegative.json",
    "  npx bonkl prove --search --out /tmp/proofs --page /tmp/proofs.md",
  ].join("\n"),
  async run(argv) {
    const { values, positionals } = parseFlags(
      argv,
      { check: { type: "boolean" }, search: { type: "boolean" }, theorem: { type: "string" }, out: { type: "string" }, page: { type: "string" }, list: { type: "boolean" } },
      true,
    );
    const modes = [values.check, values.search, values.list].filter(Boolean).length;
    if (modes !== 1) throw new UsageError("give exactly one of --check, --search, --list (see --help)");
    if (values.list) {
      const width = Math.max(...THEOREMS.map((t) => t.id.length));
      for (const theorem of THEOREMS) process.stdout.write(`${theorem.id.padEnd(width)}  ${theorem.title}\n`);
      return 0;
    }
    if (values.check) {
      if (values.theorem !== undefined || values.out !== undefined || values.page !== undefined) throw new UsageError("--theorem, --out and --page go with --search");
      return check(positionals);
    }
    if (positionals.length > 0) throw new UsageError(`--search takes no file arguments, got ${JSON.stringify(positionals[0])}`);
    const theorems = parseTheorems(values.theorem);
    const all = theorems.length === THEOREMS.length;
    if (values.page !== undefined && !all) throw new UsageError("--page needs every theorem searched (drop --theorem)");
    const page = values.page ?? (values.out === undefined ? PROOFS_PAGE : undefined); // a search elsewhere leaves the committed page alone
    return search(theorems, values.out ?? PROOFS_DIR, all ? page : undefined);
  },
};
