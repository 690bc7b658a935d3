// `bonkl check` end to end on small runs: exit statuses, the JSON report (validated against
// spec/conformance/report.schema.json with ajv, also when the subject fails or crashes), and usage errors.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv } from "ajv";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { UsageError } from "../../errors.ts";
import type { ConformanceReport } from "../../conformance/report.ts";
import { checkCommand } from "./check.ts";

const FIXTURES = "src/conformance/fixtures";
const schema = JSON.parse(readFileSync("spec/conformance/report.schema.json", "utf8")) as object;
const validate = new Ajv({ allowUnionTypes: true }).compile(schema);
const dir = mkdtempSync(join(tmpdir(), "bonkl-check-"));
let output = "";

beforeEach(() => {
  output = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    output += String(chunk);
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

async function check(args: string[]): Promise<{ status: number; report: ConformanceReport }> {
  const file = join(dir, `report-${Math.random().toString(36).slice(2)}.json`);
  const status = await checkCommand.run([...args, "--json", file]);
  const report = JSON.parse(readFileSync(file, "utf8")) as ConformanceReport;
  expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  return { status, report };
}

describe("bonkl check", () => {
  test("a passing subject: exit 0, a table, the seed and the replay command", async () => {
    const { status, report } = await check(["--subject", `${FIXTURES}/naive-subject.mjs`, "--domain", "standard", "--runs", "5", "--seed", "11"]);
    expect(status).toBe(0);
    expect(report.verdict).toBe("PASS");
    expect(report.results.map((r) => r.verdict)).toEqual(["PASS", "PASS", "PASS", "PASS", "PASS", "PASS"]);
    expect(output).toMatch(/klBon\s+standard\s+5\s/);
    expect(output).toContain("Replay: npx bonkl check --subject src/conformance/fixtures/naive-subject.mjs --seed 11 --runs 5 --domain standard");
  });

  test("a failing subject: exit 1, the shrunk input, the JSON report", async () => {
    const { status, report } = await check(["--subject", `${FIXTURES}/formula-kl.mjs`, "--domain", "standard", "--runs", "10"]);
    expect(status).toBe(1);
    const klBon = report.results.find((r) => r.op === "klBon")!;
    expect(klBon.verdict).toBe("FAIL");
    expect(klBon.counterexample?.args).toEqual({ p: [1], n: 2 });
    expect(output).toContain("klBon in standard");
  });

  test("a crashing and hanging subject: faults name the requests hit, other ops are still graded, report written", async () => {
    const { status, report } = await check(["--subject", `${FIXTURES}/crashing-subject.mjs`, "--domain", "standard", "--runs", "12", "--timeout", "300"]);
    expect(status).toBe(1);
    const verdicts = Object.fromEntries(report.results.map((r) => [r.op, r.verdict]));
    expect(verdicts).toMatchObject({ bonPmf: "PASS", klFormula: "PASS", klBon: "FAIL" });
    const crash = report.subjectLog.faults.find((f) => f.kind === "crashed")!;
    expect(crash.requests[0]).toMatchObject({ op: "klBon", domain: "standard" });
    expect(output).toMatch(/Subject faults \(crashed x\d+/);
  });

  test("--strict: a subject within tolerance but not accurate exits 1; the report says why", async () => {
    const lax = await check(["--subject", `${FIXTURES}/naive-subject.mjs`, "--domain", "standard", "--runs", "10"]);
    expect(lax.status).toBe(0);
    expect(lax.report.strict).toBe(false);
    const strict = await check(["--subject", `${FIXTURES}/naive-subject.mjs`, "--domain", "standard", "--runs", "10", "--strict"]);
    expect(strict.status).toBe(1);
    expect(strict.report).toMatchObject({ strict: true, verdict: "FAIL" });
    expect(output).toContain("within tolerance, but beyond the accurate bound (--strict)");
  });

  test("usage errors", async () => {
    await expect(checkCommand.run(["--domain", "nope"])).rejects.toThrow(UsageError);
    await expect(checkCommand.run(["--runs", "0"])).rejects.toThrow(UsageError);
    await expect(checkCommand.run(["--seed", "x"])).rejects.toThrow(UsageError);
    await expect(checkCommand.run(["--subject", "a.mjs", "--subject-cmd", "b"])).rejects.toThrow(UsageError);
    await expect(checkCommand.run(["--subject", `${FIXTURES}/missing.mjs`])).rejects.toThrow(UsageError);
    await expect(checkCommand.run(["--subject", `${FIXTURES}/no-checkable-ops.mjs`])).rejects.toThrow(/lists no op that bonkl checks/);
    await expect(checkCommand.run(["--bogus"])).rejects.toThrow(UsageError);
  });
});
