/**
 * An arena owns every MPFR number made while evaluating one quantity at one working precision, and frees
 * them all at once. `withArena(prec, fn)` is the only way the oracle evaluates anything, so nothing leaks
 * even when `fn` throws.
 */
import { allocInteger, allocReal, releaseInteger, releaseReal, type IntegerPtr, type RealPtr } from "./mpfr.ts";

export class Arena {
  private readonly owned: RealPtr[] = [];
  private readonly scratchReals: RealPtr[] = [];
  private integer: IntegerPtr | undefined;
  private released = false;

  constructor(
    /** Working precision in bits of every number this arena makes. */
    readonly prec: number,
    /**
     * Called now and then by long loops evaluating in this arena (every 1024 reward levels of a walk), so that a caller
     * can show progress during one long synchronous computation. Must not throw.
     */
    readonly pulse: () => void = () => undefined,
  ) {}

  /** A fresh MPFR number (NaN until set) owned by this arena. */
  real(): RealPtr {
    if (this.released) throw new Error("arena used after release");
    const ptr = allocReal(this.prec);
    this.owned.push(ptr);
    return ptr;
  }

  /** A number of a different precision (for exact intermediate values), still owned by this arena. */
  realWithPrecision(prec: number): RealPtr {
    if (this.released) throw new Error("arena used after release");
    const ptr = allocReal(prec);
    this.owned.push(ptr);
    return ptr;
  }

  /**
   * Scratch number `i` (0 <= i < 8): reused by interval operations for intermediate results, so that
   * they never clobber an operand when the output aliases it. Never hold a scratch value across calls.
   */
  scratch(i: number): RealPtr {
    let ptr = this.scratchReals[i];
    if (ptr === undefined) {
      if (i < 0 || i >= 8) throw new Error(`scratch index ${i} out of range`);
      ptr = this.real();
      this.scratchReals[i] = ptr;
    }
    return ptr;
  }

  /** A scratch GMP integer for conversions (same rules as `scratch`). */
  scratchInteger(): IntegerPtr {
    if (this.released) throw new Error("arena used after release");
    if (this.integer === undefined) this.integer = allocInteger();
    return this.integer;
  }

  /** Frees everything this arena made. Idempotent. */
  release(): void {
    if (this.released) return;
    this.released = true;
    for (const ptr of this.owned) releaseReal(ptr);
    this.owned.length = 0;
    this.scratchReals.length = 0;
    if (this.integer !== undefined) releaseInteger(this.integer);
    this.integer = undefined;
  }
}

/** Runs `fn` with a fresh arena of `prec` bits (and `pulse`: see Arena) and releases it afterwards, whatever happens. */
export function withArena<T>(prec: number, fn: (arena: Arena) => T, pulse?: () => void): T {
  const arena = new Arena(prec, pulse);
  try {
    return fn(arena);
  } finally {
    arena.release();
  }
}
