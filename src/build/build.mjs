// `npm run build` (also run by `npm ci` / `npm install` in a checkout and before `npm pack`, through the `prepare`
// script): compiles src/ to dist/ with the TypeScript compiler (ES modules, .d.ts types, source maps; tsconfig.build.json
// rewrites the .ts import paths to .js), then copies the files the compiled code reads as data next to itself, byte for
// byte: every file of src/ that is not TypeScript, and the templates `bonkl init` prints (src/init, not compiled).
// Tests, fixtures, the bench, the reliability harness and this script are not built.
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const src = join(root, "src");
const dist = join(root, "dist");
const NOT_BUILT = ["bench", "reliability", "build"];
/** Folders whose JavaScript files are data (printed as they are), not code to compile. */
const DATA_FOLDERS = ["init"];

rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const compiled = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], { stdio: "inherit" });
if (compiled.status !== 0) {
  process.stderr.write(`build: tsc failed (exit ${compiled.status ?? compiled.signal})\n`);
  process.exit(1);
}

/** Data files of src/ (not code, tests or fixtures) that the compiled modules read by path. */
function assets(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const rel = relative(src, path);
    if (statSync(path).isDirectory()) return name === "fixtures" || NOT_BUILT.includes(rel) ? [] : assets(path);
    if (/\.test\.ts$/.test(name)) return [];
    const data = DATA_FOLDERS.includes(relative(src, dir)) ? !/\.ts$/.test(name) : !/\.(ts|mts|mjs|js)$/.test(name);
    return data ? [rel] : [];
  });
}

/**
 * Plain JavaScript modules that tsc does not emit because a hand-written declaration (x.d.mts) stands beside them:
 * copied as they are. They must not import TypeScript (the build would leave the .ts path unrewritten).
 */
function declaredScripts(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const rel = relative(src, path);
    if (statSync(path).isDirectory()) return name === "fixtures" || NOT_BUILT.includes(rel) || DATA_FOLDERS.includes(rel) ? [] : declaredScripts(path);
    return /\.mjs$/.test(name) && existsSync(path.replace(/\.mjs$/, ".d.mts")) && !existsSync(join(dist, rel)) ? [rel] : [];
  });
}

for (const rel of declaredScripts(src)) {
  if (/from\s+["']\.{1,2}\/[^"']+\.ts["']/.test(readFileSync(join(src, rel), "utf8"))) {
    process.stderr.write(`build: ${rel} has a declaration beside it and imports TypeScript: it cannot be copied as it is\n`);
    process.exit(1);
  }
  cpSync(join(src, rel), join(dist, rel));
  cpSync(join(src, rel.replace(/\.mjs$/, ".d.mts")), join(dist, rel.replace(/\.mjs$/, ".d.mts")));
}

const copied = assets(src);
for (const rel of copied) {
  mkdirSync(dirname(join(dist, rel)), { recursive: true });
  cpSync(join(src, rel), join(dist, rel));
}
// The commands of package.json's "bin" run as programs (`npx bonkl` in this checkout; npm sets the mode only when it
// installs the package): tsc writes them without the execute bit.
const { bin } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
for (const target of Object.values(typeof bin === "string" ? { bin } : bin)) {
  if (!existsSync(join(root, target))) {
    process.stderr.write(`build: package.json's bin ${target} was not built\n`);
    process.exit(1);
  }
  chmodSync(join(root, target), 0o755);
}
process.stdout.write(`build: dist/ compiled${copied.length > 0 ? `, ${copied.length} data file(s) copied (${copied.join(", ")})` : ""}\n`);
