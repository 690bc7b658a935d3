// Module subjects (src/subject/fixtures/*-module.mjs, typed-module.ts) run in a host process. Every test checks that
// call() resolved (never rejected), close() resolved with every host gone, and the log names faults and requests.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { UsageError } from "../errors.ts";
import { checkModulePath } from "./module-path.ts";
import { locateTsx } from "./tsx-location.ts";
import { expectFault, expectNoProcessLeft, fixture, idsOf } from "./fixtures/harness.ts";
import { openModuleSubject } from "./module-subject.ts";
import type { Answer, SubjectLog, SubjectOptions } from "./subject.ts";

const FAST: SubjectOptions = { timeoutMs: 500, startGraceMs: 10_000 };
const open = (name: string, options: SubjectOptions = {}) => openModuleSubject(fixture(name), { ...FAST, ...options });
const detailOf = (answer: Answer): string => (answer.kind === "fault" ? answer.detail : `not a fault: ${JSON.stringify(answer)}`);

function expectNoHostLeft(log: SubjectLog): void {
  for (const instance of log.instances) expect(instance.exit, `host ${instance.pid} has not exited`).not.toBeNull();
  expectNoProcessLeft(log);
}

describe("a well-behaved module", () => {
  test("sync and async exports, errors, unsupported, default capabilities; console output captured", async () => {
    const subject = open("good-module.mjs");
    const call = (op: string, args: object) => subject.call(op, args);
    expect(await call("klFormula", { n: 1 })).toEqual({ kind: "value", id: 1, value: 0, raw: { id: 1, value: 0 } });
    expect(await call("klBon", { p: [0.5, 0.5], n: 2 })).toMatchObject({ kind: "value", value: "0.1308120340412760512" });
    expect(await call("bonPmf", { p: [0.25, 0.75], n: 2 })).toMatchObject({ kind: "value", value: [0.25, 0.75] });
    expect(await call("klBon", { p: [1], n: 2, r: [1] })).toMatchObject({ kind: "unsupported", message: "unsupported: r" });
    expect(await call("klEstimate", { n: 1e9, eps: 0.5 })).toMatchObject({ kind: "error", message: "n too large for this estimator" });
    expect(await call("renyi2", { p: [1] })).toMatchObject({ kind: "error", message: "a thrown string" });
    expect(await call("klEstimateUpper", { n: 2, eps: 0.5 })).toMatchObject({
      kind: "unsupported",
      message: "unsupported op: klEstimateUpper (the module exports no klEstimateUpper)",
    });
    expect(await call("capabilities", {})).toMatchObject({ kind: "value", value: ["bonPmf", "klBon", "klFormula", "klEstimate", "renyi2"] });
    const log = await subject.close();
    expect(log.faults).toEqual([]);
    expect(log.instances).toHaveLength(1);
    expect(log.instances[0]?.stdout?.head).toBe("computing bonPmf\n");
    expectNoHostLeft(log);
  });

  test("a TypeScript module loads through tsx, and declares its capabilities", async () => {
    const subject = open("typed-module.ts");
    expect(await subject.call("klFormula", { n: 2 })).toMatchObject({ kind: "value", value: Math.log(2) - 0.5 });
    expect(await subject.call("capabilities", {})).toMatchObject({ kind: "value", value: ["klFormula"] });
    const log = await subject.close();
    expect(log.faults).toEqual([]);
    expectNoHostLeft(log);
  });

  test("a constant capabilities array, and ops found on a default export", async () => {
    const subject = open("const-capabilities.mjs");
    expect(await subject.call("capabilities", {})).toMatchObject({ kind: "value", value: ["klFormula"] });
    expect(await subject.call("klFormula", { n: 2 })).toMatchObject({ kind: "value", value: 0.25 });
    expectNoHostLeft(await subject.close());
  });

  test("calls may overlap: they run one at a time by default, in order", async () => {
    const subject = open("good-module.mjs");
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => subject.call("klFormula", { n: i + 1 })));
    expect(answers.map((a) => a.kind === "value" && a.id)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expectNoHostLeft(await subject.close());
  });
});

