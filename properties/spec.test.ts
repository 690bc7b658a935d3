/**
 * spec/claims.md is generated from the claim definitions and the committed deep-run results: it must equal a
 * fresh rendering (run `npm run spec` after changing a claim), the results must cover every claim, and each
 * result must have been measured on the claim's current definition (its stored fingerprint), else the claim is
 * named for a rerun.
 */
import { existsSync, readFileSync } from "node:fs";
import { claimProofs } from "../src/claims/paper/proofs.ts";
import { theoremById } from "../src/proofs/theorems.ts";
import { describe, expect, test } from "vitest";
import type { Claim } from "../src/claims/claim.ts";
import { claimFingerprint, definitionText, fingerprintOf } from "../src/claims/fingerprint.ts";
import { claimById, claimFiles, claims, mergedClaims } from "../src/claims/paper/index.ts";
import { loadResults, renderClaims, RESULTS_PATH } from "../src/claims/spec/render-claims.ts";
import { RESULTS_FORMAT } from "../src/claims/report.ts";
import { withArena } from "../src/numerics/arena.ts";

describe("spec/claims.md", () => {
  const results = loadResults();

  test("the deep-run results cover every claim", () => {
    const missing = claims.map((c) => c.id).filter((id) => !results.claims.some((r) => r.id === id));
    expect(missing, "claims without deep-run results: rerun `npm run claims:deep`").toEqual([]);
  });

  test("every deep-run result was measured on the claim's current definition (fingerprints)", () => {
    const stale = claims
      .filter((c) => {
        const run = results.claims.find((r) => r.id === c.id);
        return run !== undefined && run.fingerprint !== claimFingerprint(c as Claim<unknown>, claimFiles.get(c.id));
      })
      .map((c) => c.id);
    const rerun = `npx bonkl claims --deep --runs ${results.runsPerClaim} --seed ${results.seed} --update ${RESULTS_PATH} ${stale.map((id) => `--id ${id}`).join(" ")}`;
    expect(stale, `claims changed since ${RESULTS_PATH} was measured; rerun them: ${rerun}, then npm run spec`).toEqual([]);
  });

  test("is up to date with the claims and the results (npm run spec)", () => {
    expect(readFileSync("spec/claims.md", "utf8")).toBe(renderClaims(results));
  });

  test("claim ids are unique, and the ordered list holds exactly the claims the modules define", () => {
    const ids = claims.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...claimFiles.keys()].sort()).toEqual([...ids].sort());
  });

  test("the results are of the current format: certified slacks, exact equalities and the breakdown of every run", () => {
    expect(results.format).toBe(RESULTS_FORMAT);
    for (const run of results.claims) {
      const counted = Object.values(run.breakdown).reduce((a, b) => a + b, 0);
      expect(counted, run.id).toBe(run.runs);
      expect(run.verified + run.equal + run.consistent + run.refuted, run.id).toBe(run.runs);
    }
  });

  test("the deep run leaves no case undecided that is not a true equality", () => {
    // inequalities and exact checks: every case verified, refuted or equal (exact), none consistent
    const undecided = claims
      .filter((c) => c.decision === "inequality" || c.decision === "exact")
      .map((c) => results.claims.find((r) => r.id === c.id))
      .filter((r) => r !== undefined && r.consistent > 0)
      .map((r) => `${r?.id}: ${r?.consistent} consistent`);
    expect(undecided).toEqual([]);
    // identities and the statistical test stay consistent, each for its stated reason
    for (const c of claims.filter((x) => x.decision === "identity" || x.decision === "statistical")) {
      const run = results.claims.find((r) => r.id === c.id);
      const reasons = Object.keys(run?.breakdown ?? {}).filter((how) => how.startsWith("consistent:"));
      expect(reasons.length, c.id).toBeLessThanOrEqual(1);
      expect(reasons.every((how) => /^consistent: (identity: |every frequency within the Hoeffding radius)/.test(how)), `${c.id}: ${reasons.join("; ")}`).toBe(true);
    }
  });

  test("merged claims keep their ids, point to a claim tested instead, and are not tested twice", () => {
    const ids = new Set(claims.map((c) => c.id));
    for (const m of mergedClaims) {
      expect(ids.has(m.id), `${m.id} is merged: it must not be tested too`).toBe(false);
      expect(ids.has(m.sameAs), `${m.id}: ${m.sameAs}`).toBe(true);
      expect(claimById(m.via)?.kind, `${m.id}: ${m.via}`).toBe("identity");
    }
    expect(new Set(mergedClaims.map((m) => m.id)).size).toBe(mergedClaims.length);
    // the merged ids are those the issue names: Theorem 4 is Theorem 3, ours.estimate-le-formula is Eq. (21)'s A >= 0
    expect(mergedClaims.map((m) => `${m.id} -> ${m.sameAs}`)).toEqual([
      "thm4.kl-le-bound -> thm3.gap-ge-bound",
      "thm4.kl-le-bound+ties -> thm3.gap-ge-bound+ties",
      "ours.estimate-le-formula -> thm3.bound-nonnegative",
    ]);
  });

  test("every identity of ours carries its written derivation", () => {
    expect(claims.filter((c) => c.kind === "identity" && c.paper === null && !c.derivation).map((c) => c.id)).toEqual([]);
  });

  test("no loose claim's deep run exceeds its stated supremum of lhs / rhs", () => {
    for (const claim of claims) {
      const t = claim.tightness;
      const run = results.claims.find((r) => r.id === claim.id);
      if (t?.kind !== "loose" || run?.largestRatio === null || run === undefined) continue;
      const hi = withArena(256, (arena) => t.supremum.value(arena).hiDouble());
      expect(Number(run.largestRatio.ratio.lo), `${claim.id}: ${run.largestRatio.case}`).toBeLessThanOrEqual(hi);
    }
  });
});

