/**
 * `bonkl serve`: the oracle over the subject protocol. Unit tests of the line handler, and the real command
 * checked end to end by bonkl's own conformance engine (the oracle, served, must pass).
 */
import { spawnSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { answerLine } from "./oracle-server.ts";
import { runCheck } from "../conformance/run-check.ts";

const OPTIONS = { digits: 40 };
const answer = (line: string) => JSON.parse(answerLine(line, OPTIONS) as string) as Record<string, unknown>;

describe("bonkl serve: one request line -> one response line", () => {
  test("klBon answers certified digits and an enclosure", () => {
    const r = answer('{"id":1,"op":"klBon","args":{"p":[0.5,0.5],"n":2}}');
    expect(r.id).toBe(1);
    // Example 1, Eq. (6): log 2 - h(1/4) = 0.1308120359411369591292018062337177104101...
    expect(r.value).toBe("1.308120359411369591292018062337177104101e-1");
    const [lo, hi] = r.enclosure as [string, string];
    expect(Number(lo)).toBeLessThanOrEqual(Number(hi));
  });

  test("exact decimal strings reach the oracle unrounded", () => {
    // p = (1 - 1e-30, 1e-30): pi_1 = p exactly, so bonPmf at n = 1 returns "1e-30" for the top outcome
    const r = answer('{"id":2,"op":"bonPmf","args":{"p":["0.999999999999999999999999999999","1e-30"],"n":1}}');
    expect((r.value as string[])[1]).toBe("1e-30");
    expect(r.enclosure as unknown[]).toHaveLength(2);
  });

  test("--digits controls the number of digits", () => {
    const r = JSON.parse(answerLine('{"id":3,"op":"klFormula","args":{"n":2}}', { digits: 10 }) as string) as { value: string };
    expect(r.value).toBe("1.931471806e-1"); // log 2 - 1/2 = 0.19314718055994530942
  });

  test("capabilities lists the protocol ops and the extensions", () => {
    const r = answer('{"id":4,"op":"capabilities","args":{}}');
    expect(r.value).toEqual(expect.arrayContaining(["bonPmf", "klBon", "klFormula", "klEstimate", "klEstimateUpper", "renyi2", "gapBoundThm3", "klMixture"]));
  });

  test("bad requests get errors, never a crash", () => {
    expect(answer("not json")).toEqual({ id: null, error: "invalid request: not JSON" });
    expect(answer('{"op":"klBon"}')).toEqual({ id: null, error: "invalid request: missing integer id" });
    expect(answer('{"id":5,"op":7}')).toEqual({ id: 5, error: "invalid request: op must be a string" });
    expect(answer('{"id":6,"op":"nope","args":{}}')).toEqual({ id: 6, error: "unsupported op" });
    expect(answer('{"id":7,"op":"klBon","args":{"p":[0.5,-0.5],"n":2}}')).toEqual({ id: 7, error: "p[1]: must be non-negative, got -0.5" });
    expect(answer('{"id":8,"op":"klEstimate","args":{"n":2,"logEps":"0.1"}}').error).toMatch(/^logEps: /);
    expect(answerLine("   ", OPTIONS)).toBeNull();
  });

  test("the real command answers pipelined requests in order", () => {
    const input = ['{"id":1,"op":"klFormula","args":{"n":1}}', '{"id":2,"op":"klEstimate","args":{"n":1000,"logEps":-100000}}', ""].join("\n");
    const run = spawnSync(process.execPath, ["src/cli/bonkl.mjs", "serve", "--digits", "20"], { input, encoding: "utf8", timeout: 60_000 });
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split("\n").map((l) => JSON.parse(l) as { id: number; value: string });
    expect(lines.map((l) => l.id)).toEqual([1, 2]);
    expect(lines[0]!.value).toBe("0");
    // KLhat at log eps = -1e5 is log n - (n-1)/n to far more than 20 digits
    expect(lines[1]!.value).toBe("5.9087552789821370521");
  });

  test("[slow] the served oracle passes bonkl's own conformance check (standard and ties)", async () => {
    const report = await runCheck({ subject: { command: `${process.execPath} src/cli/bonkl.mjs serve` }, domains: ["standard", "ties"], runs: 15 });
    expect(report.verdict).toBe("PASS");
  }, 240_000);
});
