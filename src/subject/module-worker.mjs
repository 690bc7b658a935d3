// The worker thread of a module subject (worker-instance.ts starts it). Plain JavaScript so that it runs without a
// build step or loader; TypeScript subjects get tsx registered here first. It loads the subject module, then for each
// call message {id, op, args} runs the export named op with args and posts back one message:
//   {type: "answer", id, value} | {type: "answer", id, error} | {type: "unclonable", id, detail}
// preceded by {type: "mutated", id, detail} when the function changed its args. At start it posts {type: "ready"}
// or {type: "load-error", message}. Judging the value is the parent's business.
import { parentPort, workerData } from "node:worker_threads";

const { moduleUrl, useTsx, opNames } = workerData;
const port = parentPort;

let subject;
try {
  if (useTsx) {
    const { register } = await import("tsx/esm/api");
    register();
  }
  subject = await import(moduleUrl);
} catch (error) {
  port.postMessage({ type: "load-error", message: messageOf(error) });
}
if (subject !== undefined) {
  port.on("message", (call) => void answer(call));
  port.postMessage({ type: "ready" });
}

async function answer({ id, op, args }) {
  const pristine = structuredClone(args);
  let outcome;
  try {
    outcome = { type: "answer", id, value: await run(op, args) };
  } catch (error) {
    outcome = { type: "answer", id, error: messageOf(error) };
  }
  const change = firstDifference(pristine, args, "args", 0);
  if (change !== undefined) port.postMessage({ type: "mutated", id, detail: `the function changed its input: ${change}` });
  try {
    port.postMessage(outcome);
  } catch (error) {
    const detail = `returned ${kindOf(outcome.value)}, which cannot be sent back (${messageOf(error)})`;
    port.postMessage({ type: "unclonable", id, detail });
  }
}

async function run(op, args) {
  const target = lookup(op);
  if (op === "capabilities" && typeof target !== "function") {
    // Optional: a `capabilities` function or array; by default, the protocol's ops the module exports as functions.
    return target ?? opNames.filter((name) => name !== "capabilities" && typeof lookup(name) === "function");
  }
  if (target === undefined) throw new Error(`unsupported op: ${op} (the module exports no ${op})`);
  if (typeof target !== "function") throw new Error(`the module's export ${op} is ${kindOf(target)}, not a function`);
  return await target(args);
}

/** A named export, or a property of the default export (a CommonJS module's `module.exports`). */
function lookup(op) {
  if (typeof op !== "string") return undefined;
  if (op in subject) return subject[op];
  const fallback = subject.default;
  if (fallback !== null && (typeof fallback === "object" || typeof fallback === "function") && Object.hasOwn(fallback, op)) {
    return fallback[op];
  }
  return undefined;
}

function messageOf(error) {
  try {
    if (error !== null && typeof error === "object" && typeof error.message === "string") return error.message;
    return String(error);
  } catch {
    return "(an error that cannot be shown)";
  }
}

function kindOf(value) {
  if (value === null) return "null";
  if (typeof value !== "object") return typeof value === "undefined" ? "undefined" : `a ${typeof value}`;
  const name = value.constructor?.name;
  return typeof name === "string" && name !== "" ? `a ${name}` : "an object";
}

/** The first place where `after` differs from `before` (compared with Object.is), or undefined. */
function firstDifference(before, after, path, depth) {
  if (Object.is(before, after)) return undefined;
  const show = (v) =>
    typeof v === "number" ? (Object.is(v, -0) ? "-0" : String(v)) : typeof v === "string" ? JSON.stringify(v) : kindOf(v);
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
