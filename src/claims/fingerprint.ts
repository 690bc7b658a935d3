/**
 * A claim's fingerprint: a hash of what it asserts and how it is checked (statement, domain, reading, decision,
 * budget, near miss, and the source text of its definition, including the definitions it spreads), stored with each
 * result of a claims run. spec/claims.md is built from stored results; a test compares the stored fingerprints with
 * the current ones, so a claim edited after its deep run is named for a rerun instead of being described by the
 * numbers of its old version.
 *
 * The source text is read from the claim's module (src/claims/paper/*.ts): the object literal of the exported
 * constant whose `id` is the claim's. Helper functions the check calls are not part of it. Where the TypeScript
 * source is not at hand (an installed package ships compiled code), the fingerprint is null.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Claim } from "./claim.ts";
import { PACKAGE_ROOT } from "./source-path.ts";

/** The text from `open` (an index of "{") to its matching "}", skipping strings, template literals and comments. */
function balancedFrom(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === "/" && text[i + 1] === "/") {
      i = text.indexOf("\n", i);
      if (i < 0) break;
    } else if (ch === "/" && text[i + 1] === "*") {
      i = text.indexOf("*/", i + 2) + 1;
      if (i <= 0) break;
    } else if (ch === '"' || ch === "'" || ch === "`") {
      for (i++; i < text.length && text[i] !== ch; i++) if (text[i] === "\\") i++;
    } else if (ch === "{") depth++;
    else if (ch === "}") {
      depth--;
      if (depth === 0) return text.slice(open, i + 1);
    }
  }
  throw new Error("unbalanced braces in a claim definition");
}

/** The object literal of `export const NAME ... = {` in a module's text, or null. */
function literalOfConstant(text: string, name: string): string | null {
  const match = new RegExp(`^export const ${name}\\b[^=]*=\\s*\\{`, "m").exec(text);
  return match === null ? null : balancedFrom(text, match.index + match[0].length - 1);
}

/** The object literal defining the claim with this id (and, after it, the literals it spreads), or null. */
export function definitionText(text: string, id: string): string | null {
  const at = text.indexOf(`id: ${JSON.stringify(id)}`);
  if (at < 0) return null;
  const starts = [...text.slice(0, at).matchAll(/^export const (\w+)\b[^=]*=\s*\{/gm)];
  const name = starts[starts.length - 1]?.[1];
  if (name === undefined) return null;
  const parts: string[] = [];
  const seen = new Set<string>();
  const queue = [name];
  while (queue.length > 0) {
    const next = queue.shift() as string;
    if (seen.has(next)) continue;
    seen.add(next);
    const literal = literalOfConstant(text, next);
    if (literal === null) continue;
    parts.push(literal);
    for (const spread of literal.matchAll(/^\s*\.\.\.(\w+),/gm)) queue.push(spread[1] as string);
  }
  return parts.join("\n");
}

/** The fingerprint of a claim defined in `file` (a repository path), or null when its source cannot be read. */
export function claimFingerprint(claim: Claim<unknown>, file: string | undefined): string | null {
  if (file === undefined) return null;
  const path = join(PACKAGE_ROOT, file);
  return existsSync(path) ? fingerprintOf(claim, readFileSync(path, "utf8")) : null;
}

/** The fingerprint of a claim whose module has the source text `moduleText`, or null when its definition is not in it. */
export function fingerprintOf(claim: Claim<unknown>, moduleText: string): string | null {
  const definition = definitionText(moduleText, claim.id);
  if (definition === null) return null;
  const what = {
    statement: claim.statement,
    domain: claim.domain,
    reading: claim.reading,
    decision: claim.decision,
    informativeMeans: claim.informativeMeans ?? null,
    budget: claim.budget ?? null,
    nearMiss: claim.nearMiss?.description ?? null,
    definition: definition.replace(/\s+/g, " "),
  };
  return createHash("sha256").update(JSON.stringify(what)).digest("hex").slice(0, 16);
}