describe("a module that breaks the protocol", () => {
  test("wrongly typed or non-serialisable values are invalid-response faults for that call only", async () => {
    const subject = open("bad-module.mjs");
    const cases: [string, RegExp][] = [
      ["klBon", /value is "abc": not a number, a decimal string/],
      ["bonPmf", /value is a Float64Array, not plain JSON data/],
      ["klFormula", /value is NaN: not a finite number/],
      ["klEstimate", /returned a function, which cannot be sent back/],
      ["klEstimateUpper", /value is undefined/],
      ["renyi2", /renyi2 answers one number or decimal string; value is an array of length 1/],
    ];
    for (const [op, detail] of cases) {
      const answer = await subject.call(op, { p: [0.5, 0.5], n: 2 });
      expectFault(answer, "invalid-response");
      expect(detailOf(answer)).toMatch(detail);
    }
    expect(await subject.call("ok", {})).toMatchObject({ kind: "value", value: 0.5 });
    expect(await subject.call("notAFunction", {})).toMatchObject({ kind: "error", message: "the module's export notAFunction is a number, not a function" });
    const log = await subject.close();
    expect(idsOf(log, "invalid-response")).toEqual([1, 2, 3, 4, 5, 6]);
    expect(log.instances).toHaveLength(1); // nothing here needs a new worker
    expectNoHostLeft(log);
  });

  test("a promise that never resolves: timeout, the host is replaced for later calls", async () => {
    const subject = open("bad-module.mjs", { timeoutMs: 300 });
    expectFault(await subject.call("neverResolves", {}), "timeout");
    expect(await subject.call("ok", {})).toMatchObject({ kind: "value", value: 0.5 });
    const log = await subject.close();
    expect(idsOf(log, "timeout")).toEqual([1]);
    expect(log.instances).toHaveLength(2);
    expect(log.instances[0]?.exit?.killedBy).toBe("timeout");
    expectNoHostLeft(log);
  });

  test("a synchronous endless loop: timeout, the host is killed and replaced", async () => {
    const subject = open("bad-module.mjs", { timeoutMs: 300 });
    expect(await subject.call("ok", {})).toMatchObject({ kind: "value", value: 0.5 }); // loaded: the clock is the timeout's
    const started = performance.now();
    expectFault(await subject.call("loopsForever", {}), "timeout");
    expect(performance.now() - started).toBeLessThan(2000);
    expect(await subject.call("ok", {})).toMatchObject({ kind: "value", value: 0.5 });
    const log = await subject.close();
    expect(idsOf(log, "timeout")).toEqual([2]);
    expectNoHostLeft(log);
  });

  test("mutating the input: the answer counts, the log names the change, bonkl's own args are untouched", async () => {
    const subject = open("bad-module.mjs");
    const args = { p: [0.5, 0.5], n: 2 };
    expect(await subject.call("mutates", args)).toMatchObject({ kind: "value", value: 0.5 });
    expect(args).toEqual({ p: [0.5, 0.5], n: 2 });
    const deep = { nested: { list: [1, 2, 3] } };
    expect(await subject.call("mutatesDeep", deep)).toMatchObject({ kind: "value" });
    expect(deep.nested.list).toEqual([1, 2, 3]);
    const log = await subject.close();
    expect(log.faults).toEqual([
      expect.objectContaining({ kind: "mutated-input", ids: [1], detail: "the function changed its input: args.p changed length from 2 to 3" }),
      expect.objectContaining({ kind: "mutated-input", ids: [2], detail: "the function changed its input: args.nested.list[0] changed from 1 to 3" }),
    ]);
    expectNoHostLeft(log);
  });

  test("an uncaught error outside the call: worker-error on the call that was running, and a fresh host", async () => {
    const subject = open("bad-module.mjs");
    const answer = await subject.call("asyncCrash", {});
    expectFault(answer, "worker-error");
    expect(detailOf(answer)).toMatch(/uncaught, outside any call/);
    expect(await subject.call("ok", {})).toMatchObject({ kind: "value" });
    expectNoHostLeft(await subject.close());
  });

  test("process.exit inside a call ends only the host: fault exited", async () => {
    const subject = open("bad-module.mjs");
    expectFault(await subject.call("exits", {}), "exited");
    expect(await subject.call("ok", {})).toMatchObject({ kind: "value" });
    expectNoHostLeft(await subject.close());
  });

  test("out of memory inside a call: a crashed fault on that call, naming the memory; a fresh host answers later calls", async () => {
    const subject = open("bad-module.mjs", { maxHeapMb: 48 });
    const answer = await subject.call("hoards", {});
    expectFault(answer, "crashed");
    expect(detailOf(answer)).toMatch(/^the module ran out of memory \(its heap limit is 48 MiB; node: "JavaScript heap out of memory"\) and was killed by signal SIGABRT; this was the request running \(a module host runs its requests one at a time\)$/);
    expect(await subject.call("ok", {})).toMatchObject({ kind: "value", value: 0.5 });
    const log = await subject.close();
    expect(idsOf(log, "crashed")).toEqual([1]);
    expect(log.instances).toHaveLength(2);
    expectNoHostLeft(log);
  });

  test("a module that fails to load: start-failed once, then stopped", async () => {
    const subject = open("throws-at-load.mjs");
    const answer = await subject.call("klFormula", { n: 2 });
    expectFault(answer, "start-failed");
    expect(detailOf(answer)).toMatch(/the module failed to load: cannot find the precision library/);
    expectFault(await subject.call("klFormula", { n: 2 }), "stopped");
    const log = await subject.close();
    expect(log.stoppedBecause).toMatch(/could not start/);
    expect(log.instances).toHaveLength(1);
    expectNoHostLeft(log);
  });

  test("a missing module file is a usage error", () => {
    expect(() => openModuleSubject("./no/such/impl.mjs")).toThrow(UsageError);
  });
});

