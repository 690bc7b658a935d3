import { readInteger } from "../../config.ts";
import type { Command } from "../command.ts";
import { serveStdio } from "../../serve/oracle-server.ts";
import { parseFlags } from "../flags.ts";

/** 10^-(digits + 10), the absolute accuracy asked of the oracle, is still a positive double (subnormal) at 300. */
const MAX_DIGITS = 300;

export const serveCommand: Command = {
  name: "serve",
  help: [
    "Usage: bonkl serve [--digits N]",
    "",
    "Speaks the subject protocol (spec/protocol.md) on stdin/stdout with the certified oracle as the",
    "implementation. Args may be JSON numbers or exact decimal strings (\"1e-30\", \"1/3\"). Each value is a",
    "decimal string of certified digits, with an `enclosure` field [lo, hi].",
    "",
    "Flags:",
    "  --digits N   significant digits per value (default 40, at most 300: the accuracy asked of the oracle,",
    "               10^-(N+2), must be a positive double)",
    "",
    "Example:",
    "  echo '{\"id\":1,\"op\":\"klBon\",\"args\":{\"p\":[0.5,0.5],\"n\":2}}' | npx bonkl serve",
  ].join("\n"),
  async run(argv) {
    const { values } = parseFlags(argv, { digits: { type: "string" } });
    const digits = values.digits === undefined ? 40 : readInteger(values.digits, "--digits", { min: 1, max: MAX_DIGITS });
    await serveStdio({ digits });
    return 0;
  },
};
