/**
 * `bonkl` command-line entry: runs the command named on the command line (dispatch.ts) and turns every error into
 * one clear line and an exit status (2 for usage errors, 1 otherwise). A closed stdout or stderr (a reader that went
 * away) is not an error (closed-output.ts).
 */
import { main, reportError } from "./dispatch.ts";
import { exitStatusAfterOutput, handleOutputErrors } from "./closed-output.ts";

handleOutputErrors(process.stdout, "stdout");
handleOutputErrors(process.stderr, "stderr", () => undefined);

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = exitStatusAfterOutput(code);
  },
  (error: unknown) => {
    process.exitCode = reportError(error);
  },
);
