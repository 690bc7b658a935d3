/**
 * Display of the oracle's decimal strings ("1.2345e-3", "6.931471805599e-1", "0"): plain positional notation
 * for everyday magnitudes, scientific notation for the very small and very large. No digit is added or lost.
 */

const SCIENTIFIC = /^(-?)(\d)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

/** `text` in positional notation when its exponent is in [minExponent, maxExponent], otherwise unchanged. */
export function plainDecimal(text: string, minExponent = -6, maxExponent = 15): string {
  const match = SCIENTIFIC.exec(text);
  if (match === null) return text;
  const [, sign = "", head = "", tail = "", exponentText] = match;
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  if (exponent < minExponent || exponent > maxExponent) return text;
  const digits = head + tail;
  const point = 1 + exponent; // digits before the decimal point
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
