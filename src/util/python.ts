/**
 * The Python interpreter bonkl's tests and bench spawn: `python3` resolved once per process to the executable it runs
 * (sys.executable). Behind a version manager's shim (pyenv runs some twenty shell processes before each start, about
 * 0.1 s of CPU) the hundreds of Python starts of `npm test` then cost only Python's own start. What users type
 * (`--subject-cmd "python3 impl.py"`) is unchanged: this is for the commands bonkl builds itself.
 */
import { spawnSync } from "node:child_process";

let resolved: { executable: string } | { missing: string } | undefined;

function resolve(): { executable: string } | { missing: string } {
  const run = spawnSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8", timeout: 30_000 });
  if (run.error !== undefined) return { missing: `python3 not runnable (${run.error.message})` };
  if (run.status !== 0) return { missing: `python3 exited with ${run.status ?? run.signal}` };
  const executable = run.stdout.trim();
  return { executable: executable === "" ? "python3" : executable };
}

/** The path of the interpreter `python3` runs, or null when python3 cannot be run (see pythonMissing). */
export function python3(): string | null {
  resolved ??= resolve();
  return "executable" in resolved ? resolved.executable : null;
}

/** Why python3 cannot be run, or null when it can. */
export function pythonMissing(): string | null {
  resolved ??= resolve();
  return "missing" in resolved ? resolved.missing : null;
}

/** A command line (for --subject-cmd) running `script` with that interpreter (python3 when it cannot be run). */
export function pythonCommand(script: string): string {
  return `${JSON.stringify(python3() ?? "python3")} ${JSON.stringify(script)}`;
}
