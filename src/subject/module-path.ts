/**
 * The file given to `--subject`, checked before anything runs: it must exist, be a regular file, and have the
 * extension of a JS/TS module (.mjs .js .cjs .ts .mts .cts, as written: node and tsx match them case-sensitively).
 * Anything else is a usage error saying what was given and what to do instead (a Python file: run it as a program).
 */
import { statSync } from "node:fs";
import { basename, extname, resolve } from "node:path";
import { UsageError } from "../errors.ts";

export const MODULE_EXTENSIONS = [".mjs", ".js", ".cjs", ".ts", ".mts", ".cts"] as const;
const TYPESCRIPT_EXTENSIONS: readonly string[] = [".ts", ".mts", ".cts"];

export interface ModulePath {
  absolute: string;
  /** Loaded through tsx. */
  typescript: boolean;
}

/** The module file's absolute path and kind; UsageError when `path` is not a JS/TS module file. */
export function checkModulePath(path: string): ModulePath {
  const shown = `--subject ${JSON.stringify(path)}`;
  const extensions = MODULE_EXTENSIONS.join(" ");
  if (path.trim() === "") throw new UsageError(`${shown}: give the path of a JS/TS module file (${extensions})`);
  const absolute = resolve(path);
  const stat = statSync(absolute, { throwIfNoEntry: false });
  if (stat === undefined) throw new UsageError(`${shown}: no such file`);
  if (stat.isDirectory()) throw new UsageError(`${shown}: a folder, not a module file; give the module itself (${extensions})`);
  if (!stat.isFile()) throw new UsageError(`${shown}: not a regular file`);
  const extension = extname(absolute);
  if (extension === ".py") {
    throw new UsageError(`${shown}: a Python file is not a module; run it as a program: --subject-cmd ${JSON.stringify(`python3 ${path}`)}`);
  }
  if (!(MODULE_EXTENSIONS as readonly string[]).includes(extension)) {
    const what = basename(absolute) === "package.json" ? "a package.json, not a module" : `not a JS/TS module (the name must end in one of ${extensions})`;
    throw new UsageError(`${shown}: ${what}; a program in any language runs with --subject-cmd "PROGRAM ARGS"`);
  }
  return { absolute, typescript: TYPESCRIPT_EXTENSIONS.includes(extension) };
}
