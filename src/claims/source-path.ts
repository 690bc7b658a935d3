/**
 * Repository paths of bonkl's own modules, from their URLs: `src/claims/paper/lemma1.ts` whether the module runs
 * from its TypeScript source or from the compiled package (dist/..., .js), for links in the generated spec and for
 * reading a claim's definition back.
 */
import { fileURLToPath } from "node:url";
import { relative, sep } from "node:path";

/** The package root: two folders above this module (src/claims/ or dist/claims/). */
export const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The repository path of the TypeScript source of a module of bonkl, given its URL. */
export function sourcePath(moduleUrl: string): string {
  const path = relative(PACKAGE_ROOT, fileURLToPath(moduleUrl)).split(sep).join("/");
  if (!path.startsWith("dist/")) return path;
  return `src/${path.slice("dist/".length)}`.replace(/\.js$/, ".ts");
}