describe("what --subject accepts, checked before anything runs", () => {
  const usage = (path: string): string => {
    try {
      checkModulePath(path);
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      return (error as Error).message;
    }
    throw new Error(`${path} was accepted`);
  };

  test("an empty name, a folder, a package.json, a Python file, a FIFO, another extension: usage errors saying what to do", () => {
    const dir = mkdtempSync(join(tmpdir(), "bonkl-module-path-"));
    try {
      for (const name of ["package.json", "impl.py", "impl.sh", "impl.MJS", "impl.tsx"]) writeFileSync(join(dir, name), "");
      expect(usage("")).toBe('--subject "": give the path of a JS/TS module file (.mjs .js .cjs .ts .mts .cts)');
      expect(usage(dir)).toBe(`--subject ${JSON.stringify(dir)}: a folder, not a module file; give the module itself (.mjs .js .cjs .ts .mts .cts)`);
      expect(usage(join(dir, "package.json"))).toMatch(/: a package\.json, not a module; a program in any language runs with --subject-cmd "PROGRAM ARGS"$/);
      expect(usage(join(dir, "impl.py"))).toBe(`--subject ${JSON.stringify(join(dir, "impl.py"))}: a Python file is not a module; run it as a program: --subject-cmd ${JSON.stringify(`python3 ${join(dir, "impl.py")}`)}`);
      for (const name of ["impl.sh", "impl.MJS", "impl.tsx"]) expect(usage(join(dir, name))).toMatch(/: not a JS\/TS module \(the name must end in one of \.mjs \.js \.cjs \.ts \.mts \.cts\)/);
      execFileSync("mkfifo", [join(dir, "pipe.mjs")]);
      expect(usage(join(dir, "pipe.mjs"))).toMatch(/: not a regular file$/);
      expect(usage(join(dir, "missing.mjs"))).toMatch(/: no such file$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("every module extension is accepted; TypeScript ones are loaded through tsx", () => {
    expect(checkModulePath(fixture("good-module.mjs"))).toEqual({ absolute: fixture("good-module.mjs"), typescript: false });
    expect(checkModulePath(fixture("typed-module.ts")).typescript).toBe(true);
  });

  test("tsx is looked for only for a TypeScript module, and its absence is a usage error", () => {
    expect(locateTsx("impl.ts")).toMatch(/^file:.*\/tsx\/dist\/esm\/api\/index\.mjs$/);
    const missing = (): string => {
      throw new Error("Cannot find package 'tsx'");
    };
    expect(() => locateTsx("impl.ts", missing)).toThrow(UsageError);
    expect(() => locateTsx("impl.ts", missing)).toThrow(
      "--subject \"impl.ts\": a TypeScript module is loaded through tsx, which cannot be found (Cannot find package 'tsx'); install it next to bonkl (npm install tsx) or give a JavaScript module",
    );
  });
});

describe("which modules get TypeScript support (tsx), by the file's extension", () => {
  /** Writes the files into a fresh temporary directory, runs `body` with the directory, then removes it. */
  async function inTempDir(files: Record<string, string>, body: (dir: string) => Promise<void>): Promise<void> {
    const dir = mkdtempSync(join(tmpdir(), "bonkl-module-kind-"));
    try {
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(join(dir, name, ".."), { recursive: true });
        writeFileSync(join(dir, name), text);
      }
      await body(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const typed = "export const klFormula = ({ n }: { n: number }): number => n / 4;\n";

  test.each(["impl.mts"])("%s is TypeScript: it loads through tsx", async (name) => {
    await inTempDir({ [name]: typed }, async (dir) => {
      const subject = openModuleSubject(join(dir, name), FAST);
      expect(await subject.call("klFormula", { n: 2 })).toMatchObject({ kind: "value", value: 0.5 });
      const log = await subject.close();
      expect(log.faults).toEqual([]);
      expectNoHostLeft(log);
    });
  });

  test("a .mjs file is plain JavaScript even in a directory named like a .ts file: node loads it without tsx", async () => {
    // Without tsx, node 20 cannot import a .ts file: the module fails to load, as the same module does anywhere else.
    const files = { "v2.ts/impl.mjs": 'import { half } from "./half.ts";\nexport const klFormula = () => half;\n', "v2.ts/half.ts": "export const half: number = 0.5;\n" };
    await inTempDir(files, async (dir) => {
      const subject = openModuleSubject(join(dir, "v2.ts", "impl.mjs"), FAST);
      const answer = await subject.call("klFormula", { n: 2 });
      expectFault(answer, "start-failed");
      expect(detailOf(answer)).toMatch(/the module failed to load: .*\.ts/);
      expectNoHostLeft(await subject.close());
    });
  });
});
