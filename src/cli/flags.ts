/**
 * Flag parsing for subcommands: node:util parseArgs in strict mode, with errors as UsageError. A value that looks
 * like a negative number (`--r -1,2`, `--seed -5`, `--logp -1e3`) is taken as the value of the flag before it:
 * strict parseArgs would otherwise read it as an option and reject the line as ambiguous.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "../errors.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** A word that starts like a negative number or a negative list: `-1`, `-.5`, `-1e3,2`, `-Infinity`, `-inf`, `-nan`. */
const NEGATIVE_VALUE = /^-(?:\d|\.\d|inf|nan)/i;

/**
 * `--flag -12.3` as `--flag=-12.3` for every flag that takes a value (type "string"), so negative numbers work in
 * each of them. Words after `--` are left alone.
 */
export function attachNegativeValues(argv: readonly string[], options: Options): string[] {
  const takesValue = new Set<string>();
  for (const [name, option] of Object.entries(options)) {
    if (option.type !== "string") continue;
    takesValue.add(`--${name}`);
    if (option.short !== undefined) takesValue.add(`-${option.short}`);
  }
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--") {
      out.push(...argv.slice(i));
      break;
    }
    const next = argv[i + 1];
    if (takesValue.has(arg) && next !== undefined && NEGATIVE_VALUE.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** What parseFlags returns: node's parsed values and positionals for these options. */
export type ParsedFlags<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: boolean }>>;

export function parseFlags<O extends Options>(argv: string[], options: O, allowPositionals = false): ParsedFlags<O> {
  try {
    return parseArgs({ args: attachNegativeValues(argv, options), options, strict: true, allowPositionals });
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/^TypeError \[[A-Z_]+\]: /, "") : String(error);
    throw new UsageError(`${message.split("\n")[0]} (see --help)`);
  }
}
