/**
 * How the bench starts the real `bonkl` command: the one place to change when the CLI becomes compiled JS.
 * Today: `node src/cli/bonkl.mjs ...` (bonkl.mjs registers tsx, which compiles the TypeScript sources on load).
 */
import { fileURLToPath } from "node:url";

export const BONKL_ENTRY = fileURLToPath(new URL("../cli/bonkl.mjs", import.meta.url));

/** The program and arguments that run `bonkl <args>`. */
export function bonklCommand(args: readonly string[]): { program: string; args: string[] } {
  return { program: process.execPath, args: [BONKL_ENTRY, ...args] };
}

/** For display: the command line as a user would type it. */
export const BONKL_COMMAND_TEXT = "node src/cli/bonkl.mjs";
