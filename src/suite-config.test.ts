// The suite runs its test files unisolated (vitest.config.ts: isolate false, each worker's modules shared by the
// files it runs), so a module mock in one file would leak into the files after it. None may mock a module.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

function testFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : testFiles(path);
    return e.name.endsWith(".test.ts") ? [path] : [];
  });
}

test("no test file mocks a module (the suite shares modules between files)", () => {
  const files = ["src", "properties", "mutation", "examples"].flatMap(testFiles);
  expect(files.length).toBeGreaterThan(100);
  const mocking = files.filter((f) => /\bvi\.(do)?mock\(/.test(readFileSync(join(ROOT, f), "utf8")));
  expect(mocking).toEqual([]);
});
