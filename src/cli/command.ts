/** What every `bonkl` subcommand provides: a name, a one-line summary, its help text, and `run`. */
export interface Command {
  name: string;
  summary: string;
  /** Full help: usage line, flags (one per line) and at least one example. */
  help: string;
  /** Runs the command with the arguments after its name; resolves to the process exit status. */
  run(argv: string[]): Promise<number>;
}