describe("claim fingerprints", () => {
  const source = [
    'export const base: Claim<X> = {',
    '  id: "a.base",',
    '  statement: "x <= y { not a brace }",',
    '  check(arena, c) { return lessOrEqual(f(c), g(c)); }, // a comment with }',
    '};',
    '',
    'export const extended: Claim<X> = {',
    '  ...base,',
    '  id: "a.extended",',
    '};',
  ].join("\n");

  test("a definition is the object literal with this id, followed by the literals it spreads", () => {
    expect(definitionText(source, "a.base")).toBe(source.slice(source.indexOf("{"), source.indexOf("};") + 1));
    const extended = definitionText(source, "a.extended") as string;
    expect(extended.startsWith('{\n  ...base,\n  id: "a.extended",\n}')).toBe(true);
    expect(extended).toContain("check(arena, c) { return lessOrEqual(f(c), g(c)); }");
    expect(definitionText(source, "a.missing")).toBeNull();
  });

  test("changes with the check's source and with the statement, not with other claims", () => {
    const claim = claims[0] as Claim<unknown>;
    const file = claimFiles.get(claim.id) as string;
    const text = readFileSync(file, "utf8");
    const fingerprint = claimFingerprint(claim, file);
    expect(fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(claimFingerprint({ ...claim, statement: `${claim.statement} ` }, file)).not.toBe(fingerprint);
    expect(fingerprintOf(claim, text)).toBe(fingerprint);
    expect(fingerprintOf(claim, text.replace(/\n\n/g, "\n  \n"))).toBe(fingerprint); // white space does not count
    const own = definitionText(text, claim.id) as string;
    const edited = own.replace(/arena/, "arena2");
    expect(edited).not.toBe(own);
    expect(fingerprintOf(claim, text.replace(own, edited))).not.toBe(fingerprint);
    const other = claims.find((c) => c.id !== claim.id && claimFiles.get(c.id) === file) as Claim<unknown>;
    const otherOwn = definitionText(text, other.id) as string;
    expect(fingerprintOf(claim, text.replace(otherOwn, otherOwn.replace(/arena/, "arena2")))).toBe(fingerprint);
    expect(claimFingerprint(claim, undefined)).toBeNull();
  });
});

describe("claims proved over the continuum", () => {
  test("name claims that exist and theorems with a committed certificate", () => {
    for (const [id, proof] of claimProofs) {
      expect(claims.some((c) => c.id === id), id).toBe(true);
      for (const theorem of proof.theorems) {
        expect(theoremById(theorem), `${id}: ${theorem}`).toBeDefined();
        expect(existsSync(`spec/proofs/${theorem}.json`), `${id}: spec/proofs/${theorem}.json`).toBe(true);
      }
    }
    expect([...claimProofs.keys()]).toContain("thm1.kl-le-formula");
  });
});
