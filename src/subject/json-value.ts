/**
 * Checks that a JavaScript value is plain JSON data: null, booleans, finite numbers, strings, arrays without holes and
 * plain objects, with no cycles. Used on what a module subject returns (structured clone lets NaN, undefined,
 * typed arrays, Maps... through), on what a program's parsed line holds (JSON.parse turns 1e400 into Infinity), and
 * on the args bonkl sends.
 */

const MAX_DEPTH = 256;

/** The first reason `value` is not plain JSON data (e.g. `value[2] is NaN`), or undefined if it is. */
export function findNonJson(value: unknown, path: string): string | undefined {
  return check(value, path, new Set(), 0);
}

function check(value: unknown, path: string, ancestors: Set<object>, depth: number): string | undefined {
  if (value === null || typeof value === "string" || typeof value === "boolean") return undefined;
  if (typeof value === "number") return Number.isFinite(value) ? undefined : `${path} is ${String(value)}`;
  if (typeof value === "undefined") return `${path} is undefined`;
  if (typeof value !== "object") return `${path} is a ${typeof value}`;
  if (depth >= MAX_DEPTH) return `${path} is nested more than ${MAX_DEPTH} levels deep`;
  if (ancestors.has(value)) return `${path} refers back to itself (a cycle)`;
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i += 1) {
        if (!(i in value)) return `${path}[${i}] is missing (a sparse array)`;
        const problem = check(value[i], `${path}[${i}]`, ancestors, depth + 1);
        if (problem !== undefined) return problem;
      }
      return undefined;
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return `${path} is ${kindOfObject(value)}, not plain JSON data`;
    for (const [key, item] of Object.entries(value)) {
      const problem = check(item, `${path}.${key}`, ancestors, depth + 1);
      if (problem !== undefined) return problem;
    }
    return undefined;
  } finally {
    ancestors.delete(value);
  }
}

function kindOfObject(value: object): string {
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  const name = (value.constructor as { name?: unknown } | undefined)?.name;
  const kind = typeof name === "string" && name !== "" && name !== "Object" ? name : tag;
  return `${/^[AEIOU]/.test(kind) ? "an" : "a"} ${kind}`;
}
