/**
 * `bonkl` command-line entry: runs the command named on the command line (dispatch.ts) and turns every error into
 * one clear line and an exit status (2 for usage errors, 1 otherwise).
 */
import { main, reportError } from "./dispatch.ts";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = reportError(error);
  },
);
