// The worker thread of oracle-sandbox.ts: loads the oracle (TypeScript, through tsx) and answers each message
// {id, op, args} with {id, kind, ms, name, code, message}: kind "value" (compute returned), "typed" (a BonklError, or
// the oracle's UnknownOpError for a name it does not know), or "untyped" (anything else: a finding). Plain
// JavaScript so that it starts without a loader.
import { parentPort } from "node:worker_threads";

const { register } = await import("tsx/esm/api");
register();
const { compute, UnknownOpError } = await import("../oracle/index.ts");
const { BonklError } = await import("../errors.ts");

parentPort.on("message", ({ id, op, args }) => {
  const started = performance.now();
  let reply;
  try {
    compute(op, args);
    reply = { kind: "value" };
  } catch (error) {
    const typed = error instanceof BonklError || error instanceof UnknownOpError;
    reply = {
      kind: typed ? "typed" : "untyped",
      name: error?.constructor?.name ?? typeof error,
      code: error?.code ?? null,
      message: String(error?.message ?? error).slice(0, 500),
      stack: typed ? null : String(error?.stack ?? "").split("\n").slice(0, 8).join("\n"),
    };
  }
  parentPort.postMessage({ id, ms: performance.now() - started, ...reply });
});
parentPort.postMessage({ ready: true });
