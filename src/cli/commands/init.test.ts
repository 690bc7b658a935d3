/**
 * `bonkl init python|js`: prints src/init/bonkl_subject.py and src/init/subject-template.mjs byte for byte; a
 * missing, unknown or extra target is a usage error (exit status 2, one line on stderr). Most checks run in this
 * process through the dispatcher; two real command lines (each a node start, seconds on a loaded machine) check the
 * file lookup from another working directory and the exit status. The printed Python file is then used the way a
 * user would: saved in another directory and imported from a script there (skipped, with a notice, where python3 is
 * missing).
 */
import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, describe, expect, test, vi } from "vitest";
import { main, reportError } from "../dispatch.ts";
import { initCommand } from "./init.ts";

const BONKL = fileURLToPath(new URL("../bonkl.mjs", import.meta.url));
const FILES = { python: "../../init/bonkl_subject.py", js: "../../init/subject-template.mjs" } as const;

interface Run {
  code: number;
  stdout: Buffer;
  stderr: string;
}

function bonkl(args: string[], cwd?: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BONKL, ...args], { encoding: "buffer", cwd }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr: stderr.toString("utf8") });
    });
  });
}

const python = spawnSync("python3", ["--version"], { stdio: "ignore" });
const noPython = python.error !== undefined ? `python3 not runnable (${python.error.message})` : python.status === 0 ? null : `python3 --version exited with ${python.status}`;
if (noPython !== null) console.warn(`src/cli/commands/init.test.ts: SKIPPING the test that runs the printed Python helper: ${noPython}`);

const scratch = mkdtempSync(join(tmpdir(), "bonkl-init-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the dispatcher as bonkl.mjs would: stdout and stderr captured as bytes, errors turned into an exit status. */
async function inProcess(args: string[]): Promise<Run> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const capture = (into: Buffer[]) => (chunk: string | Uint8Array) => {
    into.push(Buffer.from(chunk));
    return true;
  };
  vi.spyOn(process.stdout, "write").mockImplementation(capture(out));
  vi.spyOn(process.stderr, "write").mockImplementation(capture(err));
  let code: number;
  try {
    code = await main(args);
  } catch (error) {
    code = reportError(error);
  } finally {
    vi.restoreAllMocks();
  }
  return { code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString("utf8") };
}

afterEach(() => vi.restoreAllMocks());

describe("bonkl init", () => {
  test("python and js print their files byte for byte", async () => {
    const py = await inProcess(["init", "python"]);
    const js = await inProcess(["init", "js"]);
    expect(py).toEqual({ code: 0, stdout: readFileSync(new URL(FILES.python, import.meta.url)), stderr: "" });
    expect(js).toEqual({ code: 0, stdout: readFileSync(new URL(FILES.js, import.meta.url)), stderr: "" });
    expect(py.stdout.toString("utf8")).toMatch(/^"""bonkl_subject: /);
    expect(js.stdout.toString("utf8")).toContain("export function capabilities()");
  });

  test("a missing, unknown or extra target is a usage error: exit status 2, one line on stderr, nothing on stdout", async () => {
    const runs: Run[] = [];
    for (const args of [["init"], ["init", "rust"], ["init", "python", "js"], ["init", "--force"]]) runs.push(await inProcess(args));
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stdout.length).toBe(0);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
    }
    expect(runs[0]?.stderr).toBe("bonkl: init takes one target (python or js), got none (see --help)\n");
    expect(runs[1]?.stderr).toBe('bonkl: init: unknown target "rust"; the targets are python, js\n');
    expect(runs[2]?.stderr).toBe("bonkl: init takes one target (python or js), got 2 (see --help)\n");
    expect(runs[3]?.stderr).toMatch(/^bonkl: Unknown option '--force'/);
  });

  test("from the command line: the file is found from another working directory; an unknown target exits with 2", async () => {
    const [py, bad] = await Promise.all([bonkl(["init", "python"], scratch), bonkl(["init", "rust"], scratch)]);
    expect(py).toEqual({ code: 0, stdout: readFileSync(new URL(FILES.python, import.meta.url)), stderr: "" });
    expect(bad).toEqual({ code: 2, stdout: Buffer.alloc(0), stderr: 'bonkl: init: unknown target "rust"; the targets are python, js\n' });
  });

  test("--help names both targets with an example each, in the style of the other commands", () => {
    expect(initCommand.help).toMatch(/^Usage: bonkl init <python\|js>/);
    expect(initCommand.help).toMatch(/Examples?:\n {2}npx bonkl /);
    expect(initCommand.help).toContain("npx bonkl init python > bonkl_subject.py");
    expect(initCommand.help).toContain("npx bonkl init js > subject.mjs");
  });

  test.skipIf(noPython !== null)(`the printed helper works where a user saves it${noPython === null ? "" : ` [SKIPPED: ${noPython}]`}`, async () => {
    const { stdout } = await inProcess(["init", "python"]);
    writeFileSync(join(scratch, "bonkl_subject.py"), stdout);
    writeFileSync(
      join(scratch, "my_subject.py"),
      ["import math", "from bonkl_subject import serve", "def kl_formula(n):", "    return math.log(n) - (n - 1) / n", "serve(klFormula=kl_formula)", ""].join("\n"),
    );
    const input = '{"id": 1, "op": "capabilities", "args": {}}\n{"id": 2, "op": "klFormula", "args": {"n": 1}}\n';
    const run = spawnSync("python3", ["my_subject.py"], { cwd: scratch, input, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('{"id": 1, "value": ["klFormula"]}\n{"id": 2, "value": 0.0}\n');
  });
});
