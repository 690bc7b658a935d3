/**
 * The Python helper src/init/bonkl_subject.py, driven with python3 through real pipes: scripted exchanges with the
 * fixture src/init/fixtures/scripted_subject.py (one op per guarantee), bonkl's own program-subject runner reading
 * its answers, and a full runCheck of a correct subject built with it (fixtures/decimal_subject.py) on the standard
 * domain. Where python3 is missing every test here is skipped, and says so in its name and on the console; the numpy
 * test likewise where numpy does not import.
 */
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { formatReport } from "../conformance/format-report.ts";
import { runCheck } from "../conformance/run-check.ts";
import { openProcessSubject } from "../subject/process-subject.ts";
import { python3, pythonCommand, pythonMissing } from "../util/python.ts";

const HELPER = fileURLToPath(new URL("./bonkl_subject.py", import.meta.url));
const SCRIPTED = fileURLToPath(new URL("./fixtures/scripted_subject.py", import.meta.url));
const DECIMAL = fileURLToPath(new URL("./fixtures/decimal_subject.py", import.meta.url));

/** The interpreter python3 runs (src/util/python.ts): the same Python, without a version manager's shim per start. */
const PYTHON = python3() ?? "python3";

function probe(args: string[]): string | null {
  const missing = pythonMissing();
  if (missing !== null) return missing;
  const run = spawnSync(PYTHON, args, { stdio: "ignore" });
  if (run.error !== undefined) return `python3 not runnable (${run.error.message})`;
  return run.status === 0 ? null : `python3 ${args.join(" ")} exited with ${run.status}`;
}
const noPython = probe(["--version"]);
const noNumpy = noPython ?? probe(["-c", "import numpy"]);
if (noPython !== null) console.warn(`src/init/bonkl-subject.test.ts: SKIPPING every test of the Python helper: ${noPython}`);
else if (noNumpy !== null) console.warn(`src/init/bonkl-subject.test.ts: SKIPPING the numpy test of the Python helper: ${noNumpy}`);
const skipped = (why: string | null): string => (why === null ? "" : ` [SKIPPED: ${why}]`);

interface Exchange {
  code: number | null;
  /** stdout split into lines, each parsed as JSON (a line that is not JSON fails the test). */
  answers: unknown[];
  stderr: string;
}

/** Runs `python3 args...`, writes `input` to its stdin, closes it and collects what comes back. */
function exchange(args: string[], input: string | Buffer): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, args, { stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const text = Buffer.concat(out).toString("utf8");
      try {
        const lines = text === "" ? [] : text.replace(/\n$/, "").split("\n");
        resolve({ code, answers: lines.map((line) => JSON.parse(line) as unknown), stderr: Buffer.concat(err).toString("utf8") });
      } catch (error) {
        reject(new Error(`stdout holds a line that is not JSON: ${String(error)}\n--- stdout:\n${text}`));
      }
    });
    child.stdin.end(input);
  });
}

const lines = (...requests: unknown[]): string => `${requests.map((r) => (typeof r === "string" ? r : JSON.stringify(r))).join("\n")}\n`;
const close = (x: unknown, want: number) => expect(Math.abs((x as number) - want)).toBeLessThanOrEqual(4e-16 * Math.abs(want));

