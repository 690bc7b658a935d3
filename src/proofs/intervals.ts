/**
 * The one door from src/proofs to the numerics layer (src/numerics): every MPFR interval type, operation and
 * constant the proofs use is re-exported from here. The proofs need nothing of the oracle: they are statements about
 * two real variables.
 */
export { Interval, hull } from "../numerics/interval.ts";
export { Arena, withArena } from "../numerics/arena.ts";
export { mpfr, RNDD, RNDU, liveReals, type RealPtr } from "../numerics/mpfr.ts";
export { decimalString } from "../numerics/mpfr-decimal.ts";
