// Worker thread of the claims runner (runner.ts): runs the claims it is sent (from the TypeScript sources, tsx is
// registered first; the compiled package runs as plain JavaScript).
// Messages in: {id, options}; out: {type: "progress", id, done, total} and {type: "result", id, run} or {type: "error", id, message}.
import { existsSync } from "node:fs";
import { parentPort } from "node:worker_threads";

if (existsSync(new URL("./run-claim.ts", import.meta.url))) {
  const { register } = await import("tsx/esm/api");
  register();
}
const { claimById } = await import("./paper/index.ts");
const { runClaim } = await import("./run-claim.ts");

parentPort.on("message", ({ id, options }) => {
  try {
    const claim = claimById(id);
    if (claim === undefined) throw new Error(`unknown claim ${id}`);
    let last = 0;
    const run = runClaim(claim, {
      ...options,
      onCase: (done, total) => {
        const now = Date.now();
        if (now - last > 200 || done === total) {
          last = now;
          parentPort.postMessage({ type: "progress", id, done, total });
        }
      },
    });
    parentPort.postMessage({ type: "result", id, run: JSON.parse(JSON.stringify(run, (_k, v) => (typeof v === "bigint" ? v.toString() : v))) });
  } catch (error) {
    parentPort.postMessage({ type: "error", id, message: error instanceof Error ? error.message : String(error) });
  }
});
parentPort.postMessage({ type: "ready" });
