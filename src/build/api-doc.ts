/**
 * spec/api.md: the package's public API, generated (`npm run spec`; a test checks it is current) from the entry
 * points of package.json's `exports` with the TypeScript compiler: every export, its signature, its documentation
 * (@param, @returns, @throws) as written in the source, and for the oracle's per-op functions the op table's paper
 * reference, summary and arguments (src/oracle/ops.ts), so nothing is written twice by hand.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { oracleOps } from "../oracle/index.ts";

const ROOT = join(import.meta.dirname, "..", "..");

interface EntryPoint {
  readonly specifier: string;
  readonly source: string;
  readonly about: string;
}

/** The package's entry points (package.json `exports`), mapped back to their TypeScript sources. */
function entryPoints(): EntryPoint[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { exports: Record<string, string | { default: string }> };
  const about: Record<string, string> = {
    ".": "the float64 library: fast, numerically careful best-of-n quantities (each file of src/float states its error model)",
    "./oracle": "the certified oracle: every quantity as an enclosure [lo, hi] proven to contain the exact value",
    "./vitest": "bonkl's conformance checks as tests of your vitest suite",
    "./node-test": "bonkl's conformance checks as tests of node's built-in test runner",
  };
  return Object.entries(pkg.exports)
    .filter(([specifier]) => specifier !== "./package.json")
    .map(([specifier, target]) => {
      const file = typeof target === "string" ? target : target.default;
      return { specifier: specifier === "." ? "bonkl" : `bonkl/${specifier.slice(2)}`, source: file.replace(/^\.\/dist\//, "src/").replace(/\.js$/, ".ts"), about: about[specifier] ?? "" };
    });
}

function docOf(symbol: ts.Symbol, checker: ts.TypeChecker): { text: string; tags: { name: string; text: string }[] } {
  const text = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
  const tags = symbol.getJsDocTags(checker).map((tag) => ({ name: tag.name, text: ts.displayPartsToString(tag.text ?? []).trim().replace(/\s*\n\s*/g, " ") }));
  return { text, tags };
}

function kindOf(declaration: ts.Declaration | undefined): string {
  if (declaration === undefined) return "value";
  if (ts.isFunctionDeclaration(declaration)) return "function";
  if (ts.isClassDeclaration(declaration)) return "class";
  if (ts.isInterfaceDeclaration(declaration)) return "interface";
  if (ts.isTypeAliasDeclaration(declaration)) return "type";
  if (ts.isVariableDeclaration(declaration)) return "const";
  return "value";
}

/** One line per public member of a class: its signature and the first sentence of its doc. */
function classMembers(declaration: ts.ClassDeclaration, checker: ts.TypeChecker): string[] {
  const lines: string[] = [];
  for (const member of declaration.members) {
    const modifiers = ts.getCombinedModifierFlags(member);
    if (modifiers & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected) || member.name === undefined) continue;
    const symbol = checker.getSymbolAtLocation(member.name);
    if (symbol === undefined) continue;
    const type = checker.getTypeOfSymbolAtLocation(symbol, member);
    const signature = ts.isMethodDeclaration(member) ? checker.signatureToString(checker.getSignaturesOfType(type, ts.SignatureKind.Call)[0]!) : `: ${checker.typeToString(type)}`;
    const name = ts.isConstructorDeclaration(member) ? "constructor" : symbol.getName();
    const doc = docOf(symbol, checker).text.split("\n")[0] ?? "";
    lines.push(`  - \`${name}${signature}\`${doc ? `: ${doc}` : ""}`);
  }
  return lines;
}

function renderSymbol(exported: ts.Symbol, checker: ts.TypeChecker, isOracle: boolean): string[] {
  const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
  const declaration = symbol.getDeclarations()?.[0];
  const kind = kindOf(declaration);
  const name = exported.getName();
  const op = isOracle ? oracleOps.get(name) : undefined;
  const lines = [`### \`${name}\` (${kind})`, ""];
  if (kind === "function" || kind === "const") {
    const type = checker.getTypeOfSymbolAtLocation(symbol, declaration!);
    const signatures = checker.getSignaturesOfType(type, ts.SignatureKind.Call);
    for (const s of signatures) lines.push("```ts", `${name}${checker.signatureToString(s)}`, "```", "");
    if (signatures.length === 0) lines.push("```ts", `${name}: ${checker.typeToString(type)}`, "```", "");
  } else if (kind === "type") {
    lines.push("```ts", checker.typeToString(checker.getDeclaredTypeOfSymbol(symbol), undefined, ts.TypeFormatFlags.InTypeAlias | ts.TypeFormatFlags.NoTruncation), "```", "");
  } else if (kind === "interface") {
    const members = checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol)).map((property) => {
      const optional = property.flags & ts.SymbolFlags.Optional ? "?" : "";
      const type = checker.typeToString(checker.getTypeOfSymbolAtLocation(property, declaration!), undefined, ts.TypeFormatFlags.NoTruncation);
      const doc = docOf(property, checker).text.replace(/\s*\n\s*/g, " ");
      return `  ${property.getName()}${optional}: ${type};${doc ? ` // ${doc}` : ""}`;
    });
    lines.push("```ts", `interface ${name} {`, ...members, "}", "```", "");
  }
  const doc = docOf(symbol, checker);
  if (doc.text) lines.push(doc.text, "");
  if (op !== undefined) {
    lines.push(`The oracle op \`${op.name}\` (${op.reference}): ${op.summary}. Arguments: \`${op.args}\`. Returns ${name === "bonPmf" || name === "bonLevelPmf" ? "one Enclosure per entry" : "an Enclosure"}; throws InputError (naming the field) on invalid arguments.`, "");
  }
  for (const tag of doc.tags) {
    if (tag.name === "param") lines.push(`- parameter ${tag.text.replace(/^(\w+)\s*/, "`$1`: ")}`);
    else if (tag.name === "returns") lines.push(`- returns: ${tag.text}`);
    else if (tag.name === "throws") lines.push(`- throws: ${tag.text}`);
  }
  if (doc.tags.length > 0) lines.push("");
  if (declaration !== undefined && ts.isClassDeclaration(declaration)) lines.push(...classMembers(declaration, checker), "");
  return lines;
}

