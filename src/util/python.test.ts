/** python3 resolved once to the interpreter it runs; skipped (visibly) where python3 cannot be run. */
import { spawnSync } from "node:child_process";
import { isAbsolute } from "node:path";
import { expect, test } from "vitest";
import { splitCommand } from "../subject/split-command.ts";
import { python3, pythonCommand, pythonMissing } from "./python.ts";

const missing = pythonMissing();
if (missing !== null) console.warn(`src/util/python.test.ts: SKIPPING: ${missing}`);

test.skipIf(missing !== null)(`python3 is resolved to the executable it runs${missing === null ? "" : ` [SKIPPED: ${missing}]`}`, () => {
  const executable = python3() as string;
  expect(isAbsolute(executable)).toBe(true);
  const direct = spawnSync(executable, ["-c", "import sys; print(sys.version_info[0])"], { encoding: "utf8" });
  expect(direct.stdout.trim()).toBe("3");
  expect(splitCommand(pythonCommand("/tmp/my impl.py"))).toEqual([executable, "/tmp/my impl.py"]);
});
