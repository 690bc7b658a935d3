import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { renderApi } from "./api-doc.ts";

describe("spec/api.md", () => {
  test("is generated from the package's entry points (npm run spec)", () => {
    const page = renderApi();
    expect(readFileSync("spec/api.md", "utf8")).toBe(page);
    // every export of each entry point has its heading, and the float library's functions state units and errors
    for (const name of ["bonPmf", "klBon", "klFormula", "klEstimate", "klEstimateUpper", "renyi2", "epsInfinity", "Enclosure", "conformanceSuite"]) {
      expect(page).toContain(`### \`${name}\``);
    }
    const floatPart = page.slice(page.indexOf("## `bonkl`"), page.indexOf("## `bonkl/oracle`"));
    for (const fn of ["klBon", "klFormula", "klEstimate", "klEstimateUpper", "renyi2"]) {
      const section = floatPart.slice(floatPart.indexOf(`### \`${fn}\``), floatPart.indexOf("###", floatPart.indexOf(`### \`${fn}\``) + 4));
      expect(section, fn).toContain("nats");
      expect(section, fn).toContain("throws: {InputError}");
    }
  }, 30_000);
});
