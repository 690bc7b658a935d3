/**
 * The Arb anchor: builds src/bench/arb/arb-kl.c with `cc` against FLINT's arb (once per source version, into a
 * cache folder under the system's temp directory) and runs it on the bench's inputs. When cc or the FLINT
 * headers/libraries are missing it says so plainly, and the bench skips the Arb comparison.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Dyadic } from "../oracle/index.ts";

export interface ArbRun {
  /** Best of the repetitions, timed inside the program (from the parsed doubles to the certified ball). */
  seconds: number;
  /** Working precision of the last pass, in bits. */
  precision: number;
  passes: number;
  accurate: boolean;
  /** Arb's decimal rendering of the ball ("[mid +/- rad]"). */
  value: string;
  /** Rigorous lower and upper bounds of the exact KL. */
  lo: Dyadic;
  hi: Dyadic;
}

export type ArbAnchor = { available: true; binary: string; run(p: readonly number[], n: number, digits: number, repeat: number): ArbRun | Error } | { available: false; reason: string };

const SOURCE = fileURLToPath(new URL("./arb/arb-kl.c", import.meta.url));
const INSTALL_HINT = "install libflint-dev / libflint-arb-dev";

/** Library sets tried in order: FLINT 3 (arb inside libflint), Debian's Arb 2 package, upstream Arb 2. */
const LINK_VARIANTS = [["-lflint"], ["-lflint-arb", "-lflint"], ["-larb", "-lflint"]];

/** Builds the anchor (or finds it in the cache); never throws. */
export function buildArbAnchor(): ArbAnchor {
  const source = readFileSync(SOURCE);
  const key = createHash("sha256").update(source).digest("hex").slice(0, 16);
  const dir = join(tmpdir(), `bonkl-bench-arb-${key}`);
  const binary = join(dir, "arb-kl");
  if (!existsSync(binary)) {
    const probe = spawnSync("cc", ["--version"], { encoding: "utf8" });
    if (probe.error !== undefined) return { available: false, reason: `Arb comparison skipped: no C compiler \`cc\` (${probe.error.message}) (${INSTALL_HINT}, and a C compiler)` };
    mkdirSync(dir, { recursive: true });
    let firstError = "";
    for (const libs of LINK_VARIANTS) {
      const build = spawnSync("cc", ["-O2", "-o", binary, SOURCE, ...libs, "-lgmp", "-lm"], { encoding: "utf8" });
      if (build.status === 0) break;
      firstError ||= (build.stderr.split("\n").find((line) => /error/i.test(line)) ?? build.stderr.trim()).trim();
    }
    if (!existsSync(binary)) return { available: false, reason: `Arb comparison skipped: cc could not build src/bench/arb/arb-kl.c against FLINT's arb: ${firstError} (${INSTALL_HINT})` };
    writeFileSync(join(dir, "README"), `built by bonkl's bench from ${SOURCE}\n`);
  }
  return { available: true, binary, run: (p, n, digits, repeat) => runArb(binary, p, n, digits, repeat) };
}

function runArb(binary: string, p: readonly number[], n: number, digits: number, repeat: number): ArbRun | Error {
  const input = `${n} ${digits} ${repeat} ${p.length}\n${p.map((x) => String(x)).join("\n")}\n`;
  const run = spawnSync(binary, [], { input, encoding: "utf8", timeout: 600_000 });
  if (run.error !== undefined) return new Error(`arb-kl failed: ${run.error.message}`);
  if (run.status !== 0) return new Error(`arb-kl failed (exit ${run.status}): ${run.stderr.trim()}`);
  try {
    const out = JSON.parse(run.stdout) as Omit<ArbRun, "lo" | "hi"> & { lo: { m: string; e: string }; hi: { m: string; e: string } };
    return { ...out, lo: { m: BigInt(out.lo.m), e: Number(out.lo.e) }, hi: { m: BigInt(out.hi.m), e: Number(out.hi.e) } };
  } catch {
    return new Error(`arb-kl printed no JSON: ${run.stdout.slice(0, 200)}`);
  }
}
