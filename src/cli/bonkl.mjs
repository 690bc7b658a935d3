#!/usr/bin/env node
// Entry point of the `bonkl` command. The compiled package (dist/) runs as plain JavaScript; from the TypeScript
// sources of a checkout (src/), tsx is registered first so they run without a build step.
import { existsSync } from "node:fs";

if (existsSync(new URL("./main.ts", import.meta.url))) {
  const { register } = await import("tsx/esm/api");
  register();
}
await import("./main.ts"); // the build rewrites this to ./main.js
