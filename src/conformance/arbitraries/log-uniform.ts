/**
 * Log-uniform draws: exp(ln min + t (ln max - ln min)) for t = j / 2^24 with j a fast-check integer in
 * [0, 2^24]. (fast-check's double is uniform over bit patterns, which would put most draws of a box like
 * [0, ln 1e4] next to 0.) Shrinks towards j = 0, the bottom of the box; fast-check's bias draws both ends of the
 * box often (j = 0 and j = 2^24 give min and max exactly).
 */
import fc from "fast-check";

const STEPS = 2 ** 24;

function logScale(min: number, max: number): fc.Arbitrary<number> {
  const low = Math.log(min);
  const span = Math.log(max) - low;
  return fc.integer({ min: 0, max: STEPS }).map((j) => (j === 0 ? min : j === STEPS ? max : Math.exp(low + (span * j) / STEPS)));
}

/** An integer in [min, max] (1 <= min <= max <= 2^53 - 1), log-uniform. */
export function logUniformInteger(min: number, max: number): fc.Arbitrary<number> {
  if (!(Number.isSafeInteger(min) && Number.isSafeInteger(max) && 1 <= min && min <= max)) {
    throw new RangeError(`logUniformInteger: bad box [${min}, ${max}]`);
  }
  return logScale(min, max).map((x) => Math.min(max, Math.max(min, Math.round(x))));
}

/** A real in [min, max] (0 < min <= max), log-uniform, clamped to the box. */
export function logUniformReal(min: number, max: number): fc.Arbitrary<number> {
  if (!(0 < min && min <= max && Number.isFinite(max))) throw new RangeError(`logUniformReal: bad box [${min}, ${max}]`);
  return logScale(min, max).map((x) => Math.min(max, Math.max(min, x)));
}
