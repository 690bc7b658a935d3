// Entry point of a `bonkl serve` worker thread. Workers start with no loader: from the TypeScript sources, tsx is
// registered first; the compiled package (dist/) runs as plain JavaScript.
import { existsSync } from "node:fs";

if (existsSync(new URL("./serve-worker.ts", import.meta.url))) {
  const { register } = await import("tsx/esm/api");
  register();
}
await import("./serve-worker.ts"); // the build rewrites this to ./serve-worker.js
