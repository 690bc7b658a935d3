// Killing a subject's whole session: the subject is started as the leader of a new session (spawn with
// `detached: true` calls setsid), so its session id is its pid, and every process it starts stays in that session
// unless it calls setsid itself, even one that moves to a new process group. On Linux the members are found
// through /proc; elsewhere only the process group led by the subject can be reached. Plain JavaScript: both bonkl
// (sessions.ts) and the watchdog process (session-watchdog.mjs, run by node without a loader) use it.
import { readdirSync, readFileSync } from "node:fs";

/** How many scans killSession makes at most (a scan finds the processes forked since the previous one). */
const MAX_ROUNDS = 50;

/**
 * The live (non-zombie) processes of session `sid`, from /proc; null when /proc cannot be read (not Linux).
 * @param {number} sid
 * @returns {number[] | null}
 */
export function sessionMembers(sid) {
  let entries;
  try {
    entries = readdirSync("/proc");
  } catch {
    return null;
  }
  const members = [];
  for (const entry of entries) {
    if (entry.charCodeAt(0) < 48 || entry.charCodeAt(0) > 57) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "latin1");
    } catch {
      continue; // gone while we looked
    }
    // "pid (comm) state ppid pgrp session ...": comm may hold spaces and parentheses, so read after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[3]) === sid && fields[0] !== "Z" && fields[0] !== "X") members.push(Number(entry));
  }
  return members;
}

/**
 * Sends SIGKILL to every process of session `sid` (and to the process group it leads), scanning again until no live
 * member is left or MAX_ROUNDS scans were made. Refuses anything but a positive integer: `process.kill(-0)` would
 * reach the caller's own group.
 * @param {number} sid
 * @returns {void}
 */
export function killSession(sid) {
  if (!(Number.isInteger(sid) && sid > 0)) throw new RangeError(`refusing to kill session ${String(sid)}: not a subject's process id`);
  try {
    process.kill(-sid, "SIGKILL");
  } catch {
    // ESRCH: no process left in the group
  }
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const members = sessionMembers(sid);
    if (members === null || members.length === 0) return;
    for (const pid of members) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // gone meanwhile
      }
    }
  }
}
