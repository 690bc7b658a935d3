/** Runs the real `bonkl` command line (node src/cli/bonkl.mjs ...) as a child process, with a time limit. */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { PROGRESS_LINE } from "../cli/progress.ts";

export const BONKL_BIN = fileURLToPath(new URL("../cli/bonkl.mjs", import.meta.url));

export interface BonklRun {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Killed by the time limit. */
  timedOut: boolean;
}

export interface RunOptions {
  /** Written to bonkl's stdin, which is then closed (default: stdin closed at once). */
  stdin?: string | Buffer;
  env?: NodeJS.ProcessEnv;
  /** Kill bonkl's whole process group after this long (default 60 s). */
  timeLimitMs?: number;
  cwd?: string;
  /** Options for node itself, before bonkl's path (e.g. a heap limit). */
  nodeArgs?: readonly string[];
  /** A program that runs node for bonkl, given node's command line after its own arguments (e.g. `sh -c "ulimit ...; exec \"$0\" \"$@\""`). */
  launcher?: { readonly command: string; readonly args: readonly string[] };
}

export function runBonkl(args: readonly string[], options: RunOptions = {}): Promise<BonklRun> {
  const started = performance.now();
  const node = [process.execPath, ...(options.nodeArgs ?? []), BONKL_BIN, ...args];
  const [command, ...argv] = options.launcher === undefined ? node : [options.launcher.command, ...options.launcher.args, ...node];
  const child = spawn(command as string, argv, {
    detached: true, // its own process group, so a time limit can kill everything it started
    stdio: ["pipe", "pipe", "pipe"],
    env: options.env ?? process.env,
    cwd: options.cwd,
  });
  let stdout = "";
  let stderr = "";
  let timedOut = false;
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.on("error", () => undefined); // bonkl may exit before reading all of it
  child.stdin.end(options.stdin ?? "");
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-(child.pid as number), "SIGKILL");
    } catch {
      // already gone
    }
  }, options.timeLimitMs ?? 60_000);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started, timedOut });
    });
  });
}

/** stderr without the progress lines a long command prints when stderr is not a terminal (src/cli/progress.ts). */
export function withoutProgress(stderr: string): string {
  return stderr
    .split("\n")
    .filter((line) => !PROGRESS_LINE.test(line))
    .join("\n");
}

/** The checks every failing bonkl run must pass: one line on stderr (besides progress), exit 1 or 2, no stack trace. */
export function cleanFailure(run: BonklRun): string | null {
  if (run.timedOut) return `did not finish within its time limit (${Math.round(run.ms)} ms)`;
  if (run.signal !== null) return `died of signal ${run.signal}`;
  if (run.code !== 1 && run.code !== 2) return `exit status ${run.code}`;
  const lines = withoutProgress(run.stderr).split("\n").filter((l) => l.trim() !== "");
  if (lines.length !== 1) return `${lines.length} lines on stderr: ${run.stderr.slice(0, 500)}`;
  if (!lines[0]!.startsWith("bonkl: ")) return `stderr does not start with "bonkl: ": ${lines[0]}`;
  if (/internal error/.test(lines[0]!)) return `an untyped error: ${lines[0]}`;
  if (/^\s+at /m.test(run.stderr)) return "a stack trace";
  return null;
}
