/**
 * vega-lite -> vega -> SVG, headless (no browser, no canvas: vega estimates text widths), with the SVG's
 * definition ids renumbered so the same spec always gives the same bytes.
 */
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

/**
 * vega numbers clip paths and gradients with process-wide counters ("clip37"), and its resetSVGDefIds()
 * reaches only one of the copies of vega-scenegraph an install may hold (vega-view can carry its own). Ids are
 * therefore renumbered in order of first appearance, which depends on the chart alone.
 */
export function normalizeSvgIds(svg: string): string {
  const renamed = new Map<string, string>();
  const counts = new Map<string, number>();
  return svg.replace(/\b(clip|gradient_|p_gradient_)(\d+)\b/g, (id: string, prefix: string) => {
    let name = renamed.get(id);
    if (name === undefined) {
      const count = (counts.get(prefix) ?? 0) + 1;
      counts.set(prefix, count);
      name = `${prefix}${count}`;
      renamed.set(id, name);
    }
    return name;
  });
}

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  try {
    const svg = normalizeSvgIds(await view.toSVG());
    return svg.endsWith("\n") ? svg : `${svg}\n`;
  } finally {
    view.finalize();
  }
}
