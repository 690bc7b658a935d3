/**
 * Worker-thread side of `bonkl serve`: computes the requests it is sent, one at a time, and posts each answer back.
 * A request past its deadline is stopped by terminating this thread (the oracle computes synchronously and cannot
 * be interrupted otherwise). Started through serve-worker-entry.mjs (which registers tsx first when running from the sources).
 */
import { parentPort } from "node:worker_threads";
import { oracleAnswer } from "./oracle-answer.ts";
import type { ComputeReply, ComputeRequest } from "./serve-messages.ts";

const port = parentPort;
if (port === null) throw new Error("serve-worker.ts must run in a worker thread");

port.on("message", (request: ComputeRequest) => {
  const reply: ComputeReply = { seq: request.seq, body: oracleAnswer(request.op, request.args, request.digits) };
  port.postMessage(reply);
});
