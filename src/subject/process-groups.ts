/**
 * The process groups of running program subjects, so that none outlives bonkl. Each subject runs as the leader of
 * its own process group (spawned with `detached: true`), so `process.kill(-pid)` reaches it and every process it
 * started. While any group is alive, bonkl kills them all when it exits (the 'exit' event, also reached after an
 * uncaught exception) and on SIGINT / SIGTERM / SIGHUP (a detached group does not get the terminal's Ctrl-C), after
 * which the signal takes its default course unless someone else listens for it. POSIX only.
 */

const live = new Set<number>();
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
let installed = false;

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

/** Registers a group to kill if bonkl goes away first. */
export function trackProcessGroup(pid: number): void {
  live.add(pid);
  if (!installed) install();
}

/** The group is gone (killed after its leader exited): forget it. */
export function untrackProcessGroup(pid: number): void {
  live.delete(pid);
  if (live.size === 0 && installed) uninstall();
}

/** Groups currently registered (for tests). */
export function trackedProcessGroups(): number[] {
  return [...live];
}

function killAll(): void {
  for (const pid of live) killProcessGroup(pid);
  live.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  killAll();
  // Stryker disable next-line all: a mutant here makes the test runner send itself the signal (SIGHUP in the unit
  // test), and a runner killed that way aborts the whole Stryker run (mutation/README.md); process-groups tests cover it
  if (process.listenerCount(signal) === 1) {
    // Only ours: restore the default action and let the signal do what it would have done.
    uninstall();
    // Stryker disable next-line all: see above
    process.kill(process.pid, signal);
  }
}

function install(): void {
  installed = true;
  process.on("exit", killAll);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function uninstall(): void {
  installed = false;
  process.removeListener("exit", killAll);
  for (const signal of SIGNALS) process.removeListener(signal, onSignal);
}
