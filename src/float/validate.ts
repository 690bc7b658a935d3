/**
 * Input validation for the float library, following the protocol's rules (spec: notes/protocol.md):
 *   p: a non-empty array of finite non-negative numbers whose sum is within 1e-6 of 1 (then normalised by it);
 *   r: same length as p, finite numbers;  n: a positive safe integer;
 *   (eps / logEps are checked in eps-point.ts).
 * Every failure is an InputError naming the field (`p[3]`, `r`, `n`, `eps`, `logEps`) and the value found.
 *
 * Error model: the only arithmetic is the compensated sum of p (relative error <= u (1 + 2 L u), see
 * neumaier.ts), so the 1e-6 test is decided exactly except within about 1e-16 of the boundary.
 */
import { InputError } from "../errors.ts";
import { SLOT_MASSES, scratchFloat64 } from "./scratch.ts";

/** Largest allowed |sum(p) - 1|. */
export const SUM_TOLERANCE = 1e-6;

/** Validated masses: a binary64 copy of p and its compensated sum (the normaliser). */
export interface Masses {
  /** p_i exactly as given (unnormalised); a scratch buffer, valid until the next readMasses call. */
  readonly w: Float64Array;
  /** Compensated sum of p, within 1e-6 of 1; every normalised quantity is divided by it. */
  readonly total: number;
}

function isArrayOfNumbersLike(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/** Checks p entry by entry (in order, so the first bad index is reported), copies it and sums it. */
export function readMasses(p: unknown, field = "p"): Masses {
  if (!isArrayOfNumbersLike(p) || p.length === 0) {
    throw new InputError(field, p, "must be a non-empty array of non-negative numbers");
  }
  const w = scratchFloat64(SLOT_MASSES, p.length);
  const total = copyAndSum(p, w, field);
  if (!(Math.abs(total - 1) <= SUM_TOLERANCE)) {
    throw new InputError(field, p, `must sum to 1 within ${SUM_TOLERANCE} (its sum is ${total})`);
  }
  return { w, total };
}

/**
 * The loop of readMasses: checks and copies p into w, returns its compensated sum. It ends right after its loop
 * (see "JIT note" in level-sweep.ts), so the running total is kept up to date inside the loop.
 */
function copyAndSum(p: ArrayLike<unknown>, w: Float64Array, field: string): number {
  let s = 0;
  let c = 0;
  let total = 0;
  for (let i = 0; i < w.length; i++) {
    const v = p[i];
    if (typeof v !== "number" || !(v >= 0) || v === Infinity) {
      throw new InputError(`${field}[${i}]`, v, "must be a finite non-negative number");
    }
    w[i] = v;
    const t = s + v;
    const tb = t - s; // TwoSum (Knuth): c gathers the exact error of s + v
    c += s - (t - tb) + (v - tb);
    s = t;
    total = s + c;
  }
  return total;
}

/** Checks the rewards: same length as p, every entry a finite number. */
export function readRewards(r: unknown, length: number): Float64Array {
  if (!isArrayOfNumbersLike(r)) throw new InputError("r", r, "must be an array of finite numbers");
  if (r.length !== length) {
    throw new InputError("r", r, `must have the same length as p (${length})`);
  }
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const v = r[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new InputError(`r[${i}]`, v, "must be a finite number");
    }
    out[i] = v;
  }
  return out;
}

/** Checks n: a positive safe integer (1 <= n <= 2^53 - 1). */
export function readN(n: unknown): number {
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 1) {
    throw new InputError("n", n, "must be a positive integer no larger than 2^53 - 1");
  }
  return n;
}
