/**
 * The sessions of running subjects, so that none outlives bonkl. Every subject (a program, or the host process of a
 * module) is spawned as the leader of a new session, so its pid is its session id and everything it starts stays in
 * that session, even a grandchild that moves to another process group (only setsid itself escapes). While a session is
 * registered here:
 * - bonkl's normal exit (the 'exit' event, also reached after an uncaught exception or process.exit) kills it;
 * - the watchdog process (watchdog.ts) kills it if bonkl dies any other way: a signal, SIGKILL, a crash.
 * No signal handler is installed: a signal takes its default course (bonkl dies) and the watchdog cleans up.
 * POSIX; on Linux the session's members are found through /proc, elsewhere only the subject's process group.
 */
import { killSession, sessionMembers } from "./session-kill.mjs";
import { unwatchSession, watchSession } from "./watchdog.ts";

export { killSession, sessionMembers };

const live = new Set<number>();
let installed = false;

/** Registers a subject's session (its leader's pid) to kill if bonkl goes away first. */
export function trackSession(sid: number): void {
  live.add(sid);
  watchSession(sid);
  if (!installed) {
    installed = true;
    process.on("exit", killTrackedSessions);
  }
}

/** The session is gone (killed after its leader exited): forget it. */
export function untrackSession(sid: number): void {
  if (!live.delete(sid)) return;
  unwatchSession(sid);
  if (live.size === 0 && installed) {
    installed = false;
    process.removeListener("exit", killTrackedSessions);
  }
}

/** Sessions currently registered (for tests). */
export function trackedSessions(): number[] {
  return [...live];
}

/**
 * Kills every registered session now (bonkl's exit; Ctrl-C in `bonkl check`). They stay registered until their
 * instances have seen the end and untrack them.
 */
export function killTrackedSessions(): void {
  for (const sid of live) killSession(sid);
}
