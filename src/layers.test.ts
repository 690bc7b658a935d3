/**
 * The structure of bonkl, read from its imports: layers with no import running back up and no circle.
 *
 *   errors     src/errors.ts (the typed errors everything throws)
 *   base       src/config.ts, src/util, src/protocol
 *   numerics   src/numerics (MPFR, intervals, enclosures, dyadics, rationals)    src/io (files, tables, lists)
 *   float      src/float: alone (the independent float64 library imports nothing numeric of bonkl's)
 *   oracle     src/oracle (on numerics)                                            src/subject (plugging subjects in)
 *   uses       src/claims, src/conformance, src/figures, src/kl, src/estimate, src/serve, src/proofs
 *   cli        src/cli, src/integrations (bonkl/vitest, bonkl/node-test)
 *   harnesses  src/bench, src/reliability, src/build (the package build and the API page)
 *
 * Code outside src/oracle reaches it through its two faces only: the Enclosure API (src/oracle/index.ts) and the
 * Interval-level API (src/oracle/interval-api.ts). Tests (*.test.ts), fixtures, properties/, mutation/ and
 * examples/ sit on top and may import anything; product code never imports them.
 */
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { dirname, join, normalize } from "node:path";
import { describe, expect, test } from "vitest";

const LAYERS: readonly (readonly string[])[] = [
  ["src/errors.ts"],
  ["src/config.ts", "src/util", "src/protocol"],
  ["src/numerics", "src/io", "src/float"],
  ["src/oracle", "src/subject"],
  ["src/claims", "src/conformance", "src/figures", "src/kl", "src/estimate", "src/serve", "src/proofs", "src/init"],
  ["src/cli", "src/integrations"],
  ["src/bench", "src/reliability", "src/build"],
];

/** The folder (or top-level file) a path belongs to, e.g. "src/oracle". */
function unitOf(path: string): string {
  const parts = path.split("/");
  return parts[0] === "src" && parts.length > 2 ? `src/${parts[1]}` : parts[0] === "src" ? path : (parts[0] as string);
}

function layerOf(unit: string): number {
  return LAYERS.findIndex((layer) => layer.includes(unit));
}

const isProduct = (path: string): boolean => path.startsWith("src/") && !/\.test\.ts$/.test(path) && !path.includes("/fixtures/");

interface Edge {
  readonly from: string;
  readonly to: string;
  /** `import type` / `export type`: erased when compiled, loads nothing. */
  readonly typeOnly: boolean;
}

function importEdges(): Edge[] {
  const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "src", "properties", "mutation", "examples"], { encoding: "utf8" })
    .split("\n")
    .filter((f) => /\.(ts|mts|mjs)$/.test(f));
  const edges: Edge[] = [];
  for (const from of files) {
    let text: string;
    try {
      text = readFileSync(from, "utf8");
    } catch {
      continue; // listed by git but deleted in the work tree
    }
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s([^;]*?)from\s+["'](\.{1,2}\/[^"']+)["']|import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)) {
      const spec = (m[2] ?? m[3]) as string;
      edges.push({ from, to: normalize(join(dirname(from), spec)), typeOnly: m[1] !== undefined && /^type\s/.test(m[1]) });
    }
  }
  return edges;
}

describe("the import graph", () => {
  const edges = importEdges();

  test("is read (sanity: the CLI imports the engine)", () => {
    expect(edges.some((e) => e.from.startsWith("src/cli/") && e.to.startsWith("src/conformance/"))).toBe(true);
  });

  test("every product folder has a layer", () => {
    const units = [...new Set(edges.filter((e) => isProduct(e.from)).map((e) => unitOf(e.from)))];
    expect(units.filter((u) => layerOf(u) < 0)).toEqual([]);
  });

  test("no import runs back up a layer or across one (product code)", () => {
    const bad = edges
      .filter((e) => isProduct(e.from) && unitOf(e.from) !== unitOf(e.to))
      .filter((e) => !(layerOf(unitOf(e.to)) >= 0 && layerOf(unitOf(e.to)) < layerOf(unitOf(e.from))))
      .map((e) => `${e.from} -> ${e.to}`);
    expect(bad).toEqual([]);
  });

  test("the float library stands alone: it imports only the base layer", () => {
    const bad = edges.filter((e) => isProduct(e.from) && e.from.startsWith("src/float/") && !e.to.startsWith("src/float/") && layerOf(unitOf(e.to)) > 1);
    expect(bad.map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });

  test("outside src/oracle, the oracle is reached through its two faces only", () => {
    const faces = ["src/oracle/index.ts", "src/oracle/interval-api.ts"];
    const bad = edges.filter((e) => !e.from.startsWith("src/oracle/") && e.to.startsWith("src/oracle/") && !faces.includes(e.to));
    expect(bad.map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });

  test("product code never imports the tests, properties/, mutation/ or examples/", () => {
    const bad = edges.filter((e) => isProduct(e.from) && (!e.to.startsWith("src/") || /\.test\.ts$/.test(e.to) || e.to.includes("/fixtures/")));
    expect(bad.map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });

  test("bonkl serve's main thread never loads MPFR (its workers do: the first request waits for one start-up only)", () => {
    const loads = new Map<string, string[]>();
    for (const e of edges) if (!e.typeOnly) loads.set(e.from, [...(loads.get(e.from) ?? []), e.to]);
    const reached = new Set<string>();
    const visit = (file: string): void => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const next of loads.get(file) ?? []) visit(next);
    };
    visit("src/cli/commands/serve.ts");
    expect(reached.has("src/serve/oracle-server.ts")).toBe(true); // sanity: the walk follows imports
    expect([...reached].filter((f) => f.startsWith("src/numerics/") || f.startsWith("src/oracle/"))).toEqual([]);
  });

  test("no circle among product files", () => {
    const graph = new Map<string, string[]>();
    for (const e of edges) if (isProduct(e.from) && isProduct(e.to)) graph.set(e.from, [...(graph.get(e.from) ?? []), e.to]);
    const state = new Map<string, "open" | "done">();
    const circles: string[] = [];
    const visit = (node: string, path: string[]): void => {
      if (state.get(node) === "done") return;
      if (state.get(node) === "open") {
        circles.push([...path.slice(path.indexOf(node)), node].join(" -> "));
        return;
      }
      state.set(node, "open");
      for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
      state.set(node, "done");
    };
    for (const node of graph.keys()) visit(node, []);
    expect(circles).toEqual([]);
  });
});
