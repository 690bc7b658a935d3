/**
 * How the bench starts the real `bonkl` command: as users run it, the compiled package's bin (dist/cli/bonkl.mjs,
 * what package.json's `bin` points to; built by `npm ci` / `npm run build`). The one place that says so.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const BONKL_ENTRY = fileURLToPath(new URL("../../dist/cli/bonkl.mjs", import.meta.url));

/** The program and arguments that run `bonkl <args>`. */
export function bonklCommand(args: readonly string[]): { program: string; args: string[] } {
  if (!existsSync(BONKL_ENTRY)) throw new Error(`${BONKL_ENTRY} is missing: run \`npm run build\` (npm ci does it) before the bench`);
  return { program: process.execPath, args: [BONKL_ENTRY, ...args] };
}

/** For display: the command line as a user would type it. */
export const BONKL_COMMAND_TEXT = "node dist/cli/bonkl.mjs";
