import { describe, expect, test } from "vitest";
import type { Domain } from "../domains/domain.ts";
import { DOMAINS_END, DOMAINS_START, renderDomains, withDomains } from "./render-domains.ts";

const domain = (fields: Partial<Domain>): Domain => ({ name: "d", summary: "s", purpose: "P.", box: ["b1", "b2"], kind: "graded", share: 1, ops: {}, ...fields });

describe("renderDomains", () => {
  test("the table of ops, then each domain's purpose, box and notes, between the markers", () => {
    const text = renderDomains([domain({ name: "one", ops: { klBon: { group: "g", arbitrary: null as never } }, notes: "N." }), domain({ name: "two", kind: "invalid" })]);
    const lines = text.split("\n");
    expect(lines[0]).toBe(DOMAINS_START);
    expect(lines.at(-1)).toBe(DOMAINS_END);
    expect(text).toContain("| domain | summary | bonPmf | klBon | klFormula | klEstimate | klEstimateUpper | renyi2 |\n|---|---|---|---|---|---|---|---|\n| `one` | s |   | x |   |   |   |   |\n| `two` (informational) | s |   |   |   |   |   |   |\n");
    expect(text).toContain("\n### `one`\n\nP.\n\n- b1\n- b2\n\nN.\n");
    expect(text).toContain("\n### `two` (informational)\n\nP.\n\n- b1\n- b2\n\n<!-- domains:end -->");
    expect(text).toContain("## Domains and their parameter boxes\n\nEach domain is a fast-check arbitrary");
  });

  test("withDomains replaces the block between the markers, and refuses a document without them", () => {
    const doc = `head\n${DOMAINS_START}\nold\n${DOMAINS_END}\ntail`;
    expect(withDomains(doc, "NEW")).toBe("head\nNEW\ntail");
    expect(withDomains(`${DOMAINS_START}x${DOMAINS_END}`, "NEW")).toBe("NEW"); // markers at the very start
    expect(() => withDomains("no markers", "NEW")).toThrow(/markers .* are missing/);
    expect(() => withDomains(`${DOMAINS_END} ${DOMAINS_START}`, "NEW")).toThrow(/missing/);
    expect(() => withDomains(`head ${DOMAINS_END} tail`, "NEW")).toThrow(/missing/); // the end marker alone
  });
});
