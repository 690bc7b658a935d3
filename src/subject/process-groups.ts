/**
 * Killing a process group: the group a program subject leads (it is spawned as the leader of its own session, hence
 * of its own group). The conformance engine uses it to stop a program at once when a run is interrupted; the
 * runner itself kills whole sessions (sessions/sessions.ts), which also reach processes that left the group. POSIX only.
 */

/**
 * Sends SIGKILL to the whole group led by `pid`; a group already gone is fine. Anything but a positive integer pid is
 * refused with a RangeError: `process.kill(-0)` (from a pid of 0, null or false) would kill the caller's own group.
 */
export function killProcessGroup(pid: number): void {
  // Stryker disable next-line all: a mutant that lets 0 or null through SIGKILLs the test runner's process group,
  // Stryker's main process included, and aborts the whole run (mutation/README.md); the unit test checks the guard
  if (!(Number.isInteger(pid) && pid > 0)) throw new RangeError(`refusing to kill process group ${String(pid)}: not a subject's process id`);
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // ESRCH: nothing left in the group. EPERM: not ours to kill (cannot happen for a group we started).
  }
}