/** The whole page. */
export function renderApi(): string {
  const entries = entryPoints();
  const program = ts.createProgram(
    entries.map((e) => join(ROOT, e.source)),
    { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, allowImportingTsExtensions: true, noEmit: true, strict: true, skipLibCheck: true, types: ["node"] },
  );
  const checker = program.getTypeChecker();
  const out = [
    "# The package's API",
    "",
    "<!-- Generated by `npm run spec` from the package's entry points (src/build/api-doc.ts). Do not edit by hand. -->",
    "",
    "`npm install bonkl` (Node 20.11 or later). The package is ESM-only: `import { klBon } from \"bonkl\"`. From CommonJS,",
    "`require(\"bonkl\")` loads the float library on Node 20.19 and later (require of ES modules); the oracle loads",
    "WebAssembly with a top-level await, so CommonJS code uses `const oracle = await import(\"bonkl/oracle\")`.",
    "",
    "Units: every KL, estimator, bound and entropy is in nats (natural logarithms). Probabilities are plain numbers;",
    "the oracle also takes exact decimal strings (`\"1e-30\"`) and ratios (`\"1/3\"`). Errors: invalid input raises",
    "`InputError` (exported by both entry points; `code` \"INVALID_INPUT\", `field` names the argument, e.g. `p[3]`);",
    "every error bonkl raises on purpose is a `BonklError` with a stable `code`.",
    "",
  ];
  for (const entry of entries) {
    const file = program.getSourceFile(join(ROOT, entry.source));
    const moduleSymbol = file && checker.getSymbolAtLocation(file);
    if (moduleSymbol === undefined) throw new Error(`api-doc: cannot read ${entry.source}`);
    const exports = checker.getExportsOfModule(moduleSymbol).sort((a, b) => a.getName().localeCompare(b.getName()));
    out.push(`## \`${entry.specifier}\``, "", `${entry.about[0]?.toUpperCase()}${entry.about.slice(1)} (source: [${entry.source}](../${entry.source})).`, "");
    for (const symbol of exports) out.push(...renderSymbol(symbol, checker, entry.specifier === "bonkl/oracle"));
  }
  return `${out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}
