/**
 * Reading JSON text that may be damaged (a line cut short, a bare NaN, an over-long head): where white space ends,
 * where a string ends, where a value ends, without parsing. Shared by the readers of ids from bad lines, on the
 * subject side (src/subject/bad-line.ts) and the serve side (src/serve/request-id.ts).
 */

/** JSON's white space: space, tab, line feed, carriage return. */
export function isJsonWhiteSpace(c: string | undefined): boolean {
  return c === " " || c === "\t" || c === "\n" || c === "\r";
}

/** Index of the first character at or after i that is not JSON white space. */
export function skipWhiteSpace(text: string, i: number): number {
  let at = i;
  while (at < text.length && isJsonWhiteSpace(text[at])) at += 1;
  return at;
}

/** Index just after the string starting at `start` (a `"`), or -1 if it does not end. */
export function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === "\\") i += 2;
    else if (c === '"') return i + 1;
    else i += 1;
  }
  return -1;
}

/**
 * Index just after the value (of any kind, damaged or not) starting at `start`: brackets matched, strings skipped, a
 * bare token ended by a comma or white space; -1 if the text ends inside it (at the end of a cut line, "12" may be
 * the start of "1234").
 */
export function endOfValue(text: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"') {
      i = endOfString(text, i);
      if (i < 0) return -1;
      if (depth === 0) return i;
      continue;
    }
    if (c === "{" || c === "[") depth += 1;
    else if (c === "}" || c === "]") {
      if (depth === 0) return i;
      depth -= 1;
      if (depth === 0) return i + 1;
    } else if (depth === 0 && (c === "," || isJsonWhiteSpace(c))) return i;
    i += 1;
  }
  return -1;
}
