/**
 * Runs the mpmath reference (mpmath_kl.py, uncertified) on one KL(pi_n || p) input and reads its time and value.
 * Python or mpmath may be missing: then every call answers why, and the bench skips the comparison.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { python3, pythonMissing } from "../util/python.ts";

export interface MpmathRun {
  seconds: number;
  /** The result with `dps` significant digits. */
  value: string;
  dps: number;
  /** mpmath's arithmetic backend: "python" (pure Python) or "gmpy". */
  backend: string;
}

const SCRIPT = fileURLToPath(new URL("./mpmath_kl.py", import.meta.url));

/** null when python3 with mpmath can be run, else the reason it cannot. */
export function mpmathMissing(): string | null {
  const missing = pythonMissing();
  if (missing !== null) return missing;
  const run = spawnSync(python3() as string, ["-c", "import mpmath"], { encoding: "utf8" });
  if (run.error !== undefined) return `python3 not found (${run.error.message})`;
  if (run.status !== 0) return "python3 has no mpmath module (pip install mpmath)";
  return null;
}

/** Best of `repeat` runs at `dps` digits, or an Error saying what went wrong. */
export function runMpmath(p: readonly (number | string)[], n: number, dps: number, repeat: number): MpmathRun | Error {
  const run = spawnSync(python3() ?? "python3", [SCRIPT], { input: JSON.stringify({ p, n, dps, repeat }), encoding: "utf8", timeout: 600_000, maxBuffer: 1 << 24 });
  if (run.error !== undefined) return new Error(`mpmath run failed: ${run.error.message}`);
  if (run.status !== 0) return new Error(`mpmath run failed (exit ${run.status}): ${run.stderr.trim().split("\n").slice(-1)[0] ?? ""}`);
  try {
    return JSON.parse(run.stdout) as MpmathRun;
  } catch {
    return new Error(`mpmath printed no JSON: ${run.stdout.slice(0, 200)}`);
  }
}

/**
 * mp.dps for `digits` correct digits of KL with the straightforward algorithm: the digits asked, 3 guard digits,
 * and the digits lost when F_i^n - F_{i-1}^n cancels (about log10(1 / (n p_min)) when n p_min < 1). The bench
 * checks the result against bonkl's certified enclosure rather than trusting this rule.
 */
export function mpmathDps(digits: number, n: number, p: readonly number[]): number {
  const total = p.reduce((a, b) => a + b, 0);
  const smallest = Math.min(...p.filter((x) => x > 0)) / total;
  return digits + 3 + Math.max(0, Math.ceil(Math.log10(1 / (n * smallest))));
}
