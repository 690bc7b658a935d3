// The watchdog: a tiny process bonkl starts (watchdog.ts) in a session of its own, holding the read end of a pipe whose
// write end only bonkl holds. bonkl writes "+SID" when a subject's session starts and "-SID" once it is gone. When the
// pipe closes, bonkl has ended, however (exit, crash, SIGKILL, Ctrl-C): the watchdog kills every session still
// registered, then exits. It also does so on SIGTERM, SIGINT or SIGHUP. It writes nothing.
import { killSession } from "./session-kill.mjs";

const sessions = new Set();
let pending = "";

function finish() {
  for (const sid of sessions) {
    try {
      killSession(sid);
    } catch {
      // a malformed id: nothing to kill
    }
  }
  process.exit(0);
}

process.stdin.setEncoding("latin1");
process.stdin.on("data", (chunk) => {
  pending += chunk;
  const lines = pending.split("\n");
  pending = lines.pop() ?? "";
  for (const line of lines) {
    const sid = Number(line.slice(1));
    if (!Number.isInteger(sid) || sid <= 0) continue;
    if (line[0] === "+") sessions.add(sid);
    else if (line[0] === "-") sessions.delete(sid);
  }
});
process.stdin.on("end", finish);
process.stdin.on("error", finish);
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) process.on(signal, finish);
