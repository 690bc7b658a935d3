import { describe, expect, test } from "vitest";
import { fileURLToPath } from "node:url";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getEventListeners } from "node:events";
import { UsageError } from "../errors.ts";
import { DOMAIN_NAMES } from "./domains/index.ts";
import type { ProgressSink } from "./progress-sink.ts";
import type { InstanceLog, SubjectLog } from "../subject/subject.ts";
import { closedWithin, DEFAULT_RUNS, DEFAULT_SEED, DEFAULT_SUBJECT_MODULE, INTERRUPTED_EXIT_STATUS, killLiveInstances, runCheck, runsFromEnvironment, selectDomains } from "./run-check.ts";

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe("settings", () => {
  test("domains: all by default, in report order, duplicates once; an unknown name is a usage error", () => {
    expect(selectDomains(null).map((d) => d.name)).toEqual(DOMAIN_NAMES);
    expect(selectDomains([]).map((d) => d.name)).toEqual(DOMAIN_NAMES);
    expect(selectDomains(undefined).map((d) => d.name)).toEqual(DOMAIN_NAMES);
    expect(selectDomains(["ties", "standard", "ties"]).map((d) => d.name)).toEqual(["ties", "standard"]);
    expect(() => selectDomains(["standrad"])).toThrow(UsageError);
    expect(() => selectDomains(["standrad"])).toThrow(`unknown domain "standrad"; the domains are ${DOMAIN_NAMES.join(", ")}`);
  });

  test("runs from BONKL_RUNS, else 100; defaults", () => {
    expect(runsFromEnvironment({})).toBe(DEFAULT_RUNS);
    expect(runsFromEnvironment({ BONKL_RUNS: "7" })).toBe(7);
    expect(() => runsFromEnvironment({ BONKL_RUNS: "x" })).toThrow(UsageError);
    expect([DEFAULT_RUNS, DEFAULT_SEED, INTERRUPTED_EXIT_STATUS]).toEqual([100, 20240604, 130]);
    expect(DEFAULT_SUBJECT_MODULE.endsWith("src/float/subject.ts")).toBe(true);
  });
});

