/** What every `bonkl` subcommand provides: its name, its help text, and `run`. */
export interface Command {
  name: string;
  /** Full help: usage line, flags (one per line) and at least one example. */
  help: string;
  /** Runs the command with the arguments after its name; resolves to the process exit status. */
  run(argv: string[]): Promise<number>;
}

/**
 * A subcommand as `bonkl --help` lists it: name and one-line summary, with its module loaded only when it runs (so
 * the command line starts without loading the oracle, the engine or the figures for commands it does not run).
 */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  load(): Promise<Command>;
}
