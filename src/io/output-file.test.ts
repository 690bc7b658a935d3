// Output files: every place bonkl cannot (or must not) write is refused before the work starts, and a write goes
// through a temporary file and a rename, so a failed write leaves the earlier file whole (issue 16). The tests run
// as whatever user runs them: "read-only" is checked by permission bits too, so they hold for root as well.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { BonklError, UsageError } from "../errors.ts";
import { checkOutputFile, checkOutputFolder, writeOutputFile } from "./output-file.ts";

const fresh = (): string => mkdtempSync(join(tmpdir(), "bonkl-output-"));

describe("checkOutputFile", () => {
  test("accepts a new file in a writable folder, and an existing writable file", () => {
    const dir = fresh();
    expect(() => checkOutputFile("--json", join(dir, "new.json"))).not.toThrow();
    writeFileSync(join(dir, "old.json"), "{}");
    expect(() => checkOutputFile("--json", join(dir, "old.json"))).not.toThrow();
  });

  test("refuses a folder, a read-only file, a dangling link, a file where a folder is needed, a missing or read-only folder", () => {
    const dir = fresh();
    const readOnly = join(dir, "read-only.json");
    writeFileSync(readOnly, "{}");
    chmodSync(readOnly, 0o444);
    symlinkSync(join(dir, "nowhere", "x.json"), join(dir, "dangling.json"));
    writeFileSync(join(dir, "plain"), "");
    const locked = join(dir, "locked");
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    const cases: [string, RegExp][] = [
      [dir, /is a folder; give a file name/],
      [readOnly, /exists and cannot be replaced \((EACCES|read-only, mode 0444)\)/],
      [join(dir, "dangling.json"), /is a dangling symbolic link \(to ".*nowhere\/x\.json"\)/],
      [join(dir, "plain", "r.json"), /"[^"]*plain" is not a folder/],
      [join(dir, "no", "such", "r.json"), /the folder ".*no\/such" does not exist/],
      [join(locked, "r.json"), /cannot write in ".*locked" \((EACCES|read-only, mode 0555)\)/],
      ["", /give a file name/],
    ];
    for (const [path, message] of cases) {
      expect(() => checkOutputFile("--json", path), path).toThrow(UsageError);
      expect(() => checkOutputFile("--json", path), path).toThrow(message);
    }
  });
});

describe("checkOutputFolder", () => {
  test("accepts a writable folder, and a folder to create under a writable one", () => {
    const dir = fresh();
    expect(() => checkOutputFolder("--out", dir, ["a.csv"])).not.toThrow();
    expect(() => checkOutputFolder("--out", join(dir, "new", "deeper"), ["a.csv"])).not.toThrow();
  });

  test("refuses a regular file, a dangling link, a read-only folder, a read-only file inside, a file on the way", () => {
    const dir = fresh();
    writeFileSync(join(dir, "plain"), "");
    symlinkSync(join(dir, "gone"), join(dir, "link"));
    const locked = join(dir, "locked");
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    const withReadOnly = join(dir, "with-read-only");
    mkdirSync(withReadOnly);
    writeFileSync(join(withReadOnly, "a.csv"), "old");
    chmodSync(join(withReadOnly, "a.csv"), 0o444);
    const cases: [string, RegExp][] = [
      [join(dir, "plain"), /is not a folder/],
      [join(dir, "link"), /is a dangling symbolic link/],
      [locked, /cannot write in/],
      [withReadOnly, /a\.csv" exists and cannot be replaced/],
      [join(dir, "plain", "sub"), /cannot be created, ".*plain" is not a folder/],
      [join(locked, "sub"), /cannot be created in ".*locked"/],
    ];
    for (const [path, message] of cases) expect(() => checkOutputFolder("--out", path, ["a.csv"]), path).toThrow(message);
  });
});

describe("writeOutputFile", () => {
  test("replaces the file whole, keeps its mode, leaves no temporary file", () => {
    const dir = fresh();
    const file = join(dir, "r.json");
    writeFileSync(file, "old");
    chmodSync(file, 0o640);
    writeOutputFile(file, "new content");
    expect(readFileSync(file, "utf8")).toBe("new content");
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(["r.json"]);
  });

  test("follows a symbolic link to a file: the file it names is replaced, the link stays", () => {
    const dir = fresh();
    writeFileSync(join(dir, "real.json"), "old");
    symlinkSync(join(dir, "real.json"), join(dir, "link.json"));
    writeOutputFile(join(dir, "link.json"), "new");
    expect(readFileSync(join(dir, "real.json"), "utf8")).toBe("new");
    expect(readdirSync(dir).sort()).toEqual(["link.json", "real.json"]);
  });

  test("a failed write is a BonklError naming the file, and the earlier file is kept", () => {
    const dir = fresh();
    const file = join(dir, "plain");
    writeFileSync(file, "old");
    expect(() => writeOutputFile(join(file, "x.json"), "new")).toThrow(BonklError);
    expect(() => writeOutputFile(join(file, "x.json"), "new")).toThrow(/cannot write ".*plain\/x\.json"/);
    expect(readFileSync(file, "utf8")).toBe("old");
    expect(existsSync(join(dir, "plain", "x.json"))).toBe(false);
  });

  test("writes in place to a device (nothing to rename over)", () => {
    expect(() => writeOutputFile("/dev/null", "text")).not.toThrow();
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
  });
});
