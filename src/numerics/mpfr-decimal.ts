/**
 * Decimal strings of MPFR numbers with a chosen rounding direction (MPFR's mpfr_get_str), formatted as
 * `d.ddd...e<exp>` (or "0").
 */
import { mpfr, type RealPtr } from "./mpfr.ts";

const exponentPtr = mpfr.malloc(8);

/** x rounded to `digits` significant decimal digits in direction `rnd`, e.g. "1.2345e-7". */
export function decimalString(x: RealPtr, digits: number, rnd: number): string {
  if (mpfr.mpfr_nan_p(x)) return "NaN";
  if (mpfr.mpfr_inf_p(x)) return mpfr.mpfr_sgn(x) > 0 ? "Infinity" : "-Infinity";
  if (mpfr.mpfr_zero_p(x)) return "0";
  const strPtr = mpfr.mpfr_get_str(0, exponentPtr, 10, digits, x, rnd);
  const mem = mpfr.mem;
  const end = mem.indexOf(0, strPtr);
  let raw = "";
  for (let i = strPtr; i < end; i++) raw += String.fromCharCode(mem[i] as number);
  mpfr.mpfr_free_str(strPtr);
  const exponent = mpfr.memView.getInt32(exponentPtr, true);
  const negative = raw.startsWith("-");
  // x is finite and non-zero here, so MPFR's digits start with a non-zero one: never all zeros
  const mantissa = (negative ? raw.slice(1) : raw).replace(/0+$/, "");
  const head = mantissa.slice(0, 1);
  const tail = mantissa.slice(1);
  const e = exponent - 1;
  const body = tail === "" ? head : `${head}.${tail}`;
  return `${negative ? "-" : ""}${body}${e === 0 ? "" : `e${e}`}`;
}
