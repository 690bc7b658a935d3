import { describe, expect, test } from "vitest";
import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";
import { UsageError } from "../errors.ts";
import { DOMAIN_NAMES } from "./domains/index.ts";
import { DEFAULT_RUNS, DEFAULT_SEED, DEFAULT_SUBJECT_MODULE, INTERRUPTED_EXIT_STATUS, runCheck, runsFromEnvironment, selectDomains } from "./run-check.ts";

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
    expect(report.notes[0]).toMatch(/^capabilities answered .+: every op is tried and unsupported answers are skipped$/);
    expect(report.results.map((r) => r.op)).toEqual(["bonPmf", "klBon"]);
    expect(report.strict).toBe(true);
    expect(report.timing.timeoutMs).toBe(4000);
    expect(report.subject).toMatch(/odd-capabilities\.mjs/);
    expect(report.replay).toMatch(/^npx bonkl check --subject \S+odd-capabilities\.mjs --seed 20240604 --runs 2 --domain ties$/);
  }, 60_000);

  test("ops outside the protocol are noted and ignored; a subject listing no op bonkl checks is a usage error", async () => {
    const report = await runCheck({ subject: { module: fixture("extra-capabilities.mjs") }, domains: ["standard"], runs: 2 });
    expect(report.capabilities).toEqual(["klFormula", "fancyOp"]);
    expect(report.notes).toEqual(["capabilities lists ops outside protocol version 1 (ignored): fancyOp"]);
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
    expect(report.notes.join("\n")).toMatch(/interrupted \(Ctrl-C\): the subject was stopped; 0 op x domain pair\(s\) graded/);
  }, 60_000);
});
