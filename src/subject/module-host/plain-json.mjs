// What a module's returned value may be, judged inside its host process before it is written (module-host.mjs): plain
// JSON data (null, booleans, finite numbers, strings, arrays without holes, plain objects, no cycles), with the same
// rules and messages as src/subject/json-value.ts (bonkl's own check; plain-json.test.ts checks that both agree), and
// small enough for one protocol line: a lower bound of its JSON size is counted along the way, so a value far over the
// limit (`new Array(1e8)`) is refused without being written out.

const MAX_DEPTH = 256;

/**
 * The first reason `value` cannot be sent: `{ kind: "invalid", detail }` when it is not plain JSON data,
 * `{ kind: "too-large", detail }` when its JSON has at least `maxBytes` + 1 bytes; undefined when it may be sent.
 * @param {unknown} value
 * @param {string} path
 * @param {number} maxBytes
 * @returns {{ kind: "invalid" | "too-large", detail: string } | undefined}
 */
export function sendProblem(value, path, maxBytes) {
  const budget = { bytes: 0, max: maxBytes };
  try {
    const detail = check(value, path, new Set(), 0, budget);
    return detail === undefined ? undefined : { kind: "invalid", detail };
  } catch (error) {
    if (error instanceof TooLarge) return { kind: "too-large", detail: `its JSON has at least ${budget.bytes} bytes, over the limit of ${maxBytes} bytes` };
    throw error;
  }
}

class TooLarge extends Error {}

function count(budget, bytes) {
  budget.bytes += bytes;
  if (budget.bytes > budget.max) throw new TooLarge();
}

function check(value, path, ancestors, depth, budget) {
  if (value === null || typeof value === "boolean") return void count(budget, 4);
  if (typeof value === "string") return void count(budget, value.length + 2);
  if (typeof value === "number") return Number.isFinite(value) ? void count(budget, 1) : `${path} is ${String(value)}`;
  if (typeof value === "undefined") return `${path} is undefined`;
  if (typeof value !== "object") return `${path} is a ${typeof value}`;
  if (depth >= MAX_DEPTH) return `${path} is nested more than ${MAX_DEPTH} levels deep`;
  if (ancestors.has(value)) return `${path} refers back to itself (a cycle)`;
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      count(budget, 1 + Math.max(1, value.length)); // brackets and commas, before looking at a single entry
      for (let i = 0; i < value.length; i += 1) {
        if (!(i in value)) return `${path}[${i}] is missing (a sparse array)`;
        const problem = check(value[i], `${path}[${i}]`, ancestors, depth + 1, budget);
        if (problem !== undefined) return problem;
      }
      return undefined;
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return `${path} is ${kindOfObject(value)}, not plain JSON data`;
    const entries = Object.entries(value);
    count(budget, 1 + Math.max(1, entries.length)); // braces and commas
    for (const [key, item] of entries) {
      count(budget, key.length + 3); // the quoted key and its colon
      const problem = check(item, `${path}.${key}`, ancestors, depth + 1, budget);
      if (problem !== undefined) return problem;
    }
    return undefined;
  } finally {
    ancestors.delete(value);
  }
}

function kindOfObject(value) {
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  const name = value.constructor?.name;
  const kind = typeof name === "string" && name !== "" && name !== "Object" ? name : tag;
  return `${/^[AEIOU]/.test(kind) ? "an" : "a"} ${kind}`;
}
