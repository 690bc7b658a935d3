/**
 * One row of a figure: every column at one n, certified to FIGURE_DIGITS significant digits (correctly
 * rounded, so the row is the same whatever precision path produced it).
 */
import { certifyDigits } from "../numerics/certified-digits.ts";
import { plainDecimal } from "../io/decimal-format.ts";
import { Distribution } from "../oracle/index.ts";
import { COLUMNS } from "./columns.ts";
import type { Panel } from "./panels.ts";

/** Significant digits of every value in the figures' CSVs. */
export const FIGURE_DIGITS = 12;
/** Values whose enclosure lies within +-FIGURE_ZERO_FLOOR are written as 0 (n = 1, and uniform p's sd). */
export const FIGURE_ZERO_FLOOR = 1e-30;

export interface PanelRow {
  readonly n: number;
  /** Certified decimal strings, one per column of COLUMNS, in that order. */
  readonly values: readonly string[];
}

/** Each panel's p, parsed (exactly) once per thread. */
const distributions = new Map<string, Distribution>();

function distributionOf(panel: Panel): Distribution {
  let dist = distributions.get(panel.id);
  if (dist === undefined) {
    dist = Distribution.parse({ p: [...panel.p] });
    distributions.set(panel.id, dist);
  }
  return dist;
}

export function computeRow(panel: Panel, n: number): PanelRow {
  const dist = distributionOf(panel);
  const values = COLUMNS.map((column) => {
    const certified = certifyDigits(column.quantity(dist, n), { digits: FIGURE_DIGITS, floor: FIGURE_ZERO_FLOOR });
    if (!certified.complete || certified.value === null) {
      throw new Error(`${panel.id}: ${column.name} at n = ${n} could not be certified to ${FIGURE_DIGITS} digits (${certified.enclosure.toString()})`);
    }
    return plainDecimal(certified.value);
  });
  return { n, values };
}
