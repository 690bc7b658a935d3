// Entry point of a figure-row worker thread. Workers start with no loader: from the TypeScript sources, tsx is
// registered first; the compiled package (dist/) runs as plain JavaScript.
import { existsSync } from "node:fs";

if (existsSync(new URL("./row-worker.ts", import.meta.url))) {
  const { register } = await import("tsx/esm/api");
  register();
}
await import("./row-worker.ts"); // the build rewrites this to ./row-worker.js
