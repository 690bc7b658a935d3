import type { Command } from "../command.ts";
import { checkCommand } from "./check.ts";
import { claimsCommand } from "./claims.ts";
import { figuresCommand } from "./figures.ts";
import { estimateCommand } from "./estimate.ts";
import { klCommand } from "./kl.ts";
import { proveCommand } from "./prove.ts";
import { serveCommand } from "./serve.ts";

/** Every subcommand, in the order `bonkl --help` lists them. */
export const commands: Command[] = [checkCommand, claimsCommand, serveCommand, klCommand, estimateCommand, figuresCommand, proveCommand];
