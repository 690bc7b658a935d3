/**
 * Files a command writes at the end of a long run (`--json FILE`): checked before the run starts, so that a folder
 * or an unwritable place is a usage error at once rather than an error after minutes of work; written with errors as
 * one-line BonklErrors.
 */
import { accessSync, constants, statSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { BonklError, UsageError } from "../errors.ts";

/** Throws UsageError when `path` is a folder, or its folder does not exist or cannot be written. */
export function checkOutputFile(flag: string, path: string): void {
  const where = `${flag} ${JSON.stringify(path)}`;
  let isDirectory = false;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    // does not exist yet: its folder must
  }
  if (isDirectory) throw new UsageError(`${where} is a folder; give a file name`);
  try {
    accessSync(dirname(resolve(path)), constants.W_OK);
  } catch (error) {
    throw new UsageError(`${where}: cannot write in ${JSON.stringify(dirname(path))} (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

/** Writes `text` to `path`; a failure is a BonklError naming the file. */
export function writeOutputFile(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw new BonklError("IO", `cannot write ${JSON.stringify(path)}: ${(error as Error).message}`);
  }
}
