/**
 * fast-check arbitraries of hostile command lines for `bonkl kl`, `estimate`, `check` and `claims`: garbage files
 * (binary data, invalid UTF-8, empty, huge numbers, wrong JSON shapes, ragged CSV), missing files, folders, devices,
 * and hostile flag values (huge numbers, negative zero, exponents, empty items, unknown flags). A case is a recipe:
 * files to write into a fresh folder (named by a placeholder in argv) and the argv, plus environment overrides.
 */
import fc from "fast-check";

/** A file to create; argv refers to it as `@name`. */
export interface FileRecipe {
  name: string;
  content: string | Uint8Array;
}

export interface CliCase {
  command: "kl" | "estimate" | "check" | "claims";
  argv: string[];
  files: FileRecipe[];
  env: Record<string, string>;
}

/** Numbers as a user might type them, and things that only look like numbers. */
export const hostileNumberText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("0", "-0", "1", "-1", "2", "16", "1e3", "1e999999", "-1e999999", "1e-99999999", "9007199254740991", "9007199254740992", "99999999999999999999", "0x10", "1_000", "NaN", "Infinity", "-Infinity", "1/0", "0/0", "1/3", "", " ", ",", "1,,2", "1,", ",1", "+5", "5.", ".5", "1e", "--1", "١٢", "1.5", "-12.3", "0.5,0.5", "1/2,1/2", "٣", "\u00005", "5\n6"),
  fc.integer().map(String),
  fc.double().map(String),
  fc.string({ maxLength: 12 }),
);

/** Comma-separated lists of those. */
const hostileList: fc.Arbitrary<string> = fc.oneof(
  fc.array(hostileNumberText, { minLength: 1, maxLength: 6 }).map((items) => items.join(",")),
  fc.constantFrom("0.2,0.3,0.5", "1/2,1/2", "1e-100000,1", "0.5,0.5,0", "1,2,3", `${"1/1000,".repeat(999)}1/1000`),
);

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** File contents: garbage of every kind, and near-valid JSON / JSONL / CSV. */
const hostileContent: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.constantFrom<string | Uint8Array>(
    "",
    " \n\n\t",
    "\uFEFF",
    "null",
    "[]",
    "{}",
    "[1,2,3]",
    '{"p": "0.5,0.5", "n": 2}',
    '{"p": [0.5, 0.5]}',
    '{"p": [0.5, 0.5], "n": [2, 0]}',
    '{"p": [0.5, 0.5], "n": 1e999}',
    '{"p": [1e999, 0], "n": 2}',
    '{"p": ["1e-99999999", 1], "n": 2}',
    '{"p": [0.5, 0.5], "r": [1], "n": 2}',
    '{"p": [{"x": 1}], "n": 2}',
    '{"p": [0.5, 0.5], "n": 2',
    '{"n": 16, "logp": -12.3}\n{"n": 0, "logp": 1}\n',
    '{"n": 16, "logp": "-1e999999"}\n',
    '{"n": 16, "logp": NaN}\n',
    '{"n": "16", "logp": "-0"}\n',
    "p\n0.5\n0.5\n",
    "p,r\n0.5,1\n0.5\n",
    "n,logp\n16,-12.3\n8,abc\n",
    "n,logp\n1e999,-1\n",
    "x,y\n1,2\n",
    "p\n",
    'p,r\n"0.5",1\n"0.5,2\n',
    "\r\n\r\np\r\n1\r\n",
    bytes("\u0000\u0001\u0002\u00ff"),
    new Uint8Array([0xff, 0xfe, 0xfd, 0x00, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1]),
    `{"p": [${"0.001,".repeat(999)}0.001], "n": 2}`,
    `${'{"n": 2, "logp": -1}\n'.repeat(200)}`,
    `p\n${"1e-3\n".repeat(1000)}`,
    `{"p": [0.5, 0.5], "n": 2, "${"k".repeat(100_000)}": 1}`,
    "x".repeat(2_000_000),
  ),
  fc.uint8Array({ maxLength: 200 }),
  fc.string({ maxLength: 200 }),
  fc.json({ maxDepth: 3 }),
  fc.array(fc.oneof(fc.json({ maxDepth: 2 }), fc.string({ maxLength: 30 })), { maxLength: 6 }).map((lines) => lines.join("\n")),
);

const extensions = fc.constantFrom(".json", ".jsonl", ".csv", ".ndjson", ".txt", "", ".JSON", ".csv.gz");

