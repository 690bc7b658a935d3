/**
 * The `bonkl` command line without side effects (src/cli/main.ts runs it on process.argv): `main` dispatches to a
 * subcommand; `reportError` turns every error into one clear line and an exit status (2 for usage errors, 1
 * otherwise). Set BONKL_DEBUG=1 to see stack traces of unexpected errors.
 */
import { BonklError, UsageError } from "../errors.ts";
import { commands } from "./commands/index.ts";

function topHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    "bonkl: certified oracle, claims and conformance suite for the best-of-n policy (Beirami et al.)",
    "",
    "Usage: bonkl <command> [flags]    (bonkl <command> --help for its flags)",
    "",
    "Commands:",
    ...lines,
    "",
    "Examples:",
    "  npx bonkl check                              # check the built-in float64 library against the oracle",
    "  npx bonkl check --subject-cmd \"python3 examples/python/subject.py\"",
    "  npx bonkl serve                              # the oracle over the subject protocol on stdio",
  ].join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${topHelp()}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === "--version" || name === "-v") {
    const { readFileSync } = await import("node:fs");
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (entry === undefined) throw new UsageError(`unknown command ${JSON.stringify(name)}; run "bonkl --help" for the list`);
  const command = await entry.load();
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(`${command.help}\n`);
    return 0;
  }
  return command.run(rest);
}

/** A message on one line: line breaks (a parser's message may quote the input) become visible "\n". */
function oneLine(message: string): string {
  return message.replace(/\r?\n/g, "\\n");
}

export function reportError(error: unknown): number {
  if (error instanceof BonklError) {
    process.stderr.write(`bonkl: ${oneLine(error.message)}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`bonkl: internal error: ${oneLine(message)} (set BONKL_DEBUG=1 for details)\n`);
  if (process.env.BONKL_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return 1;
}
