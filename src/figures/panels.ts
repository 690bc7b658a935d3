/**
 * The panels of the paper's Figures 1-3 (Section 4), with p written as exact decimal strings and ratios so
 * the oracle sees the exact distributions. p is listed in increasing reward order: the last outcome has the
 * highest reward (the paper's y~_L).
 */

export interface Panel {
  /** File name stem in spec/figures, e.g. "figure-2-L1000". */
  readonly id: string;
  /** Chart title, e.g. "Figure 2: uniform p, L = 1000". */
  readonly title: string;
  /** One line describing p. */
  readonly description: string;
  /** p in increasing reward order, as exact strings. */
  readonly p: readonly string[];
  /** How the chart labels the exact KL curve (Figure 1 has the closed form Eq. (6) too). */
  readonly exactLabel: string;
}

const EXACT_LABEL = "exact KL(π\u2099 ‖ p), Eq. (3)";

function repeat(value: string, count: number): string[] {
  return Array.from({ length: count }, () => value);
}

/** Uniform p on L = 10^k outcomes, each p_i = "1e-k" (exactly 1/L; a decimal parses faster than "1/L"). */
function uniform(k: number): Panel {
  const L = 10 ** k;
  return {
    id: `figure-2-L${L}`,
    title: `Figure 2: uniform p, L = ${L.toLocaleString("en-US")}`,
    description: `p uniform on L = ${L} outcomes (p_i = 1e-${k} = 1/${L})`,
    p: repeat(`1e-${k}`, L),
    exactLabel: EXACT_LABEL,
  };
}

export const PANELS: readonly Panel[] = [
  {
    id: "figure-1",
    title: "Figure 1: Example 1, p = (1/2, 1/2)",
    description: "Example 1: two equiprobable outcomes, r(0) = 0 < r(1) = 1",
    p: ["1/2", "1/2"],
    exactLabel: "exact KL(π\u2099 ‖ p), Eq. (3) = Eq. (6)",
  },
  uniform(1),
  uniform(2),
  uniform(3),
  uniform(4),
  {
    id: "figure-3-left",
    title: "Figure 3 (left): L = 5, top outcome 1e-4",
    description: "L = 5: the highest-reward outcome has p = 1e-4, the other four p = (1−1e-4)/4 each",
    p: [...repeat("0.9999/4", 4), "1e-4"],
    exactLabel: EXACT_LABEL,
  },
  {
    id: "figure-3-right",
    title: "Figure 3 (right): L = 200, top outcomes 1e-5, 1e-3, 1e-1",
    description: "L = 200: the three highest-reward outcomes have p = 1e-5 (highest), 1e-3 and 1e-1; the other 197 share the rest, (1−0.10101)/197 each",
    p: [...repeat("0.89899/197", 197), "1e-1", "1e-3", "1e-5"],
    exactLabel: EXACT_LABEL,
  },
];

/** The panel with this id (undefined if none). */
export function panelById(id: string): Panel | undefined {
  return PANELS.find((panel) => panel.id === id);
}