/** A file argument: a written file (`@name`), or a path that is missing, a folder or a device. */
const fileArgument: fc.Arbitrary<{ arg: string; files: FileRecipe[] }> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(hostileContent, extensions).map(([content, ext]) => ({ arg: `@input${ext}`, files: [{ name: `input${ext}`, content }] })) },
  { weight: 1, arbitrary: fc.constantFrom("@missing.json", "@missing.csv", "@", "/dev/null", "/proc/self/status", "/nonexistent/dir/x.jsonl", "", "-x.json").map((arg) => ({ arg, files: [] })) },
  { weight: 1, arbitrary: fc.constantFrom("json", "csv").map((ext): { arg: string; files: FileRecipe[] } => ({ arg: `@sub.${ext}`, files: [{ name: `sub.${ext}/inner`, content: "{}" }] })) },
);

/** Flag words: known flags with hostile values, unknown flags, stray words. */
function flagWords(known: readonly string[], booleans: readonly string[]): fc.Arbitrary<string[]> {
  const one: fc.Arbitrary<string[]> = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...known), fc.oneof(hostileNumberText, hostileList)).map(([f, v]) => [f, v]) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...known), fc.oneof(hostileNumberText, hostileList)).map(([f, v]) => [`${f}=${v}`]) },
    { weight: 1, arbitrary: fc.constantFrom(...known).map((f) => [f]) }, // a value-taking flag without its value
    { weight: 1, arbitrary: fc.constantFrom(...booleans, "--bogus", "-x", "--", "---p", "--p=", "--json=x", "-h2").map((f) => [f]) },
  );
  return fc.array(one, { maxLength: 4 }).map((parts) => parts.flat());
}

/** A valid command line to start from half of the time: the hostile words after it override or break it. */
const validBase = (words: string[]): fc.Arbitrary<string[]> => fc.oneof(fc.constant<string[]>([]), fc.constant(words));

export const klCase: fc.Arbitrary<CliCase> = fc
  .tuple(fc.option(fileArgument, { nil: undefined }), validBase(["--p", "0.2,0.3,0.5", "--r", "1,2,2", "--n", "1,16"]), flagWords(["--p", "--r", "--n", "--digits"], ["--json"]))
  .map(([file, base, flags]): CliCase => ({ command: "kl", argv: [...(file ? [file.arg] : base), ...flags], files: file?.files ?? [], env: {} }));

export const estimateCase: fc.Arbitrary<CliCase> = fc
  .tuple(fc.option(fileArgument, { nil: undefined }), validBase(["--n", "16", "--logp=-12.3,-0.5"]), flagWords(["--n", "--logp", "--digits", "--format"], ["--json"]))
  .map(([file, base, flags]): CliCase => ({ command: "estimate", argv: [...(file ? [file.arg] : base), ...flags], files: file?.files ?? [], env: {} }));

/**
 * `check` flags. Every case names a missing subject module last, so that the run stops (usage error) right after
 * every flag has been read: the fuzz exercises flag validation without running checks.
 */
export const checkFlagsCase: fc.Arbitrary<CliCase> = fc
  .tuple(
    flagWords(["--domain", "--seed", "--runs", "--timeout", "--json", "--subject-cmd"], []),
    fc.option(fc.constantFrom("0", "-1", "abc", "1e9", "", " 5", "99999999999999999999"), { nil: undefined }),
  )
  .map(([flags, runsEnv]): CliCase => ({
    command: "check",
    argv: [...flags, "--subject", "@no-such-subject.mjs"].filter((w, i, all) => !(w === "--subject-cmd" || all[i - 1] === "--subject-cmd" || w.startsWith("--subject-cmd="))),
    files: [],
    env: runsEnv === undefined ? {} : { BONKL_RUNS: runsEnv },
  }));

/** `claims` flags; a made-up claim id makes every case stop (usage error) once the flags are read. */
export const claimsFlagsCase: fc.Arbitrary<CliCase> = fc
  .tuple(
    flagWords(["--runs", "--seed", "--workers", "--path"], ["--deep"]),
    fc.option(fc.record({ BONKL_SEED: fc.constantFrom("abc", "1.5", "", "1e999") }), { nil: undefined }),
    fc.option(fc.record({ BONKL_RUNS: fc.constantFrom("abc", "0", "-5", "1.5") }), { nil: undefined }),
  )
  .map(([flags, seedEnv, runsEnv]): CliCase => ({ command: "claims", argv: [...flags, "--id", "no.such-claim"], files: [], env: { ...seedEnv, ...runsEnv } }));

export const cliCase: fc.Arbitrary<CliCase> = fc.oneof(klCase, estimateCase, checkFlagsCase, claimsFlagsCase);
