// `bonkl claims --update FILE`: the deep run's results file grows claim by claim and an interrupted run resumes.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { runMain } from "../../reliability/run-cli-case.ts";

const dir = mkdtempSync(join(tmpdir(), "bonkl-claims-update-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ids = (file: string): string[] => (JSON.parse(readFileSync(file, "utf8")) as { claims: { id: string }[] }).claims.map((c) => c.id);

describe("bonkl claims --update", () => {
  test("adds the claims run to the file, keeps the others, in the claims' own order", async () => {
    const file = join(dir, "results.json");
    const first = await runMain(["claims", "--id", "ex1.closed-form", "--runs", "3", "--workers", "0", "--update", file]);
    expect(first.code, first.stderr).toBe(0);
    expect(ids(file)).toEqual(["ex1.closed-form"]);
    const second = await runMain(["claims", "--id", "lemma1.pmf-exact", "--runs", "3", "--workers", "0", "--update", file]);
    expect(second.code, second.stderr).toBe(0);
    expect(ids(file)).toEqual(["lemma1.pmf-exact", "ex1.closed-form"]);
    const data = JSON.parse(readFileSync(file, "utf8")) as { command: string; runsPerClaim: number };
    expect(data.runsPerClaim).toBe(3);
    expect(data.command).toContain("--update");
  });

  test("without --id, runs only the claims the file lacks (resume)", async () => {
    const file = join(dir, "resume.json");
    const all = (await runMain(["claims", "--list"])).stdout.trim().split("\n").map((l) => l.split(/\s+/)[0] as string);
    await runMain(["claims", "--id", "ex1.closed-form", "--runs", "2", "--workers", "0", "--update", file]);
    const data = JSON.parse(readFileSync(file, "utf8")) as { claims: { id: string }[] };
    // pretend every claim but two already ran: the resumed run must run exactly those two
    const stub = data.claims[0]!;
    const missing = ["identity.pi1-equals-p", "lemma1.pmf-exact"];
    data.claims = all.filter((id) => !missing.includes(id)).map((id) => ({ ...stub, id }));
    writeFileSync(file, JSON.stringify(data));
    const resumed = await runMain(["claims", "--runs", "2", "--workers", "0", "--update", file]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`2 claim(s)`);
    expect(resumed.stdout).toContain("identity.pi1-equals-p");
    expect(resumed.stdout).not.toContain("thm2.gap-le-renyi2 ");
    expect(ids(file)).toEqual(all);
  });

  test("a merged claim's id names the claim tested instead", async () => {
    const out = await runMain(["claims", "--id", "thm4.kl-le-bound", "--runs", "2", "--workers", "0"]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("same statement as thm3.gap-ge-bound");
  });

  test("refuses a file of an older results format (version 1: slacks as rounded midpoints, no exact equalities)", async () => {
    const file = join(dir, "old.json");
    writeFileSync(file, JSON.stringify({ format: "bonkl-claims-results/1", seed: 20240103, runsPerClaim: 2, claims: [] }));
    const out = await runMain(["claims", "--id", "ex1.closed-form", "--runs", "2", "--workers", "0", "--update", file]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("not a bonkl-claims-results/2 file");
  });

  test("refuses a file from another seed, case count or budget, and --json with --update", async () => {
    const file = join(dir, "other.json");
    await runMain(["claims", "--id", "ex1.closed-form", "--runs", "2", "--workers", "0", "--update", file]);
    const other = await runMain(["claims", "--id", "ex1.closed-form", "--runs", "3", "--workers", "0", "--update", file]);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/--update .*2 cases per claim/);
    const both = await runMain(["claims", "--runs", "2", "--json", join(dir, "a.json"), "--update", file]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("not both");
  });
});
