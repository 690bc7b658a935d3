/** `bonkl init python|js`: prints a starting file for a subject of your own (src/init) to stdout. */
import { UsageError } from "../../errors.ts";
import { INIT_TARGETS, initTarget, templateBytes } from "../../init/templates.ts";
import type { Command } from "../command.ts";
import { parseFlags } from "../flags.ts";

const names = INIT_TARGETS.map((t) => t.name);
const width = Math.max(...names.map((n) => n.length));

export const initCommand: Command = {
  name: "init",
  help: [
    `Usage: bonkl init <${names.join("|")}>`,
    "",
    "Prints a file to stdout, byte for byte, for you to redirect into your project:",
    ...INIT_TARGETS.map((t) => `  ${t.name.padEnd(width)}  ${t.summary}`),
    "",
    "The Python helper is one standard-library file (Python 3.8+): your functions, given to serve() by op name,",
    "get the args as keyword arguments; numpy/torch results, NaN answers, exceptions and stray prints are taken",
    "care of. Its docstring lists what serve() guarantees; spec/protocol.md (\"Helpers\") summarises it.",
    "",
    "Examples:",
    ...INIT_TARGETS.map((t) => `  npx bonkl init ${t.name} > ${t.suggested}`),
    '  npx bonkl check --subject-cmd "python3 my_subject.py"     # my_subject.py: from bonkl_subject import serve',
    "  npx bonkl check --subject ./subject.mjs",
  ].join("\n"),
  async run(argv) {
    const { positionals } = parseFlags(argv, {}, true);
    if (positionals.length !== 1) {
      throw new UsageError(`init takes one target (${names.join(" or ")}), got ${positionals.length === 0 ? "none" : positionals.length} (see --help)`);
    }
    const name = positionals[0] as string;
    const target = initTarget(name);
    if (target === undefined) throw new UsageError(`init: unknown target ${JSON.stringify(name)}; the targets are ${names.join(", ")}`);
    process.stdout.write(templateBytes(target));
    if (process.stdout.isTTY) process.stderr.write(`bonkl init: to save it, run: npx bonkl init ${target.name} > ${target.suggested}\n`);
    return 0;
  },
};
