/**
 * Where tsx's ESM API is, for a module host that loads a TypeScript subject. Resolved only when a TypeScript module
 * is given (JavaScript subjects never need tsx, which is to become an optional peer dependency), from bonkl's own
 * location; when it cannot be found, a usage error says so before anything runs.
 */
import { UsageError } from "../errors.ts";

/** The file: URL of `tsx/esm/api`. `resolveSpecifier` is import.meta.resolve (a test may pass another). */
export function locateTsx(modulePath: string, resolveSpecifier: (specifier: string) => string = (s) => import.meta.resolve(s)): string {
  try {
    return resolveSpecifier("tsx/esm/api");
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new UsageError(
      `--subject ${JSON.stringify(modulePath)}: a TypeScript module is loaded through tsx, which cannot be found (${why}); install it next to bonkl (npm install tsx) or give a JavaScript module`,
    );
  }
}
