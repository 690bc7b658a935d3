/**
 * The vega-lite chart of one figure panel: the paper's four curves against n on a log axis (Eq. (5), the
 * exact KL of Eq. (3), and the means under pi_n of Eq. (26) and Eq. (28)), a band of +-1 standard deviation
 * under pi_n around E[KLhat(eps_n)], and a lower panel with both estimators' standard deviations, which the
 * paper mentions but does not plot. Legend labels carry the equation numbers.
 */
import type { TopLevelSpec } from "vega-lite";
import { COLUMNS } from "./columns.ts";
import type { PanelRow } from "./panel-row.ts";
import type { Panel } from "./panels.ts";

const ESTIMATE = "E[KL\u0302(ε\u2099)], Eq. (28)";
const ESTIMATE_UPPER = "E[KL\u0302\u2081(ε\u2099)], Eq. (26)";
const FORMULA = "log n − (n−1)/n, Eq. (5)";
const ESTIMATE_COLOR = "#3d9be0";

interface CurveStyle {
  readonly label: string;
  /** The CSV column plotted. */
  readonly column: string;
  readonly color: string;
  readonly dash: readonly number[];
  readonly width: number;
}

/**
 * The curves in drawing order. The exact KL is drawn first and wide, so E[KLhat], which often lies on it,
 * stays visible as a thin line inside it.
 */
function curveStyles(panel: Panel): CurveStyle[] {
  return [
    { label: panel.exactLabel, column: "kl_exact_eq3", color: "#222222", dash: [1, 0], width: 5 },
    { label: FORMULA, column: "formula_eq5", color: "#d62728", dash: [6, 3], width: 2 },
    { label: ESTIMATE_UPPER, column: "klhat1_mean_eq26", color: "#2ca02c", dash: [2, 2], width: 2 },
    { label: ESTIMATE, column: "klhat_mean_eq28", color: ESTIMATE_COLOR, dash: [1, 0], width: 2 },
  ];
}

/** The standard-deviation columns, drawn in the lower panel in the colors of their estimators. */
const SD_CURVES: readonly { column: string; label: string }[] = [
  { column: "klhat1_sd_eq26", label: ESTIMATE_UPPER },
  { column: "klhat_sd_eq28", label: ESTIMATE },
];

/**
 * vega measures text without a canvas as 0.8 x font size per character, so long lines would widen the SVG;
 * subtitle lines are wrapped at word boundaries to this many characters.
 */
const SUBTITLE_CHARACTERS = 72;

export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** The columns of a row as numbers, by column name. */
function numbers(row: PanelRow): Record<string, number> {
  const out: Record<string, number> = { n: row.n };
  COLUMNS.forEach((column, i) => {
    out[column.name] = Number(row.values[i]);
  });
  return out;
}

const X_AXIS_LABELS = "['1', '10', '10²', '10³', '10⁴', '10⁵', '10⁶'][round(log(datum.value) / LN10)]";

function xEncoding(title: string | null) {
  return {
    field: "n",
    type: "quantitative" as const,
    scale: { type: "log" as const, domain: [1, 1e6] },
    axis: { title, values: [1, 10, 100, 1000, 1e4, 1e5, 1e6], labelExpr: X_AXIS_LABELS, grid: true },
  };
}

export function chartSpec(panel: Panel, rows: readonly PanelRow[]): TopLevelSpec {
  const styles = curveStyles(panel);
  const data = [...rows].sort((a, b) => a.n - b.n).map(numbers);
  const value = (d: Record<string, number>, column: string) => d[column] as number;
  const curves = data.flatMap((d) => styles.map((s) => ({ n: d.n, curve: s.label, value: value(d, s.column) })));
  const band = data.map((d) => ({
    n: d.n,
    lo: value(d, "klhat_mean_eq28") - value(d, "klhat_sd_eq28"),
    hi: value(d, "klhat_mean_eq28") + value(d, "klhat_sd_eq28"),
  }));
  const sd = data.flatMap((d) => SD_CURVES.map((c) => ({ n: d.n, curve: c.label, value: value(d, c.column) })));
  // With equal masses eps_n is not random: both sds are 0 at every n, and the lower panel says so.
  const sdAllZero = sd.every((d) => d.value === 0);
  const sdScale = sdAllZero ? { domain: [0, 1] } : { domainMin: 0 };

  // color and strokeDash share the field and the legend, so vega-lite draws one legend with dashed swatches
  const legend = { title: null, orient: "bottom" as const, columns: 2, labelLimit: 320, symbolStrokeWidth: 2.5, symbolSize: 400 };
  const domain = styles.map((s) => s.label);
  const color = { field: "curve", type: "nominal" as const, sort: null, scale: { domain, range: styles.map((s) => s.color) }, legend };
  const strokeDash = { field: "curve", type: "nominal" as const, sort: null, scale: { domain, range: styles.map((s) => [...s.dash]) }, legend };
  const line = (style: CurveStyle, y: object) => ({
    transform: [{ filter: { field: "curve", equal: style.label } }],
    mark: { type: "line" as const, strokeWidth: style.width, clip: true },
    encoding: { x: xEncoding(null), y, color, strokeDash },
  });

  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: panel.title,
      subtitle: [
        ...wrapText(panel.description, SUBTITLE_CHARACTERS),
        ...wrapText("Shaded: E[KL\u0302(ε\u2099)] ± 1 sd under π\u2099. Lower panel: the estimators' standard deviations under π\u2099.", SUBTITLE_CHARACTERS),
      ],
      anchor: "start",
      subtitleColor: "#444444",
    },
    datasets: { curves, band, sd },
    config: { font: "sans-serif", view: { stroke: "#cccccc" }, axis: { titleFontWeight: "normal", titleFontSize: 12, labelFontSize: 11 } },
    vconcat: [
      {
        width: 600,
        height: 320,
        layer: [
          {
            data: { name: "band" },
            mark: { type: "area", color: ESTIMATE_COLOR, opacity: 0.16 },
            encoding: { x: xEncoding(null), y: { field: "lo", type: "quantitative" }, y2: { field: "hi" } },
          },
          ...styles.map((style) => ({
            data: { name: "curves" },
            ...line(style, { field: "value", type: "quantitative", axis: { title: "KL(π\u2099 ‖ p) (nats)" } }),
          })),
        ],
      },
      {
        width: 600,
        height: 110,
        data: { name: "sd" },
        layer: [
          ...SD_CURVES.map((c) => {
            const style = styles.find((s) => s.label === c.label) as CurveStyle;
            const layer = line(style, { field: "value", type: "quantitative", scale: sdScale, axis: { title: ["sd under π\u2099", "(nats)"], tickCount: 4 } });
            return { ...layer, encoding: { ...layer.encoding, x: xEncoding("n (log scale)") } };
          }),
          ...(sdAllZero
            ? [
                {
                  data: { values: [{ n: 1000, value: 0.55, text: "sd = 0 at every n: all outcomes have the same mass, so ε\u2099 is not random" }] },
                  mark: { type: "text" as const, fontSize: 11, color: "#444444" },
                  encoding: { x: xEncoding("n (log scale)"), y: { field: "value", type: "quantitative" as const, scale: sdScale }, text: { field: "text" } },
                },
              ]
            : []),
        ],
      },
    ],
  } as TopLevelSpec;
}
