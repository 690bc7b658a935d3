// The host process of a module subject: module-instance.ts starts it with node (in a session of its own, with a heap
// limit) as `node module-host.mjs CONFIG`, CONFIG being JSON {moduleUrl, tsxUrl, opNames, maxLineBytes}. Plain
// JavaScript, so it runs without a build step; for a TypeScript module bonkl gives the URL of tsx's API (tsxUrl),
// registered before the module is imported. The protocol runs one JSON object a line: calls come on fd 3, answers go
// out on fd 4, written synchronously (a module calling process.exit() loses none of the answers before); the module's
// stdin is /dev/null and its stdout and stderr (console output) are captured by bonkl, never read as protocol.
//
// bonkl writes calls {id, op, args} (several may be queued); the host runs them one at a time, in the order received,
// each with the export named op and args (a fresh copy: the host parsed it), and writes one line per call:
//   {"id", "value"} | {"id", "error"}                       the answer (a throw is an error)
//   {"host": "invalid", "id", "detail"}                     the value is not plain JSON data (NaN, a Float64Array...)
//   {"host": "too-large", "id", "detail"}                   its JSON would pass maxLineBytes: not written
// preceded by {"host": "mutated", "id", "detail"} when the function changed its args. Once the module has loaded:
// {"host": "ready"}; if it fails to load: {"host": "load-error", "message"}, then exit 1. An error thrown outside any
// call: {"host": "uncaught", "message"} (or load-error before ready), then exit 1. The host exits when fd 3 ends.
// Judging the answers is bonkl's business; a module can write on fd 4 too, so bonkl trusts none of this.
import { writeSync } from "node:fs";
import { Socket } from "node:net";
import { firstDifference, kindOf } from "./input-changes.mjs";
import { sendProblem } from "./plain-json.mjs";

const { moduleUrl, tsxUrl, opNames, maxLineBytes } = JSON.parse(process.argv[2]);

// The module's console writes block while bonkl has not read them yet (node would otherwise queue them in memory here,
// without bound, for these socket pairs): a flood is paced by bonkl, which keeps only its head and tail.
for (const stream of [process.stdout, process.stderr]) stream._handle?.setBlocking?.(true);

const calls = new Socket({ fd: 3, readable: true, writable: false });
const ANSWERS = 4; // a blocking socket bonkl reads: writeSync returns once the line is out of this process

/** Writes one message as a line on fd 4, all of it, before returning. */
function write(message) {
  const line = Buffer.from(`${JSON.stringify(message)}\n`);
  let done = 0;
  while (done < line.length) done += writeSync(ANSWERS, line, done);
}

let loaded = false;
let exiting = false;

/** Reports a fatal error (loading, or outside any call) and exits with status 1. */
function fail(message) {
  if (exiting) return;
  exiting = true;
  try {
    write(loaded ? { host: "uncaught", message } : { host: "load-error", message });
  } finally {
    process.exit(1);
  }
}

process.on("uncaughtException", (error) => fail(messageOf(error)));
calls.on("error", () => process.exit(1));
calls.on("end", () => process.exit(0));

let subject;
try {
  if (tsxUrl !== null) (await import(tsxUrl)).register();
  subject = await import(moduleUrl);
} catch (error) {
  fail(messageOf(error));
}
if (subject !== undefined && !exiting) {
  loaded = true;
  let pending = "";
  calls.setEncoding("utf8");
  calls.on("data", (chunk) => {
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) if (line !== "") queue.push(JSON.parse(line));
    void runCalls();
  });
  write({ host: "ready" });
}

/** Calls received and not yet run, in order; one runs at a time. */
const queue = [];
let running = false;

/** Runs the queued calls one after the other, in the order received (so the oldest unanswered call is the one running). */
async function runCalls() {
  if (running) return;
  running = true;
  while (queue.length > 0) await answer(queue.shift());
  running = false;
}

async function answer({ id, op, args }) {
  const pristine = structuredClone(args);
  let outcome;
  try {
    outcome = { id, value: await run(op, args) };
  } catch (error) {
    outcome = { id, error: messageOf(error) };
  }
  const change = firstDifference(pristine, args, "args");
  if (change !== undefined) write({ host: "mutated", id, detail: `the function changed its input: ${change}` });
  write(checked(outcome));
}

/** The outcome as it may be written: the answer itself, or why it cannot be. */
function checked(outcome) {
  const { id } = outcome;
  if ("value" in outcome) {
    const { value } = outcome;
    if (typeof value === "function" || typeof value === "symbol") {
      return { host: "invalid", id, detail: `returned ${kindOf(value)}, which cannot be sent back as JSON` };
    }
    const problem = sendProblem(value, "value", maxLineBytes);
    if (problem?.kind === "invalid") return { host: "invalid", id, detail: `${problem.detail}: not a finite number or decimal string` };
    if (problem?.kind === "too-large") return { host: "too-large", id, detail: `returned a value too large to send: ${problem.detail}` };
  }
  let bytes;
  try {
    bytes = Buffer.byteLength(JSON.stringify(outcome));
  } catch (error) {
    return { host: "too-large", id, detail: `its answer cannot be written as one line (${messageOf(error)})` };
  }
  if (bytes > maxLineBytes) return { host: "too-large", id, detail: `its answer is a line of ${bytes} bytes, over the limit of ${maxLineBytes} bytes` };
  return outcome;
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
