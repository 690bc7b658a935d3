/**
 * The MPFR binding (GMP + MPFR compiled to WebAssembly by gmp-wasm, loaded by gmp-binding.ts), once per thread.
 *
 * Everything numeric in the oracle goes through MPFR's correctly rounded operations with an explicit rounding
 * direction. WebAssembly memory is not garbage-collected: every `mpfr_t` made here must be released with
 * `releaseReal`, and `liveReals()` counts those still alive so tests can prove nothing leaks.
 *
 * Traps of the wasm32 build: C `long` is 32 bits, so `*_ui`/`*_si` functions take values below 2^31 only
 * (n up to 2^53 - 1 is passed as an exact double with `mpfr_set_d`), and the exponent range is
 * about 2^(+-2^30), i.e. 10^(+-3.2e8).
 */
import { loadGmpBinding, type GmpBinding } from "./gmp-binding.ts";

/** The raw MPFR/GMP functions. */
export const mpfr: GmpBinding = await loadGmpBinding();

/** MPFR rounding modes. */
export const RNDN = 0;
export const RNDZ = 1;
export const RNDU = 2;
export const RNDD = 3;

/** Smallest and largest working precision the oracle uses, in bits. */
export const MIN_PRECISION = 64;
export const MAX_PRECISION = 1 << 20;

// Widest exponent range MPFR allows (the default is already that wide in gmp-wasm; make sure of it).
mpfr.mpfr_set_emin(mpfr.mpfr_get_emin_min());
mpfr.mpfr_set_emax(mpfr.mpfr_get_emax_max());

let live = 0;

/** A pointer to an initialised `mpfr_t` in wasm memory. */
export type RealPtr = number;

/**
 * Allocates and initialises an `mpfr_t` of `prec` bits (value NaN until set). A precision that is not a positive
 * integer is a RangeError (MPFR's behaviour below MPFR_PREC_MIN is undefined; NaN would become 0 in the binding).
 */
export function allocReal(prec: number): RealPtr {
  if (!(Number.isSafeInteger(prec) && prec >= 1)) throw new RangeError(`an MPFR precision must be a positive integer number of bits, got ${prec}`);
  const ptr = mpfr.mpfr_t();
  mpfr.mpfr_init2(ptr, prec);
  live++;
  return ptr;
}

/** Clears and frees an `mpfr_t` made by `allocReal`. */
export function releaseReal(ptr: RealPtr): void {
  mpfr.mpfr_clear(ptr);
  mpfr.mpfr_t_free(ptr);
  live--;
}

/** How many `mpfr_t` made by `allocReal` are still alive. */
export function liveReals(): number {
  return live;
}

let liveIntegers = 0;

/** A pointer to an initialised `mpz_t`. */
export type IntegerPtr = number;

export function allocInteger(): IntegerPtr {
  const ptr = mpfr.mpz_t();
  mpfr.mpz_init(ptr);
  liveIntegers++;
  return ptr;
}

export function releaseInteger(ptr: IntegerPtr): void {
  mpfr.mpz_clear(ptr);
  mpfr.mpz_t_free(ptr);
  liveIntegers--;
}

/** How many `mpz_t` made by `allocInteger` are still alive. */
export function liveIntegerCount(): number {
  return liveIntegers;
}

const INT32_MAX = 2147483647n;

/** Sets an `mpz_t` from a JS bigint (exact). */
export function setIntegerFromBigInt(z: IntegerPtr, value: bigint): void {
  if (value <= INT32_MAX && value >= -INT32_MAX) {
    mpfr.mpz_set_si(z, Number(value)); // C long is 32 bits here (gmp-wasm's mpz_set_d is broken: it sets 0)
    return;
  }
  const negative = value < 0n;
  const hex = (negative ? -value : value).toString(16);
  const rc = mpfr.mpz_set_string(z, negative ? `-${hex}` : hex, 16);
  if (rc !== 0) throw new Error(`mpz_set_string failed for ${value}`);
}

/** Reads an `mpz_t` into a JS bigint (exact). */
export function bigIntFromInteger(z: IntegerPtr): bigint {
  const hex = mpfr.mpz_to_string(z, 16);
  return hex.startsWith("-") ? -BigInt(`0x${hex.slice(1)}`) : BigInt(`0x${hex}`);
}
