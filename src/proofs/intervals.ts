/**
 * The one door from src/proofs to the oracle's interval arithmetic: every MPFR interval type, operation and
 * constant the proofs use is re-exported from here, so that moving the numerics layer changes this file only.
 */
export { Interval, hull } from "../oracle/interval/interval.ts";
export { Arena, withArena } from "../oracle/mpfr/arena.ts";
export { mpfr, RNDD, RNDU, liveReals, type RealPtr } from "../oracle/mpfr/binding.ts";
export { decimalString } from "../oracle/mpfr/decimal.ts";
