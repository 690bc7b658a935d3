/**
 * What can still be read from a response line that is not JSON, so that only the request it answers is marked
 * wrong (protocol.md: "where the id of a bad line can still be read, only that request is marked wrong"):
 * - its id, when the line starts like a JSON object with a top-level `"id": <integer>` member before the damage
 *   (`{"id": 7, "value": NaN}`, a truncated line, the head of an over-long line);
 * - whether the only damage is Python's bare `NaN` / `Infinity` / `-Infinity` tokens, which json.dumps writes for
 *   non-finite floats and which are not JSON.
 */
import { endOfString, endOfValue, skipWhiteSpace } from "../protocol/json-text.ts";

/** The top-level `id` of a damaged JSON object line, or undefined when it cannot be read with certainty. */
export function readIdOfBadLine(text: string): number | undefined {
  let i = skipWhiteSpace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  if (text[i] !== "{") return undefined;
  i += 1;
  for (;;) {
    i = skipWhiteSpace(text, i);
    if (text[i] !== '"') return undefined;
    const keyEnd = endOfString(text, i);
    if (keyEnd < 0) return undefined;
    const key = parseJsonString(text.slice(i, keyEnd));
    i = skipWhiteSpace(text, keyEnd);
    if (text[i] !== ":") return undefined;
    i = skipWhiteSpace(text, i + 1);
    if (key === "id") {
      // The number must be followed by a delimiter: at the end of a truncated head, "12" may be the start of "1234".
      const match = /^-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?(?=[\s,}])/.exec(text.slice(i, i + 64));
      if (match === null) return undefined;
      const id = Number(match[0]);
      return Number.isSafeInteger(id) ? id : undefined;
    }
    i = endOfValue(text, i);
    if (i < 0) return undefined;
    i = skipWhiteSpace(text, i);
    if (text[i] !== ",") return undefined;
    i += 1;
  }
}

/** The bare NaN / Infinity / -Infinity tokens outside strings, and the line with each replaced by `null`. */
export function findNonFiniteTokens(text: string): { tokens: string[]; withNulls: string } {
  const tokens: string[] = [];
  let out = "";
  let copiedUpTo = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      const end = endOfString(text, i);
      if (end < 0) break;
      i = end;
      continue;
    }
    const token = /^(?:-?Infinity|NaN)/.exec(text.slice(i, i + 9))?.[0];
    if (token !== undefined && !isWordCharacter(text[i - 1]) && !isWordCharacter(text[i + token.length])) {
      tokens.push(token);
      out += `${text.slice(copiedUpTo, i)}null`;
      i += token.length;
      copiedUpTo = i;
      continue;
    }
    i += 1;
  }
  return { tokens, withNulls: out + text.slice(copiedUpTo) };
}

function isWordCharacter(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_.+-]/.test(c);
}

function parseJsonString(literal: string): string | undefined {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return undefined;
  }
}
