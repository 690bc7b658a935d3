import { readInteger } from "../../config.ts";
import type { Command } from "../command.ts";
import { defaultWorkers, serveStdio } from "../../serve/oracle-server.ts";
import { MAX_DEADLINE_MS, SERVE_LIMITS } from "../../serve/request-line.ts";
import { LARGE_REQUEST_VALUES } from "../../serve/serve-pool.ts";
import { parseFlags } from "../flags.ts";

/** 10^-(digits + 10), the absolute accuracy asked of the oracle, is still a positive double (subnormal) at 300. */
const MAX_DIGITS = 300;

export const serveCommand: Command = {
  name: "serve",
  help: [
    "Usage: bonkl serve [--digits N] [--workers N]",
    "",
    "Speaks the subject protocol (spec/protocol.md) on stdin/stdout with the certified oracle as the",
    "implementation. Args may be JSON numbers or exact decimal strings (\"1e-30\", \"1/3\"). Each value is a",
    "decimal string of certified digits, with an `enclosure` field [lo, hi]. Requests are computed on worker",
    "threads and answered as they finish (matched by id); a small request never waits behind a huge one.",
    "",
    "Limits (an error response names the one exceeded; the server goes on):",
    `  a request line is at most ${SERVE_LIMITS.maxLineBytes / 2 ** 20} MiB; args hold at most ${SERVE_LIMITS.maxValues} JSON values, nested at most ${SERVE_LIMITS.maxDepth} deep;`,
    "  ids are integers with |id| <= 2^53 - 1, echoed exactly; an optional \"deadlineMs\" field (1 to",
    `  ${MAX_DEADLINE_MS}) stops a request not answered in time; requests with more than ${LARGE_REQUEST_VALUES} values`,
    "  never take the last free worker.",
    "",
    "Flags:",
    "  --digits N    significant digits per value (default 40, at most 300: the accuracy asked of the oracle,",
    "                10^-(N+2), must be a positive double)",
    "  --workers N   worker threads (default: the number of CPUs, at least 2, at most 8)",
    "",
    "Example:",
    "  echo '{\"id\":1,\"op\":\"klBon\",\"args\":{\"p\":[0.5,0.5],\"n\":2},\"deadlineMs\":5000}' | npx bonkl serve",
  ].join("\n"),
  async run(argv) {
    const { values } = parseFlags(argv, { digits: { type: "string" }, workers: { type: "string" } });
    const digits = values.digits === undefined ? 40 : readInteger(values.digits, "--digits", { min: 1, max: MAX_DIGITS });
    const workers = values.workers === undefined ? defaultWorkers() : readInteger(values.workers, "--workers", { min: 1, max: 64 });
    await serveStdio({ digits, workers });
    return 0;
  },
};
