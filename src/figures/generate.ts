/**
 * `bonkl figures`: computes every row of the requested panels (costliest first, on worker threads), then
 * writes per panel a CSV (certified values) and an SVG chart (vega-lite), and, when all panels were made,
 * a README describing them. Output is deterministic: the same inputs give the same bytes. Each file is written
 * to a temporary file and renamed (src/io/output-file.ts): a failed write leaves the earlier file intact.
 */
import { mkdir } from "node:fs/promises";
import { writeOutputFile } from "../io/output-file.ts";
import { join } from "node:path";
import { chartSpec } from "./chart-spec.ts";
import { panelCsv } from "./csv.ts";
import { logGrid } from "./n-grid.ts";
import type { PanelRow } from "./panel-row.ts";
import { PANELS, type Panel } from "./panels.ts";
import { figuresReadme, type PanelResult } from "./readme.ts";
import { renderSvg } from "./render-svg.ts";
import { computeRows, type RowJob } from "./row-pool.ts";

export interface FiguresOptions {
  /** Directory to write into (created if missing). */
  outDir: string;
  /** Panels to make (default: all). */
  panels?: readonly Panel[];
  /** Worker threads (0 or 1: compute in this thread). */
  workers: number;
  /** The n axis (default logGrid()). */
  grid?: readonly number[];
  /** Progress: rows done of total, and the panel being worked on. */
  onProgress?: (done: number, total: number, label: string) => void;
}

/** Row jobs, costliest first: larger alphabets first, and n = 1 (which needs a wider precision) early. */
export function rowJobs(panels: readonly Panel[], grid: readonly number[]): RowJob[] {
  const ordered = [...panels].sort((a, b) => b.p.length - a.p.length);
  return ordered.flatMap((panel) => grid.map((n) => ({ panel, n })));
}

/** The files generateFigures writes into the output folder for these panels. */
export function outputFileNames(panels: readonly Panel[] = PANELS): string[] {
  return [...panels.flatMap((panel) => [`${panel.id}.csv`, `${panel.id}.svg`]), ...(panels.length === PANELS.length ? ["README.md"] : [])];
}

export async function generateFigures(options: FiguresOptions): Promise<PanelResult[]> {
  const panels = options.panels ?? PANELS;
  const grid = options.grid ?? logGrid();
  const jobs = rowJobs(panels, grid);
  const rows = await computeRows(jobs, {
    workers: options.workers,
    onRow: (job, done, total) => options.onProgress?.(done, total, job.panel.id),
  });
  await mkdir(options.outDir, { recursive: true });
  const results: PanelResult[] = [];
  for (const panel of panels) {
    const panelRowsInOrder = rows.filter((_, i) => (jobs[i] as RowJob).panel === panel).sort((a, b) => a.n - b.n);
    const csvPath = join(options.outDir, `${panel.id}.csv`);
    const svgPath = join(options.outDir, `${panel.id}.svg`);
    writeOutputFile(csvPath, panelCsv(panelRowsInOrder));
    writeOutputFile(svgPath, await renderSvg(chartSpec(panel, panelRowsInOrder)));
    results.push({ panel, rows: panelRowsInOrder, files: [csvPath, svgPath] });
  }
  if (panels.length === PANELS.length) {
    const readmePath = join(options.outDir, "README.md");
    writeOutputFile(readmePath, figuresReadme(results, grid));
  }
  return results;
}