describe.skipIf(noPython !== null)(`the Python helper bonkl_subject.serve${skipped(noPython)}`, () => {
  test("capabilities, kwargs dispatch (logEps -> log_eps), unsupported args and ops, bad lines; exit 0 at EOF", async () => {
    const input = Buffer.concat([
      Buffer.from(
        lines(
          { id: 1, op: "capabilities", args: {} },
          { id: 2, op: "klFormula", args: { n: 16 } },
          { id: 3, op: "klEstimate", args: { n: 4, logEps: -1.5 } },
          { id: 4, op: "klEstimate", args: { n: 4, eps: 0.25 } },
          { id: 5, op: "klBon", args: { p: [0.5, 0.5], n: 2, r: [1, 2] } },
          { id: 6, op: "klBogus", args: {} },
          "this is not JSON",
          "", // a blank line is not a request: no answer
          '{"id": 7, "op": "klFormula", "args": {"n": NaN}}', // Python's json would read NaN; JSON has none
          [1, 2],
          { id: "eight", op: "klFormula", args: { n: 2 } },
          { id: 9, op: 5, args: {} },
          { id: 10, op: "klFormula", args: [16] },
          { id: 11, op: "klFormula" }, // no args: {} -> kl_formula() misses n
          { id: 12, op: "klFormula", args: { n: 1 } },
        ),
      ),
      Buffer.from([0xff, 0xfe, 0x0a]), // a line that is not UTF-8
      Buffer.from(lines({ id: 13, op: "klFormula", args: { n: 2 } })),
    ]);
    const { code, answers, stderr } = await exchange([SCRIPTED], input);
    expect(code, stderr).toBe(0);
    expect(answers).toHaveLength(16);
    const [capabilities, formula, fromLog, fromEps, ...rest] = answers as Array<{ id: unknown; value?: unknown; error?: string }>;
    expect(capabilities).toEqual({ id: 1, value: expect.arrayContaining(["klFormula", "klEstimate", "klBon", "chatty", "raises"]) });
    expect(capabilities?.value).not.toContain("capabilities");
    expect(formula?.id).toBe(2);
    close(formula?.value, Math.log(16) - 15 / 16);
    expect(fromLog).toEqual({ id: 3, value: [4, null, -1.5] });
    expect(fromEps).toEqual({ id: 4, value: [4, 0.25, null] });
    expect(rest).toEqual([
      { id: 5, error: "unsupported: r (klBon takes p, n)" },
      { id: 6, error: "unsupported op: klBogus" },
      { id: null, error: expect.stringMatching(/^bad request: the line is not JSON \(/) },
      { id: null, error: expect.stringMatching(/^bad request: the line is not JSON \(NaN is not JSON/) },
      { id: null, error: 'bad request: a request is a JSON object {"id", "op", "args"}, got an array' },
      { id: "eight", error: "bad request: id must be an integer, got a string" },
      { id: 9, error: "bad request: op must be a string, got a number" },
      { id: 10, error: "bad request: args must be a JSON object, got an array" },
      { id: 11, error: expect.stringMatching(/^TypeError: .*missing 1 required positional argument: 'n'/) },
      { id: 12, value: 0 },
      { id: null, error: expect.stringMatching(/^bad request: the line is not UTF-8/) },
      { id: 13, value: Math.log(2) - 0.5 },
    ]);
  });

  test("NaN and infinities become error answers naming the op and the entry; exceptions and NotImplementedError become answers", async () => {
    const input = lines(
      { id: 1, op: "nanScalar", args: {} },
      { id: 2, op: "infInList", args: {} },
      { id: 3, op: "negInfNested", args: {} },
      { id: 4, op: "raises", args: { p: [0.5, -0.5] } },
      { id: 5, op: "raisesBare", args: {} },
      { id: 6, op: "notImplemented", args: {} },
      { id: 7, op: "notImplementedBare", args: {} },
      { id: 8, op: "exits", args: {} },
      { id: 9, op: "klFormula", args: { n: 2 } }, // still serving after all of the above
    );
    const { code, answers, stderr } = await exchange([SCRIPTED], input);
    expect(code, stderr).toBe(0);
    expect(answers).toEqual([
      { id: 1, error: "nanScalar returned NaN (NaN and infinities are not JSON numbers)" },
      { id: 2, error: "infInList returned Infinity at [1] (NaN and infinities are not JSON numbers)" },
      { id: 3, error: "negInfNested returned -Infinity at [1][1] (NaN and infinities are not JSON numbers)" },
      { id: 4, error: "ValueError: p[1]: must be non-negative, got -0.5" },
      { id: 5, error: "RuntimeError" },
      { id: 6, error: "unsupported: rewards r" },
      { id: 7, error: "unsupported: notImplementedBare is not implemented" },
      { id: 8, error: "SystemExit: 3" },
      { id: 9, value: Math.log(2) - 0.5 },
    ]);
  });

  test("stray output of a user function (print, sys.__stdout__, fd 1, a child process) goes to stderr, never to stdout; also without a file descriptor", async () => {
    const { code, answers, stderr } = await exchange([SCRIPTED], lines({ id: 1, op: "chatty", args: {} }, { id: 2, op: "klFormula", args: { n: 1 } }));
    expect(code, stderr).toBe(0);
    expect(answers).toEqual([
      { id: 1, value: 1.5 },
      { id: 2, value: 0 },
    ]);
    for (const stray of ["stray print from chatty", "stray write to sys.__stdout__", "stray write to file descriptor 1", "stray print from a child process"]) {
      expect(stderr).toContain(stray);
    }
    // Where sys.stdout has no file descriptor, the helper writes to that stream and print() still goes to stderr.
    const noFd = await exchange([SCRIPTED, "nofd"], lines({ id: 1, op: "printer", args: {} }, { id: 2, op: "klFormula", args: { n: 1 } }));
    expect(noFd.code, noFd.stderr).toBe(0);
    expect(noFd.answers).toEqual([
      { id: 1, value: 2.5 },
      { id: 2, value: 0 },
    ]);
    expect(noFd.stderr).toContain("stray print from printer");
  });

  test("duck-typed results (.tolist(), .item(), tuples, Fraction, Decimal) become plain JSON; unfit ones become errors", async () => {
    const input = lines(
      { id: 1, op: "duckTyped", args: {} },
      { id: 2, op: "duckNan", args: {} },
      { id: 3, op: "unfit", args: {} },
      { id: 4, op: "broken", args: {} },
    );
    const { code, answers, stderr } = await exchange([SCRIPTED], input);
    expect(code, stderr).toBe(0);
    expect(answers).toEqual([
      { id: 1, value: [0.5, [0.25, 0.125], [1, 2], 1 / 3, 0.1] }, // float(Fraction(1, 3)) and float(Decimal("0.1")): nearest doubles
      { id: 2, error: "duckNan returned NaN at [1] (NaN and infinities are not JSON numbers)" },
      { id: 3, error: "unfit returned set, which is not a number, a string or a list of them" },
      { id: 4, error: "broken: could not convert the result (RuntimeError: cannot copy a tensor from the device)" },
    ]);
  });

  test("decimal-string args: unsupported by default (a top-level arg or a list entry); other strings reach the function", async () => {
    const input = lines(
      { id: 1, op: "klFormula", args: { n: "16" } },
      { id: 2, op: "klEstimate", args: { n: 4, eps: "1/3" } },
      { id: 3, op: "raises", args: { p: [0.5, "5e-1"] } },
      { id: 4, op: "raises", args: { p: [0.5, "NaN"] } },
    );
    const { code, answers, stderr } = await exchange([SCRIPTED], input);
    expect(code, stderr).toBe(0);
    expect(answers).toEqual([
      { id: 1, error: "unsupported: n is a decimal string; this subject takes JSON numbers" },
      { id: 2, error: "unsupported: eps is a decimal string; this subject takes JSON numbers" },
      { id: 3, error: "unsupported: p[1] is a decimal string; this subject takes JSON numbers" },
      { id: 4, error: "TypeError: p[1]: must be a number, got 'NaN'" },
    ]);
    const passed = await exchange([SCRIPTED, "pass"], lines({ id: 1, op: "klEstimate", args: { n: "4", logEps: "-1e-30" } }));
    expect(passed.answers).toEqual([{ id: 1, value: ["4", null, "-1e-30"] }]);
  });

  test('call="dict" passes the args object as one dict (no argument matching)', async () => {
    const input = lines(
      { id: 1, op: "capabilities", args: {} },
      { id: 2, op: "echoArgs", args: { p: [0.5, 0.5], n: 2, extra: true } },
      { id: 3, op: "klFormula", args: { n: 1 } },
    );
    const { code, answers, stderr } = await exchange([SCRIPTED, "dict"], input);
    expect(code, stderr).toBe(0);
    expect(answers).toEqual([
      { id: 1, value: ["klFormula", "echoArgs"] },
      { id: 2, value: { p: [0.5, 0.5], n: 2, extra: true } },
      { id: 3, value: 0 },
    ]);
  });

  test("empty input: no output, exit 0", async () => {
    expect(await exchange([SCRIPTED], "")).toEqual({ code: 0, answers: [], stderr: "" });
  });

  test("a bad configuration fails at once with a clear message, before reading any request", async () => {
    const dir = JSON.stringify(fileURLToPath(new URL(".", import.meta.url)));
    const importHelper = `import sys; sys.path.insert(0, ${dir}); from bonkl_subject import serve`;
    // One process for the messages (each serve() call raises before it reads stdin) ...
    const cases: Array<[string, string]> = [
      ["serve(kl_bon=lambda p, n: 0)", "TypeError: serve(kl_bon=...): the protocol op is spelt klBon; write serve(klBon=...)"],
      ["serve(capabilities=lambda: [])", "TypeError: serve(capabilities=...): capabilities is answered by serve() from the ops you give"],
      ["serve(klBon=0.5)", "TypeError: serve(klBon=...) must be a function, got float"],
      ["serve()", "TypeError: serve() needs at least one op, e.g. serve(klBon=kl_bon)"],
      ['serve(call="positional", klBon=len)', "ValueError: serve(call=...) must be one of kwargs, dict, got 'positional'"],
      ['serve(decimal_strings="float", klBon=len)', "ValueError: serve(decimal_strings=...) must be one of unsupported, pass, got 'float'"],
    ];
    const script = [
      importHelper,
      "for call in sys.argv[1:]:",
      "    try:",
      "        eval(call)",
      "        print('no error')",
      "    except Exception as e:",
      "        print(type(e).__name__ + ': ' + str(e))",
    ].join("\n");
    const messages = spawnSync(PYTHON, ["-c", script, ...cases.map(([call]) => call)], { encoding: "utf8", input: lines({ id: 1, op: "capabilities", args: {} }) });
    expect(messages.status, messages.stderr).toBe(0);
    expect(messages.stdout.trim().split("\n")).toEqual(cases.map(([, message]) => message));
    // ... and one as a script would meet it: exit status 1, the message on stderr, stdout untouched
    const run = await exchange(["-c", `${importHelper}; serve(kl_bon=lambda p, n: 0)`], lines({ id: 1, op: "capabilities", args: {} }));
    expect(run.code).toBe(1);
    expect(run.answers).toEqual([]);
    expect(run.stderr).toContain("TypeError: serve(kl_bon=...): the protocol op is spelt klBon");
  });

  test("the helper is Python 3.8 syntax and imports only the standard library", async () => {
    const check = [
      "import ast, sys",
      `tree = ast.parse(open(${JSON.stringify(HELPER)}).read(), feature_version=(3, 8))`,
      "names = {a.name.split('.')[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}",
      "names |= {n.module.split('.')[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}",
      "stdlib = getattr(sys, 'stdlib_module_names', None)",
      "print(sorted(names)); print(stdlib is None or names <= stdlib)",
    ].join("\n");
    const run = spawnSync(PYTHON, ["-c", check], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim().split("\n")).toEqual(["['inspect', 'json', 'math', 'os', 're', 'sys']", "True"]);
  });

  test("bonkl's program-subject runner reads its answers as values, errors and unsupported, with no fault", async () => {
    const subject = openProcessSubject(pythonCommand(SCRIPTED), { startGraceMs: 10_000 });
    const answers = await Promise.all([
      subject.call("klFormula", { n: 16 }),
      subject.call("infInList", {}),
      subject.call("notImplemented", {}),
      subject.call("klBon", { p: [0.5, 0.5], n: 2, r: [1, 2] }),
      subject.call("chatty", {}),
      subject.call("klUnknown", {}),
    ]);
    expect(answers.map((a) => a.kind)).toEqual(["value", "error", "unsupported", "unsupported", "value", "unsupported"]);
    const log = await subject.close();
    expect(log.faults).toEqual([]);
    expect(log.instances[0]?.exit).toEqual({ code: 0, signal: null, killedBy: null });
  });

  test(`[slow] runCheck of a correct subject built with the helper passes the standard domain`, async () => {
    const report = await runCheck({ subject: { command: pythonCommand(DECIMAL) }, domains: ["standard"], runs: 100 });
    const text = formatReport(report);
    expect(report.verdict, text).toBe("PASS");
    expect(report.results.map((r) => r.op).sort(), text).toEqual(["bonPmf", "klBon", "klEstimate", "klEstimateUpper", "klFormula", "renyi2"]);
    for (const r of report.results) {
      expect(r.verdict, `${r.op}\n${text}`).toBe("PASS");
      expect(r.skipped, `${r.op}: skipped cases`).toBe(0);
    }
    expect(report.subjectLog.faults, text).toEqual([]);
    expect(report.subjectLog.instances, text).toBe(1);
  }, 120_000);
});

describe.skipIf(noNumpy !== null)(`the Python helper with numpy${skipped(noNumpy)}`, () => {
  test("numpy scalars and arrays (float32 as the double it equals) become plain JSON; a NaN inside an array is named", async () => {
    const input = lines({ id: 1, op: "npValues", args: {} }, { id: 2, op: "npNanArray", args: {} }, { id: 3, op: "npPower", args: { p: [0.5, 0.25], n: 2 } });
    const { code, answers, stderr } = await exchange([SCRIPTED], input);
    expect(code, stderr).toBe(0);
    expect(answers).toEqual([
      // Math.fround: the float32 nearest to x, as a double; the helper must send exactly that double
      { id: 1, value: [Math.fround(0.1), 0.2, 7, [Math.fround(0.1), Math.fround(0.3)], 2.5, [[0, 1], [2, 3]]] },
      { id: 2, error: "npNanArray returned NaN at [2] (NaN and infinities are not JSON numbers)" },
      { id: 3, value: [0.25, 0.0625] },
    ]);
    expect(Math.fround(0.1)).not.toBe(0.1); // the float32 case is a real one
  });
});
