/**
 * Worker-thread side of the row pool: computes the figure rows it is sent, one at a time, and posts each back.
 * Started through row-worker-entry.mjs, which registers tsx first.
 */
import { parentPort } from "node:worker_threads";
import { panelById } from "./panels.ts";
import { computeRow } from "./panel-row.ts";
import type { RowReply, RowRequest } from "./row-messages.ts";

const port = parentPort;
if (port === null) throw new Error("row-worker.ts must run in a worker thread");

port.on("message", (request: RowRequest) => {
  let reply: RowReply;
  try {
    const panel = panelById(request.panelId);
    if (panel === undefined) throw new Error(`unknown panel ${request.panelId}`);
    reply = { index: request.index, row: computeRow(panel, request.n) };
  } catch (error) {
    reply = { index: request.index, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
