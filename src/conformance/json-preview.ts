/**
 * JSON of a subject's answer for messages and reports, with work and size bounded by what is shown: an answer can be
 * a string of sixty million characters, which must not be copied whole into a `why`, a table cell or the JSON report.
 */

/** An upper bound on the length of JSON.stringify(value), with early exit once it exceeds `limit` (then limit + 1). */
export function jsonLengthBound(value: unknown, limit: number): number {
  let total = 0;
  const visit = (v: unknown): void => {
    if (total > limit) return;
    if (typeof v === "string") total += 2 + 6 * v.length; // a character is at most 6 in JSON (\uXXXX)
    else if (Array.isArray(v)) {
      total += 2 + Math.max(0, v.length - 1);
      for (const x of v) visit(x);
    } else if (v !== null && typeof v === "object") {
      const entries = Object.entries(v as object);
      total += 2 + Math.max(0, entries.length - 1);
      for (const [k, x] of entries) {
        total += 3 + 6 * k.length;
        visit(x);
      }
    } else total += String(v).length + 2;
  };
  visit(value);
  return Math.min(total, limit + 1);
}

/** JSON.stringify(value) when it is at most `limit` characters, else null (without building a long text). */
export function jsonWithin(value: unknown, limit: number): string | null {
  if (jsonLengthBound(value, 6 * limit) > 6 * limit) return null;
  const text = JSON.stringify(value);
  return text === undefined || text.length > limit ? null : text;
}

/** A short JSON preview: whole when short, else its start and its size. */
export function previewJson(value: unknown, max = 120): string {
  const whole = jsonWithin(value, max);
  if (whole !== null) return whole;
  if (typeof value === "string") return `${JSON.stringify(value.slice(0, max))}... (${value.length} characters)`;
  if (Array.isArray(value)) return `[${value.slice(0, 3).map((v) => previewJson(v, 40)).join(",")},...] (${value.length} entries)`;
  if (value === undefined) return "undefined";
  return `${(JSON.stringify(value) ?? String(value)).slice(0, max)}...`;
}
