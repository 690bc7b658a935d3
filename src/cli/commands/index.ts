import type { Command } from "../command.ts";

/** Every subcommand, in the order `bonkl --help` lists them. */
export const commands: Command[] = [];