describe("runCheck", () => {
  test("the built-in library on one domain: the report's frame", async () => {
    const report = await runCheck({ domains: ["standard"], runs: 3, seed: 5 });
    const version = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
    expect(report).toMatchObject({
      format: "bonkl-conformance/2",
      bonklVersion: version,
      subject: "built-in float64 library (module src/float/subject.ts)",
      seed: 5,
      runs: 3,
      strict: false,
      domains: ["standard"],
      verdict: "PASS",
      exitStatus: 0,
      replay: "npx bonkl check --seed 5 --runs 3 --domain standard",
      tolerance: { unitRoundoff: 2 ** -53, safetyFactor: 64, subnormalFloor: 64 * 2 ** -1074 },
      notes: [],
    });
    expect(report.capabilities).toEqual(expect.arrayContaining(["bonPmf", "klBon", "klFormula", "klEstimate", "klEstimateUpper", "renyi2"]));
    expect(report.results.map((r) => r.op)).toEqual(["bonPmf", "klBon", "klFormula", "klEstimate", "klEstimateUpper", "renyi2"]);
    expect(report.timing).toMatchObject({ timeoutMs: 10_000, timeouts: 0, suggestedTimeoutMs: null, advice: null });
    expect(report.timing.slowest.length).toBeGreaterThan(0);
    expect(report.summary).toMatch(/^PASS: every checked op passed in every checked domain \(6 op x domain pairs graded, \d+\.\d s\)$/);
    expect(Date.parse(report.startedAt)).toBeGreaterThan(0);
    expect(report.durationMs).toBeGreaterThan(0);
    expect(report.subjectLog.requestsSent).toBe(1 + 6 * 3);
  }, 60_000);

  test("a subject without capabilities: every op tried, unsupported ones skipped, and a note; the timeout in force", async () => {
    const report = await runCheck({ subject: { module: fixture("odd-capabilities.mjs") }, domains: ["ties"], runs: 2, subjectOptions: { timeoutMs: 4000 }, strict: true });
    expect(report.capabilities).toBeNull();
    expect(report.notes).toHaveLength(1);
    expect(report.notes[0]).toMatch(/^capabilities answered fault invalid-response \(value is "all of them": .+\): every op is tried and unsupported answers are skipped$/);
    expect(report.results.map((r) => r.op)).toEqual(["bonPmf", "klBon"]);
    expect(report.strict).toBe(true);
    expect(report.timing.timeoutMs).toBe(4000);
    expect(report.subject).toMatch(/odd-capabilities\.mjs/);
    expect(report.replay).toMatch(/^npx bonkl check --subject \S+odd-capabilities\.mjs --seed 20240604 --runs 2 --domain ties$/);
  }, 60_000);

  test("ops outside the protocol are noted and ignored; a subject listing no op bonkl checks is a usage error", async () => {
    const report = await runCheck({ subject: { module: fixture("extra-capabilities.mjs") }, domains: ["standard"], runs: 2 });
    expect(report.capabilities).toEqual(["klFormula", "fancyOp", "otherOp"]);
    expect(report.notes).toEqual(["capabilities lists ops outside protocol version 1 (ignored): fancyOp, otherOp"]);
    expect(report.results.map((r) => r.op)).toEqual(["klFormula"]);
    await expect(runCheck({ subject: { module: fixture("no-checkable-ops.mjs") }, domains: ["standard"], runs: 1 })).rejects.toThrow(
      /^the subject lists no op that bonkl checks \(capabilities: \["epsInfinity"\]; checked ops: bonPmf, klBon, klFormula, klEstimate, klEstimateUpper, renyi2\)$/,
    );
  }, 60_000);

  test("interrupted before it starts: INTERRUPTED, exit 130, a note naming what was not graded", async () => {
    const controller = new AbortController();
    controller.abort();
    const report = await runCheck({ subject: { module: fixture("naive-subject.mjs") }, domains: ["standard"], runs: 2, signal: controller.signal });
    expect(report).toMatchObject({ verdict: "INTERRUPTED", exitStatus: 130 });
    expect(report.results).toEqual([]);
    // nothing was sent before the interruption: the requests given up at the close are not the subject's faults
    expect(report.subjectLog).toMatchObject({ requestsSent: 0, requestsAnswered: 0, requestsFaulted: 0, faults: [] });
    // naive-subject.mjs lists no capabilities: every graded op of standard is planned, none graded
    const pairs = ["bonPmf", "klBon", "klFormula", "klEstimate", "klEstimateUpper", "renyi2"].map((op) => `${op} in standard`);
    expect(report.notes.at(-1)).toBe(
      `interrupted (Ctrl-C): the subject was stopped; 0 op x domain pair(s) graded, not graded: ${pairs.join(", ")}; the subject's faults are those seen before the interruption`,
    );
  }, 60_000);
});

describe("runCheck: the built-in library interrupted", () => {
  test("before it starts: INTERRUPTED like any subject (no program to kill)", async () => {
    const controller = new AbortController();
    controller.abort();
    const report = await runCheck({ domains: ["standard"], runs: 1, signal: controller.signal });
    expect(report).toMatchObject({ verdict: "INTERRUPTED", exitStatus: 130, results: [] });
  }, 60_000);
});

/** A progress sink that records what it is told and can call back on a given event (to interrupt a run there). */
function recordingProgress(on: { note?: (text: string) => void; tick?: (ticks: number) => void; done?: () => void } = {}) {
  const seen = { starts: [] as number[], ticks: 0, notes: [] as string[], done: 0 };
  const sink: ProgressSink = {
    start: (total) => void seen.starts.push(total),
    tick: () => {
      seen.ticks += 1;
      on.tick?.(seen.ticks);
    },
    note: (text) => {
      seen.notes.push(text);
      on.note?.(text);
    },
    done: () => {
      seen.done += 1;
      on.done?.();
    },
  };
  return { seen, sink };
}

