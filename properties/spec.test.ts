/**
 * spec/claims.md is generated from the claim definitions and the committed deep-run results: it must equal a
 * fresh rendering (run `npm run spec` after changing a claim), and the results must cover every claim.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { claims } from "./claims/index.ts";
import { loadResults, renderClaims } from "./spec/render-claims.ts";

describe("spec/claims.md", () => {
  const results = loadResults();

  test("the deep-run results cover every claim", () => {
    const missing = claims.map((c) => c.id).filter((id) => !results.claims.some((r) => r.id === id));
    expect(missing, "claims without deep-run results: rerun `npm run claims:deep`").toEqual([]);
  });

  test("is up to date with the claims and the results (npm run spec)", () => {
    expect(readFileSync("spec/claims.md", "utf8")).toBe(renderClaims(results));
  });

  test("claim ids are unique", () => {
    const ids = claims.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
