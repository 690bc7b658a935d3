/**
 * bonkl's end of the watchdog (session-watchdog.mjs): one watchdog process per bonkl process, started at the first
 * subject session, in a session of its own (so Ctrl-C at the terminal does not reach it). It holds the only other end
 * of a pipe from bonkl; when bonkl ends for any reason (SIGKILL included) the pipe closes and the watchdog kills every
 * session still registered. Neither the process nor the pipe keeps bonkl alive.
 */
import { spawn, type ChildProcess } from "node:child_process";
import type { Socket } from "node:net";
import { fileURLToPath } from "node:url";

const SCRIPT = fileURLToPath(new URL("./session-watchdog.mjs", import.meta.url));

let watchdog: ChildProcess | null = null;
/** The sessions registered, so that a watchdog started again (the first one was killed) knows them all. */
const watched = new Set<number>();

const alive = (child: ChildProcess | null): child is ChildProcess => child !== null && child.exitCode === null && child.signalCode === null;

function started(): ChildProcess {
  if (alive(watchdog)) return watchdog;
  const child = spawn(process.execPath, [SCRIPT], { detached: true, stdio: ["pipe", "ignore", "ignore"] });
  child.stdin?.on("error", () => undefined); // a watchdog that died cannot be written to: nothing to do
  child.unref();
  (child.stdin as Socket | null)?.unref();
  watchdog = child;
  for (const sid of watched) child.stdin?.write(`+${sid}\n`);
  return child;
}

/** The watchdog kills session `sid` if bonkl ends before it is unregistered. */
export function watchSession(sid: number): void {
  watched.add(sid);
  started().stdin?.write(`+${sid}\n`);
}

/** Session `sid` is gone: the watchdog forgets it (a later session may reuse the number). */
export function unwatchSession(sid: number): void {
  watched.delete(sid);
  if (alive(watchdog)) watchdog.stdin?.write(`-${sid}\n`);
}

/**
 * Closes bonkl's end of the pipe, as bonkl's death would: the watchdog kills every session it was told of, then exits
 * (for tests; the next session starts a new watchdog).
 */
export function releaseWatchdog(): void {
  watchdog?.stdin?.end();
  watchdog = null;
}

/** The watchdog's pid, or null before the first session (for tests). */
export function watchdogPid(): number | null {
  return watchdog?.pid ?? null;
}
