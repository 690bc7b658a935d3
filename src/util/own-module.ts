/**
 * The file of one of bonkl's own modules, relative to the calling module: `.ts` when bonkl runs from its TypeScript
 * sources (a checkout), `.js` when it runs from the compiled package (dist/). For modules named by path rather than
 * imported: the default subject, worker scripts.
 */
import { fileURLToPath } from "node:url";

export function ownModulePath(callerUrl: string, relativeStem: string): string {
  const extension = callerUrl.endsWith(".ts") ? ".ts" : ".js";
  return fileURLToPath(new URL(`${relativeStem}${extension}`, callerUrl));
}
