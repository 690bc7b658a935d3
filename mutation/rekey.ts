/**
 * `npx tsx mutation/rekey.ts PART [--write]`: carries the mutant keys listed in mutation/README.md
 * (`path:line:column Mutator`) over to a new Stryker report of PART after code moved (files renamed, lines shifted).
 *
 * The old key is looked up in the part's incremental file as committed (`git show HEAD:...`, the run the lists were
 * written against): its mutator, its replacement and the source text it replaced, with the whole line around it. The
 * same mutant is then sought in the new report (mutation/reports/PART.json): same mutator, replacement, replaced text
 * and line text (whitespace aside), first in a file of the same name, then anywhere. A key that matches exactly one
 * mutant is rewritten; none or several are printed for a person to decide (the reason in the README may no longer
 * hold where the code changed). Nothing is rewritten without --write.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

interface Mutant {
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}
interface Report {
  files: Record<string, { source: string; mutants: Mutant[] }>;
}

/** A mutant as code, independent of where it sits. */
function signature(source: string, m: Mutant): { text: string; line: string } {
  const lines = source.split("\n");
  const { start, end } = m.location;
  let text: string;
  if (start.line === end.line) text = (lines[start.line - 1] ?? "").slice(start.column - 1, end.column - 1);
  else text = [(lines[start.line - 1] ?? "").slice(start.column - 1), ...lines.slice(start.line, end.line - 1), (lines[end.line - 1] ?? "").slice(0, end.column - 1)].join("\n");
  return { text: text.replace(/\s+/g, " "), line: (lines[start.line - 1] ?? "").replace(/\s+/g, " ").trim() };
}

function keyOf(path: string, m: Mutant): string {
  return `${path}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName}`;
}

const part = process.argv[2];
if (part === undefined) {
  process.stderr.write("usage: npx tsx mutation/rekey.ts PART [--write]\n");
  process.exit(2);
}
const write = process.argv.includes("--write");
const old = JSON.parse(execFileSync("git", ["show", `HEAD:mutation/stryker-incremental-${part}.json`], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 30 })) as Report;
const now = JSON.parse(readFileSync(`${ROOT}mutation/reports/${part}.json`, "utf8")) as Report;

const oldByKey = new Map<string, { path: string; mutant: Mutant; sig: { text: string; line: string } }>();
for (const [path, file] of Object.entries(old.files)) for (const m of file.mutants) oldByKey.set(keyOf(path, m), { path, mutant: m, sig: signature(file.source, m) });
// test fixtures are not mutated code (stryker.conf.json excludes them; a fixture may keep an old implementation)
const current = Object.entries(now.files).filter(([path]) => !path.includes("/fixtures/")).flatMap(([path, file]) => file.mutants.map((m) => ({ path, mutant: m, key: keyOf(path, m), sig: signature(file.source, m) })));
const currentKeys = new Set(current.map((c) => c.key));

const readmePath = `${ROOT}mutation/README.md`;
let readme = readFileSync(readmePath, "utf8");
const listed = [...new Set([...readme.matchAll(/`(src\/[^`\s]+:\d+:\d+ [A-Za-z]+)`/g)].map((m) => m[1] as string))];
let moved = 0;
let kept = 0;
const unresolved: string[] = [];
for (const key of listed) {
  const was = oldByKey.get(key);
  if (was === undefined) continue; // another part's mutant
  const same = (c: (typeof current)[number]) =>
    c.mutant.mutatorName === was.mutant.mutatorName && c.mutant.replacement === was.mutant.replacement && c.sig.text === was.sig.text && c.sig.line === was.sig.line;
  let found = current.filter((c) => same(c) && basename(c.path) === basename(was.path));
  if (found.length === 0) found = current.filter(same);
  if (found.length === 1) {
    const to = (found[0] as (typeof current)[number]).key;
    if (to === key) kept++;
    else {
      moved++;
      readme = readme.replaceAll(`\`${key}\``, `\`${to}\``);
      process.stdout.write(`${key} -> ${to}\n`);
    }
  } else if (currentKeys.has(key)) {
    kept++;
  } else {
    unresolved.push(`${key}: ${found.length === 0 ? "no mutant of that code now (changed or removed)" : `${found.length} candidates: ${found.map((c) => c.key).join(", ")}`}`);
  }
}
process.stdout.write(`${kept} keys unchanged, ${moved} moved, ${unresolved.length} unresolved\n${unresolved.map((u) => `  ${u}\n`).join("")}`);
if (write && moved > 0) {
  writeFileSync(readmePath, readme);
  process.stdout.write("mutation/README.md rewritten\n");
}