describe("runCheck: capabilities answers", () => {
  test("an error answer: noted with its message; every op tried", async () => {
    const report = await runCheck({ subject: { module: fixture("throwing-capabilities.mjs") }, domains: ["standard"], runs: 1 });
    expect(report.capabilities).toBeNull();
    expect(report.notes).toHaveLength(1);
    expect(report.notes[0]).toMatch(/^capabilities answered error: .*no list today.*: every op is tried and unsupported answers are skipped$/);
    expect(report.results.filter((r) => r.verdict !== "SKIP").map((r) => r.op)).toEqual(["klFormula"]);
  }, 60_000);

  test("an empty list: the subject implements no op, a usage error (not read as no list)", async () => {
    await expect(runCheck({ subject: { module: fixture("empty-capabilities.mjs") }, domains: ["standard"], runs: 1 })).rejects.toThrow(
      /^the subject lists no op that bonkl checks \(capabilities: \[\]; checked ops: /,
    );
  }, 60_000);

  test("a protocol fault: noted with its kind, and the report names the capabilities request it hit", async () => {
    const report = await runCheck({ subject: { module: fixture("cyclic-capabilities.mjs") }, domains: ["standard"], runs: 1 });
    expect(report.capabilities).toBeNull();
    expect(report.notes).toHaveLength(1);
    expect(report.notes[0]).toMatch(/^capabilities answered fault invalid-response \(.+\): every op is tried and unsupported answers are skipped$/);
    expect(report.subjectLog.faults).toHaveLength(1);
    expect(report.subjectLog.faults[0]!.requests).toEqual([{ id: 1, op: "capabilities", domain: "-", label: "the capabilities request" }]);
  }, 60_000);
});

describe("runCheck: grading settings", () => {
  test("--strict fails an answer within tolerance but not accurate, and says so; without it the pair passes", async () => {
    const subject = { module: fixture("inaccurate-formula.mjs") };
    const { seen, sink } = recordingProgress();
    const strict = await runCheck({ subject, domains: ["standard"], runs: 4, strict: true, progress: sink });
    expect(strict.verdict).toBe("FAIL");
    expect(strict.summary).toMatch(/^FAIL: 1 of 1 graded op x domain pairs failed \(--strict: accurate\) \(\d+\.\d s\)$/);
    expect(seen.notes[0]).toBe("klFormula in standard");
    expect(seen.notes.slice(1)).not.toHaveLength(0);
    for (const note of seen.notes.slice(1)) expect(note).toMatch(/^shrinking klFormula in standard \(.+, up to 20 s\)$/); // the default limit
    const limited = recordingProgress();
    await runCheck({ subject, domains: ["standard"], runs: 4, strict: true, progress: limited.sink, shrinkTimeLimitMs: 3000 });
    expect(limited.seen.notes.slice(1)).toEqual(seen.notes.slice(1).map((note) => note.replace("up to 20 s", "up to 3 s")));
    const lenient = await runCheck({ subject, domains: ["standard"], runs: 4 });
    expect(lenient.verdict).toBe("PASS");
    expect(lenient.summary).toMatch(/^PASS: every checked op passed in every checked domain \(1 op x domain pairs graded; 1 within tolerance but not accurate \(see --strict\), \d+\.\d s\)$/);
  }, 60_000);

  test("progress: the total announced is the cases planned, one tick per graded case, each pair noted", async () => {
    const { seen, sink } = recordingProgress();
    // naive-capabilities.mjs lists bonPmf and klBon (klBon answered unsupported): 2 pairs of 3 cases in standard
    const report = await runCheck({ subject: { module: fixture("naive-capabilities.mjs") }, domains: ["standard"], runs: 3, progress: sink });
    expect(seen.starts).toEqual([6]);
    expect(seen.ticks).toBe(6);
    expect(seen.notes).toEqual(["bonPmf in standard", "klBon in standard"]);
    expect(seen.done).toBe(1);
    expect(report.results.map((r) => r.cases)).toEqual([3, 3]);
  }, 60_000);

  test("no domain named: every domain checked and the replay names none; the duration is the call's", async () => {
    const before = Date.now();
    const report = await runCheck({ subject: { module: fixture("extra-capabilities.mjs") }, domains: [], runs: 1 });
    const elapsed = Date.now() - before;
    expect(report.domains).toEqual(DOMAIN_NAMES);
    expect(report.replay).toMatch(/^npx bonkl check --subject \S+extra-capabilities\.mjs --seed 20240604 --runs 1$/);
    expect(report.durationMs).toBeGreaterThan(0);
    expect(report.durationMs).toBeLessThanOrEqual(elapsed);
  }, 60_000);
});

describe("runCheck: interrupted during the run", () => {
  const tail = "the subject's faults are those seen before the interruption";

  test("while the second pair starts: the first pair stands, the second is named as not graded, the run stops there", async () => {
    const controller = new AbortController();
    const { seen, sink } = recordingProgress({ note: (text) => text === "klBon in standard" && controller.abort() });
    const report = await runCheck({ subject: { module: fixture("naive-subject.mjs") }, domains: ["standard"], runs: 2, progress: sink, signal: controller.signal });
    expect(report).toMatchObject({ verdict: "INTERRUPTED", exitStatus: 130 });
    expect(report.results.map((r) => [r.op, r.cases])).toEqual([["bonPmf", 2]]);
    expect(seen.notes).toEqual(["bonPmf in standard", "klBon in standard"]);
    const notGraded = ["klBon", "klFormula", "klEstimate", "klEstimateUpper", "renyi2"].map((op) => `${op} in standard`).join(", ");
    expect(report.notes.at(-1)).toBe(`interrupted (Ctrl-C): the subject was stopped; 1 op x domain pair(s) graded, not graded: ${notGraded}; ${tail}`);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  }, 60_000);

  test("after the first graded case: that pair is reported with its one case", async () => {
    const controller = new AbortController();
    const { sink } = recordingProgress({ tick: (ticks) => ticks === 1 && controller.abort() });
    const report = await runCheck({ subject: { module: fixture("naive-capabilities.mjs") }, domains: ["standard"], runs: 3, progress: sink, signal: controller.signal });
    expect(report.verdict).toBe("INTERRUPTED");
    expect(report.results.map((r) => [r.op, r.cases])).toEqual([["bonPmf", 1]]);
    expect(report.notes.at(-1)).toBe(`interrupted (Ctrl-C): the subject was stopped; 1 op x domain pair(s) graded, not graded: klBon in standard; ${tail}`);
  }, 60_000);

  test("while the capabilities answer is on its way: a late usage error is the run's early stop, reported", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bonkl-late-capabilities-"));
    const marker = join(dir, "asked");
    const controller = new AbortController();
    try {
      const running = runCheck({ subject: { module: fixture("late-capabilities.mjs") }, domains: ["standard"], runs: 1, signal: controller.signal, subjectOptions: { env: { ...process.env, BONKL_TEST_MARKER: marker } } });
      while (!existsSync(marker)) await new Promise((resolve) => setTimeout(resolve, 5));
      controller.abort();
      writeFileSync(`${marker}.go`, "go");
      const report = await running;
      expect(report).toMatchObject({ verdict: "INTERRUPTED", exitStatus: 130, results: [] });
      expect(report.notes).toEqual([
        `the run stopped early: the subject lists no op that bonkl checks (capabilities: ["epsInfinity"]; checked ops: bonPmf, klBon, klFormula, klEstimate, klEstimateUpper, renyi2)`,
        `interrupted (Ctrl-C): the subject was stopped; 0 op x domain pair(s) graded; ${tail}`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  test("a program subject stuck in a call is killed at the interruption, not left to its timeout", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bonkl-stuck-program-"));
    const marker = join(dir, "pid");
    const controller = new AbortController();
    let pid: number | null = null;
    try {
      const running = runCheck({
        subject: { command: `${JSON.stringify(process.execPath)} ${JSON.stringify(fixture("stuck-program.mjs"))}` },
        domains: ["standard"],
        runs: 1,
        signal: controller.signal,
        subjectOptions: { timeoutMs: 60_000, env: { ...process.env, BONKL_TEST_MARKER: marker } },
      });
      while (!existsSync(marker) || readFileSync(marker, "utf8") === "") await new Promise((resolve) => setTimeout(resolve, 5));
      pid = Number(readFileSync(marker, "utf8"));
      controller.abort();
      const report = await running;
      expect(report.verdict).toBe("INTERRUPTED");
      expect(() => process.kill(pid!, 0)).toThrow(); // gone by the time the report is back
    } finally {
      if (pid !== null) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  test("once every pair is graded: the note names no pair as not graded", async () => {
    const controller = new AbortController();
    const { sink } = recordingProgress({ done: () => controller.abort() });
    const report = await runCheck({ subject: { module: fixture("naive-capabilities.mjs") }, domains: ["standard"], runs: 2, progress: sink, signal: controller.signal });
    expect(report.verdict).toBe("INTERRUPTED");
    expect(report.results.map((r) => r.op)).toEqual(["bonPmf", "klBon"]);
    expect(report.notes.at(-1)).toBe(`interrupted (Ctrl-C): the subject was stopped; 2 op x domain pair(s) graded; ${tail}`);
  }, 60_000);

  test("a run not interrupted leaves no listener on the signal", async () => {
    const controller = new AbortController();
    const report = await runCheck({ subject: { module: fixture("extra-capabilities.mjs") }, domains: ["standard"], runs: 1, signal: controller.signal });
    expect(report.verdict).toBe("PASS");
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  }, 60_000);
});

describe("runCheck: the interruption's parts alone, and a run past the request registry's window", () => {
  const instance = (pid: number | null, exited: boolean): InstanceLog =>
    ({ instance: 1, pid, requestsSent: 0, requestsAnswered: 0, exit: exited ? { code: 0, signal: null, killedBy: null } : null, stderr: null, stdout: null }) as unknown as InstanceLog;

  test("killLiveInstances kills the groups of running instances only: not one that exited, not one without a pid", () => {
    const killed: number[] = [];
    killLiveInstances({ instances: [instance(101, true), instance(102, false), instance(null, false), instance(103, false), instance(null, true)] }, (pid) => killed.push(pid));
    expect(killed).toEqual([102, 103]);
  });

  test("closedWithin: the closed subject's log, or after the wait its log as it stands", async () => {
    const closedLog = { description: "closed" } as SubjectLog;
    const liveLog = { description: "live" } as SubjectLog;
    expect(await closedWithin({ close: async () => closedLog, log: () => liveLog }, 60_000)).toBe(closedLog);
    const started = Date.now();
    expect(await closedWithin({ close: () => new Promise<SubjectLog>(() => {}), log: () => liveLog }, 20)).toBe(liveLog); // a close that never ends
    expect(Date.now() - started).toBeLessThan(5_000);
  }, 10_000);

  // The invalid domain needs no oracle; the first three answers are faults. npm test: 1000 graded cases, where the
  // registry first reads the subject's faults to keep their requests. BONKL_DEEP=1: 20100 requests (about 6 s), past
  // the registry's window of 20000, so the early requests are named only because they were kept.
  const longRun = process.env.BONKL_DEEP === "1" ? 20_100 : 1000;
  test(`a run of ${longRun} requests names the early faulted requests with their cases (the registry keeps them every 1000 graded cases)`, async () => {
    const report = await runCheck({ subject: { module: fixture("early-faults.mjs") }, domains: ["invalid"], runs: longRun });
    expect(report.subjectLog.requestsSent).toBe(longRun + 1);
    expect(report.subjectLog.faults.map((f) => f.requests.map((r) => [r.id, r.domain]))).toEqual([[[2, "invalid"]], [[3, "invalid"]], [[4, "invalid"]]]);
  }, 120_000);
});
