// Module subjects (src/subject/fixtures/*-module.mjs, typed-module.ts) run in a worker thread. Every test checks that
// call() resolved (never rejected), close() resolved with every worker gone, and the log names faults and requests.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { UsageError } from "../errors.ts";
import { expectFault, fixture, idsOf } from "./fixtures/harness.ts";
import { openModuleSubject } from "./module-subject.ts";
import type { Answer, SubjectLog, SubjectOptions } from "./subject.ts";

const FAST: SubjectOptions = { timeoutMs: 500, startGraceMs: 10_000 };
const open = (name: string, options: SubjectOptions = {}) => openModuleSubject(fixture(name), { ...FAST, ...options });
const detailOf = (answer: Answer): string => (answer.kind === "fault" ? answer.detail : `not a fault: ${JSON.stringify(answer)}`);

function expectNoWorkerLeft(log: SubjectLog): void {
  for (const instance of log.instances) expect(instance.exit, `worker ${instance.pid} has not exited`).not.toBeNull();
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
    expectNoWorkerLeft(log);
  });

  test("a TypeScript module loads through tsx, and declares its capabilities", async () => {
    const subject = open("typed-module.ts");
    expect(await subject.call("klFormula", { n: 2 })).toMatchObject({ kind: "value", value: Math.log(2) - 0.5 });
    expect(await subject.call("capabilities", {})).toMatchObject({ kind: "value", value: ["klFormula"] });
    const log = await subject.close();
    expect(log.faults).toEqual([]);
    expectNoWorkerLeft(log);
  });

  test("a constant capabilities array, and ops found on a default export", async () => {
    const subject = open("const-capabilities.mjs");
    expect(await subject.call("capabilities", {})).toMatchObject({ kind: "value", value: ["klFormula"] });
    expect(await subject.call("klFormula", { n: 2 })).toMatchObject({ kind: "value", value: 0.25 });
    expectNoWorkerLeft(await subject.close());
  });

  test("calls may overlap: they run one at a time by default, in order", async () => {
    const subject = open("good-module.mjs");
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => subject.call("klFormula", { n: i + 1 })));
    expect(answers.map((a) => a.kind === "value" && a.id)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expectNoWorkerLeft(await subject.close());
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
    expectNoWorkerLeft(log);
  });

  test("a promise that never resolves: timeout, the worker is replaced for later calls", async () => {
    const subject = open("bad-module.mjs", { timeoutMs: 300 });
    expectFault(await subject.call("neverResolves", {}), "timeout");
    expect(await subject.call("ok", {})).toMatchObject({ kind: "value", value: 0.5 });
    const log = await subject.close();
    expect(idsOf(log, "timeout")).toEqual([1]);
    expect(log.instances).toHaveLength(2);
    expect(log.instances[0]?.exit?.killedBy).toBe("timeout");
    expectNoWorkerLeft(log);
  });

  test("a synchronous endless loop: timeout, the worker is terminated and replaced", async () => {
    const subject = open("bad-module.mjs", { timeoutMs: 300 });
    const started = performance.now();
    expectFault(await subject.call("loopsForever", {}), "timeout");
    expect(performance.now() - started).toBeLessThan(2000);
    expect(await subject.call("ok", {})).toMatchObject({ kind: "value", value: 0.5 });
    const log = await subject.close();
    expect(idsOf(log, "timeout")).toEqual([1]);
    expectNoWorkerLeft(log);
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
    expectNoWorkerLeft(log);
  });

  test("an uncaught error outside the call: worker-error, and a fresh worker", async () => {
    const subject = open("bad-module.mjs");
    const answer = await subject.call("asyncCrash", {});
    expectFault(answer, "worker-error");
    expect(detailOf(answer)).toMatch(/uncaught, outside any call/);
    expect(await subject.call("ok", {})).toMatchObject({ kind: "value" });
    expectNoWorkerLeft(await subject.close());
  });

  test("process.exit inside a call ends only the worker: fault exited", async () => {
    const subject = open("bad-module.mjs");
    expectFault(await subject.call("exits", {}), "exited");
    expect(await subject.call("ok", {})).toMatchObject({ kind: "value" });
    expectNoWorkerLeft(await subject.close());
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
    expectNoWorkerLeft(log);
  });

  test("a missing module file is a usage error", () => {
    expect(() => openModuleSubject("./no/such/impl.mjs")).toThrow(UsageError);
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
      expectNoWorkerLeft(log);
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
      expectNoWorkerLeft(await subject.close());
    });
  });
});
