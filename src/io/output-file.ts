/**
 * Files a command writes after a long run (`check --json`, `claims --json/--update`, `figures --out`):
 * - checked before the work starts, so that a place bonkl cannot write is a usage error at once rather than an
 *   error after minutes of computing: a folder where a file is wanted, an existing read-only file, a dangling
 *   symbolic link, a regular file where a folder is needed, a folder that does not exist or cannot be written;
 * - written to a temporary file in the same folder, flushed to disk, then renamed over the target, so the target
 *   is either the earlier file or the complete new one, never a truncated mix (a full disk leaves the earlier file
 *   intact). A symbolic link to a file is followed (the file it names is replaced, the link kept); a device or a
 *   pipe (`/dev/stdout`) is written in place.
 */
import { accessSync, closeSync, constants, fsyncSync, lstatSync, openSync, readlinkSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { BonklError, UsageError } from "../errors.ts";

function statOrNull(path: string, follow: boolean): Stats | null {
  try {
    return follow ? statSync(path) : lstatSync(path);
  } catch {
    return null;
  }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? "error";
}

/** Where a file given as `path` really is: a symbolic link to an existing file resolved (UsageError if dangling). */
function targetOf(where: string, path: string): string {
  const link = statOrNull(path, false);
  if (link === null || !link.isSymbolicLink()) return resolve(path);
  if (statOrNull(path, true) === null) {
    let to = "?";
    try {
      to = readlinkSync(path);
    } catch {
      // unreadable link: "?"
    }
    throw new UsageError(`${where} is a dangling symbolic link (to ${JSON.stringify(to)}); remove it or give another name`);
  }
  return realpathSync(path);
}

/** Throws UsageError unless `dir` is an existing folder bonkl can create files in. */
function checkWritableFolder(where: string, dir: string): void {
  const stats = statOrNull(dir, true);
  if (stats === null) throw new UsageError(`${where}: the folder ${JSON.stringify(dir)} does not exist`);
  if (!stats.isDirectory()) throw new UsageError(`${where}: ${JSON.stringify(dir)} is not a folder`);
  const problem = writeProblem(dir, stats, constants.W_OK | constants.X_OK);
  if (problem !== null) throw new UsageError(`${where}: cannot write in ${JSON.stringify(dir)} (${problem})`);
}

/**
 * Why `path` cannot be written, or null. Read-only means the system refuses (access(2)), or no write permission bit
 * is set at all: root may write anywhere, but a file or folder marked read-only is not replaced behind its owner's
 * back (a rename would replace even a read-only file in a writable folder).
 */
function writeProblem(path: string, stats: Stats, mode: number): string | null {
  try {
    accessSync(path, mode);
  } catch (error) {
    return errorCode(error);
  }
  return (stats.mode & 0o222) === 0 ? `read-only, mode ${(stats.mode & 0o7777).toString(8).padStart(4, "0")}` : null;
}

/** Throws UsageError unless the existing file `target` (if any) can be replaced. */
function checkReplaceable(where: string, target: string): void {
  const stats = statOrNull(target, true);
  if (stats === null) return;
  if (stats.isDirectory()) throw new UsageError(`${where} is a folder; give a file name`);
  const problem = writeProblem(target, stats, constants.W_OK);
  if (problem !== null) throw new UsageError(`${where} exists and cannot be replaced (${problem})`);
}

/** Throws UsageError unless `path` can be written as a file (see the module comment for what is checked). */
export function checkOutputFile(flag: string, path: string): void {
  const where = `${flag} ${JSON.stringify(path)}`;
  if (path === "") throw new UsageError(`${flag}: give a file name`);
  const target = targetOf(where, path);
  checkReplaceable(where, target);
  checkWritableFolder(where, dirname(target));
}

/**
 * Throws UsageError unless `dir` can be used as an output folder for files named `names`: an existing folder that can
 * be written, whose files of those names (if present) can be replaced; or a folder that does not exist yet whose
 * nearest existing ancestor is a folder that can be written (it is created with its parents).
 */
export function checkOutputFolder(flag: string, dir: string, names: readonly string[]): void {
  const where = `${flag} ${JSON.stringify(dir)}`;
  if (dir === "") throw new UsageError(`${flag}: give a folder`);
  const link = statOrNull(dir, false);
  if (link?.isSymbolicLink() === true && statOrNull(dir, true) === null) throw new UsageError(`${where} is a dangling symbolic link; remove it or give another folder`);
  const stats = statOrNull(dir, true);
  if (stats !== null) {
    if (!stats.isDirectory()) throw new UsageError(`${where} is not a folder`);
    checkWritableFolder(where, dir);
    for (const name of names) {
      const file = join(dir, name);
      checkReplaceable(`${flag}: ${JSON.stringify(file)}`, targetOf(`${flag}: ${JSON.stringify(file)}`, file));
    }
    return;
  }
  let ancestor = dirname(resolve(dir));
  while (statOrNull(ancestor, true) === null && dirname(ancestor) !== ancestor) ancestor = dirname(ancestor);
  const found = statOrNull(ancestor, true);
  if (found === null || !found.isDirectory()) throw new UsageError(`${where}: cannot be created, ${JSON.stringify(ancestor)} is not a folder`);
  const problem = writeProblem(ancestor, found, constants.W_OK | constants.X_OK);
  if (problem !== null) throw new UsageError(`${where}: cannot be created in ${JSON.stringify(ancestor)} (${problem})`);
}

function writeAll(fd: number, data: Buffer): void {
  let offset = 0;
  while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
}

/**
 * Writes `text` to `path` through a temporary file and a rename (see the module comment); a failure is a BonklError
 * naming the file, and leaves the earlier file (if any) as it was and no temporary file behind.
 */
export function writeOutputFile(path: string, text: string): void {
  let target: string;
  try {
    target = targetOf(JSON.stringify(path), path);
  } catch (error) {
    throw new BonklError("IO", `cannot write ${JSON.stringify(path)}: ${(error as Error).message}`);
  }
  const data = Buffer.from(text, "utf8");
  const existing = statOrNull(target, true);
  if (existing !== null && !existing.isFile() && !existing.isDirectory()) {
    writeInPlace(path, target, data); // a device or a pipe: nothing to rename over
    return;
  }
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.partial`);
  let fd: number | null = null;
  try {
    fd = openSync(temporary, "wx", existing?.isFile() === true ? existing.mode & 0o7777 : 0o666);
    writeAll(fd, data);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temporary, target);
  } catch (error) {
    if (fd !== null) {
      try {
        closeSync(fd);
      } catch {
        // already failing
      }
    }
    try {
      unlinkSync(temporary);
    } catch {
      // not created, or already renamed
    }
    const kept = existing?.isFile() === true ? "; the earlier file is unchanged" : "";
    throw new BonklError("IO", `cannot write ${JSON.stringify(path)}: ${(error as Error).message}${kept}`);
  }
}

function writeInPlace(path: string, target: string, data: Buffer): void {
  try {
    const fd = openSync(target, "w");
    try {
      writeAll(fd, data);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw new BonklError("IO", `cannot write ${JSON.stringify(path)}: ${(error as Error).message}`);
  }
}
