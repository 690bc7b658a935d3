/**
 * A quantity certified to a fixed number of significant digits: the oracle is asked for the accuracy those
 * digits need (a relative width of 10^-(digits+2)) and asked again, tighter, only when the enclosure still
 * straddles a rounding boundary or is too wide for a value near 0. The digits written are the correctly
 * rounded value of the exact number, so they do not depend on the precision path that produced them: output
 * built from them is byte-for-byte reproducible.
 */
import type { Accuracy } from "./certify.ts";
import { dyadicToDecimal, type Enclosure } from "./enclosure.ts";
import { RNDN } from "./mpfr.ts";

/** A quantity as a function of the accuracy asked of the oracle (so it can be asked again, tighter). */
export type Quantity = (accuracy: Accuracy) => Enclosure;

export interface CertifiedValue {
  /**
   * The exact value correctly rounded to `digits` significant digits ("d.ddde-7" form, trailing zeros
   * dropped; a few more digits for an exact value on a rounding tie), or "0" when the enclosure lies within
   * the zero floor. When `complete` is false: only the digits that could be certified (null if none).
   */
  readonly value: string | null;
  readonly enclosure: Enclosure;
  /** Whether all `digits` digits are certified (or the value is 0 within the floor). */
  readonly complete: boolean;
  /** Whether the value was written as 0 because |value| <= the zero floor. */
  readonly zero: boolean;
}

export interface CertifyOptions {
  /** Significant digits wanted. */
  digits: number;
  /** A value whose enclosure lies within [-floor, floor] is written as 0 (default 1e-30). */
  floor?: number;
  /** How many times the oracle may be asked (default 8). */
  attempts?: number;
  /** Working precision of the first attempt in bits (default 64). */
  startPrecision?: number;
  /** Highest working precision in bits (default 8192). */
  maxPrecision?: number;
  /** Passed to the oracle as Accuracy.onWork: called now and then during a long computation (progress). */
  onWork?: () => void;
}

function roundedEnds(e: Enclosure, digits: number): [string, string] {
  return [dyadicToDecimal(e.lo, digits, RNDN), dyadicToDecimal(e.hi, digits, RNDN)];
}

/** Certifies `quantity` to `digits` significant digits, tightening the accuracy asked until it is (or giving up). */
export function certifyDigits(quantity: Quantity, options: CertifyOptions): CertifiedValue {
  const { digits } = options;
  const floor = options.floor ?? 1e-30;
  const attempts = options.attempts ?? 8;
  let relative = 10 ** -(digits + 2);
  let absolute = floor;
  let enclosure: Enclosure | undefined;
  for (let attempt = 0; attempt < attempts; attempt++) {
    enclosure = quantity({
      relative,
      absolute,
      startPrecision: options.startPrecision ?? 64,
      maxPrecision: options.maxPrecision ?? 8192,
      ...(options.onWork === undefined ? {} : { onWork: options.onWork }),
    });
    const [lo, hi] = roundedEnds(enclosure, digits);
    if (lo === hi) return { value: lo, enclosure, complete: true, zero: lo === "0" };
    const loNumber = enclosure.loNumber;
    const hiNumber = enclosure.hiNumber;
    if (loNumber >= -floor && hiNumber <= floor) return { value: "0", enclosure, complete: true, zero: true };
    if (loNumber > 0 || hiNumber < 0) {
      // The sign is known: ask for the width these digits need at this magnitude, and a margin more for a
      // value sitting on a rounding boundary.
      const magnitude = Math.min(Math.abs(loNumber), Math.abs(hiNumber));
      absolute = Math.max(Math.min(absolute, magnitude * relative), Number.MIN_VALUE);
      relative /= 1e4;
    } else {
      absolute = Math.max(floor, Math.min(absolute, enclosure.width) * 1e-10);
    }
  }
  // An exact value on a rounding tie at `digits` (a rational such as 49985003.49975 at 12 digits) cannot be
  // decided by any enclosure of positive width; a few more digits can be, and still certify `digits`.
  const last = enclosure as Enclosure;
  for (let more = digits + 1; more <= digits + 4; more++) {
    const [lo, hi] = roundedEnds(last, more);
    if (lo === hi) return { value: lo, enclosure: last, complete: true, zero: false };
  }
  return { value: last.certifiedDecimal(digits), enclosure: last, complete: false, zero: false };
}
