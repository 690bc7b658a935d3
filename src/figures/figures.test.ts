import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Distribution, klExample1 } from "../oracle/index.ts";
import { certifyDigits } from "../numerics/certified-digits.ts";
import { CSV_HEADER } from "./csv.ts";
import { generateFigures } from "./generate.ts";
import { logGrid } from "./n-grid.ts";
import { FIGURE_DIGITS } from "./panel-row.ts";
import { PANELS, panelById } from "./panels.ts";
import { describeP } from "./readme.ts";
import { normalizeSvgIds } from "./render-svg.ts";

const committed = (name: string) => readFileSync(new URL(`../../spec/figures/${name}`, import.meta.url), "utf8");

describe("figure definitions", () => {
  it("has an n grid of at least 60 distinct integers from 1 to 10^6", () => {
    const grid = logGrid();
    expect(grid.length).toBeGreaterThanOrEqual(60);
    expect(grid[0]).toBe(1);
    expect(grid[grid.length - 1]).toBe(1e6);
    grid.forEach((n, i) => i > 0 && expect(n).toBeGreaterThan(grid[i - 1] as number));
  });

  it("writes every panel's p as exact strings summing to exactly 1, top reward last", () => {
    expect(PANELS.map((p) => p.p.length)).toEqual([2, 10, 100, 1000, 10000, 5, 200]);
    for (const panel of PANELS) {
      const total = Distribution.parse({ p: [...panel.p] }).total;
      expect(total.num).toBe(total.den);
    }
    expect(panelById("figure-3-left")?.p.at(-1)).toBe("1e-4");
    expect(panelById("figure-3-right")?.p.slice(-3)).toEqual(["1e-1", "1e-3", "1e-5"]);
    expect(describeP(panelById("figure-3-right")?.p ?? [])).toBe('197 × "0.89899/197", "1e-1", "1e-3", "1e-5"');
  });

  it("has a CSV column n and one named exact", () => {
    expect(CSV_HEADER[0]).toBe("n");
    expect(CSV_HEADER.some((c) => c.includes("exact"))).toBe(true);
    expect(CSV_HEADER.filter((c) => c.includes("_sd_"))).toHaveLength(2);
  });

  it("renumbers SVG definition ids in order of first appearance", () => {
    expect(normalizeSvgIds('<clipPath id="clip37"/><g clip-path="url(#clip37)"/><g clip-path="url(#clip12)"/>')).toBe(
      '<clipPath id="clip1"/><g clip-path="url(#clip1)"/><g clip-path="url(#clip2)"/>',
    );
  });
});

describe("bonkl figures output", () => {
  const panels = ["figure-1", "figure-3-left"].map((id) => panelById(id)!);
  const out = mkdtempSync(join(tmpdir(), "bonkl-figures-"));
  const generated = generateFigures({ outDir: out, panels, workers: 0 });

  it("regenerates the cheap panels byte for byte (CSV and SVG) as committed in spec/figures", async () => {
    await generated;
    for (const panel of panels) {
      expect(readFileSync(join(out, `${panel.id}.csv`), "utf8")).toBe(committed(`${panel.id}.csv`));
      expect(readFileSync(join(out, `${panel.id}.svg`), "utf8")).toBe(committed(`${panel.id}.svg`));
    }
  });

  it("puts the exact KL of Figure 1 on Eq. (6), log 2 - h(2^-n)", async () => {
    const [figure1] = await generated;
    const exact = CSV_HEADER.indexOf("kl_exact_eq3") - 1;
    for (const row of figure1!.rows.filter((r) => [1, 2, 3, 10, 1000, 1e6].includes(r.n))) {
      const eq6 = certifyDigits((a) => klExample1({ n: row.n }, a), { digits: FIGURE_DIGITS }).value;
      expect(Number(row.values[exact])).toBe(Number(eq6));
    }
  });

  it("labels the chart with the title, axes and the paper's equation numbers", () => {
    const svg = committed("figure-3-right.svg");
    for (const text of ["Figure 3 (right)", "Eq. (5)", "Eq. (3)", "Eq. (26)", "Eq. (28)", "n (log scale)", "sd under"]) expect(svg).toContain(text);
  });
});
