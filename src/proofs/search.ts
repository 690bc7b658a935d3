/**
 * The search that writes a certificate: the widest small-y region the Taylor bounds prove, the lowest start of
 * the tail the tail argument proves, and between them strips found greedily (each strip cut in v by a greedy
 * sweep, step doubled after a proved box and halved after a failed one). Box ends are dyadic, so their decimal
 * spellings are exact. Nothing found here is trusted: the checker redoes every box.
 */
import { BonklError } from "../errors.ts";
import { formatBoxNumber, type BoxNumber } from "./box-number.ts";
import type { Box } from "./box.ts";
import { CERTIFICATE_FORMAT, type CertificateJson, type RegionJson, type StripJson } from "./certificate.ts";
import { lowerText } from "./check-certificate.ts";
import { withArena } from "./intervals.ts";
import type { BoxMethod, Theorem } from "./theorems.ts";

export const DEFAULT_PROOF_PRECISION = 128;

/** Candidate upper ends of the Taylor region (tried from the largest) and starts of the tail (from the smallest). */
const TAYLOR_ENDS = Array.from({ length: 16 }, (_, i) => 4 - i / 4);
const TAIL_STARTS = Array.from({ length: 128 }, (_, i) => 1 + i / 2);
/** Most boxes per strip before the strip is made narrower; smallest v step and strip width tried. */
const MAX_BOXES_PER_STRIP = 16;
const MIN_V_STEP = 2 ** -14;
const MIN_STRIP_WIDTH = 2 ** -24;
const FIRST_STRIP_WIDTH = 0.25;

export interface SearchOptions {
  readonly precision?: number;
  readonly command?: string;
}

/** An exact dyadic double as a box number (Infinity as "inf"). */
function boxNumberOf(x: number): BoxNumber {
  if (x === Number.POSITIVE_INFINITY) return "inf";
  let shift = 0;
  while (!Number.isInteger(x * 2 ** shift)) shift++;
  return { num: BigInt(x * 2 ** shift), den: 2n ** BigInt(shift) };
}

function spell(x: number): string {
  return formatBoxNumber(boxNumberOf(x));
}

/** Covers v in [0, 1/2] for y in [y0, y1] with `method`, or undefined if it needs more than `maxBoxes` boxes. */
function coverStrip(theorem: Theorem, method: BoxMethod, y0: number, y1: number, precision: number, maxBoxes: number): StripJson | undefined {
  const check = theorem.checks[method];
  const cuts = [0];
  const lower: string[] = [];
  let v = 0;
  let step = 0.5;
  while (v < 0.5) {
    const top = Math.min(v + step, 0.5);
    const box: Box = { y0: boxNumberOf(y0), y1: boxNumberOf(y1), v0: boxNumberOf(v), v1: boxNumberOf(top) };
    const proved = withArena(precision, (arena) => {
      const verdict = check(arena, box);
      return verdict.ok && verdict.lower !== undefined ? lowerText(verdict.lower) : undefined;
    });
    if (proved !== undefined) {
      cuts.push(top);
      lower.push(proved);
      if (lower.length > maxBoxes) return undefined;
      v = top;
      step *= 2;
    } else {
      step /= 2;
      if (step < MIN_V_STEP) return undefined;
    }
  }
  return { y: [spell(y0), spell(y1)], v: cuts.map(spell), lower };
}

function taylorRegion(theorem: Theorem, precision: number): { end: number; strip: StripJson } {
  for (const end of TAYLOR_ENDS) {
    const strip = coverStrip(theorem, "taylor", 0, end, precision, 2 * MAX_BOXES_PER_STRIP);
    if (strip !== undefined) return { end, strip };
  }
  throw new BonklError("PROOF_SEARCH", `${theorem.id}: the Taylor bounds prove no small-y region`);
}

function tailRegion(theorem: Theorem, precision: number): { start: number; strip: StripJson } {
  for (const start of TAIL_STARTS) {
    const strip = coverStrip(theorem, "tail", start, Number.POSITIVE_INFINITY, precision, MAX_BOXES_PER_STRIP);
    if (strip !== undefined) return { start, strip };
  }
  throw new BonklError("PROOF_SEARCH", `${theorem.id}: the tail argument proves no region y >= ${TAIL_STARTS[TAIL_STARTS.length - 1]}`);
}

function middleStrips(theorem: Theorem, from: number, to: number, precision: number): StripJson[] {
  const strips: StripJson[] = [];
  let y = from;
  let width = FIRST_STRIP_WIDTH;
  while (y < to) {
    const top = Math.min(y + width, to);
    const strip = coverStrip(theorem, "interval", y, top, precision, MAX_BOXES_PER_STRIP);
    if (strip !== undefined) {
      strips.push(strip);
      y = top;
      width *= 2;
    } else {
      width /= 2;
      if (width < MIN_STRIP_WIDTH) throw new BonklError("PROOF_SEARCH", `${theorem.id}: no box proves the quantity near y = ${y} (is the theorem true there?)`);
    }
  }
  return strips;
}

/** Searches a certificate for `theorem`. */
export function searchCertificate(theorem: Theorem, options: SearchOptions = {}): CertificateJson {
  const precision = options.precision ?? DEFAULT_PROOF_PRECISION;
  const started = performance.now();
  const taylor = taylorRegion(theorem, precision);
  const tail = tailRegion(theorem, precision);
  const regions: RegionJson[] = [
    { method: "exact-n1", strips: [] },
    { method: "taylor", strips: [taylor.strip] },
  ];
  if (tail.start > taylor.end) regions.push({ method: "interval", strips: middleStrips(theorem, taylor.end, tail.start, precision) });
  regions.push({ method: "tail", strips: [tail.strip] });
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  return { format: CERTIFICATE_FORMAT, theorem: theorem.id, precision, search: { seconds, command: options.command ?? "npm run proofs" }, regions };
}
