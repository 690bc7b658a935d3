// Whether a module's function changed the args it was given (module-host.mjs compares a copy taken before the call
// with the args after it): bonkl's own copy is never at risk (the host has its own), but a subject that writes into
// its inputs is reported (fault mutated-input).

/**
 * The first place where `after` differs from `before` (compared with Object.is), in words, or undefined.
 * @param {unknown} before
 * @param {unknown} after
 * @param {string} path
 * @returns {string | undefined}
 */
export function firstDifference(before, after, path, depth = 0) {
  if (Object.is(before, after)) return undefined;
  const isObject = (v) => typeof v === "object" && v !== null;
  if (!isObject(before) || !isObject(after) || Array.isArray(before) !== Array.isArray(after)) {
    return `${path} changed from ${show(before)} to ${show(after)}`;
  }
  if (depth > 64) return undefined;
  if (Array.isArray(before) && before.length !== after.length) {
    return `${path} changed length from ${before.length} to ${after.length}`;
  }
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const where = Array.isArray(before) ? `${path}[${key}]` : `${path}.${key}`;
    if (!Object.hasOwn(after, key)) return `${where} was deleted`;
    if (!Object.hasOwn(before, key)) return `${where} was added`;
    const change = firstDifference(before[key], after[key], where, depth + 1);
    if (change !== undefined) return change;
  }
  return undefined;
}

function show(value) {
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "string") return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  return kindOf(value);
}

/**
 * How a value is named in a message: "null", "undefined", "a number", "a Float64Array", "an object".
 * @param {unknown} value
 * @returns {string}
 */
export function kindOf(value) {
  if (value === null) return "null";
  if (typeof value !== "object") return typeof value === "undefined" ? "undefined" : `a ${typeof value}`;
  const name = value.constructor?.name;
  return typeof name === "string" && name !== "" ? `a ${name}` : "an object";
}
