/**
 * A response line's shape, read from its bytes before it is parsed, so that a line whose shape cannot be an answer
 * is rejected at the cost of one pass over its bytes instead of the cost of building it: JSON.parse of a 60 MB line
 * of nested brackets builds tens of millions of arrays (gigabytes) before any check can run. Rejected:
 * - nesting deeper than MAX_RESPONSE_DEPTH anywhere in the line (an answer is at most `{"value": [...]}`, plus
 *   flat extra fields such as the oracle's `"enclosure": [lo, hi]`);
 * - a top-level `value` of the wrong kind for the op of the request it answers: a container for a scalar op, a
 *   container inside the array of `bonPmf` or `capabilities` (flat arrays of numbers or strings).
 * Everything else (a value of the right kind but wrong content, a line that is not JSON...) goes on to be parsed and
 * checked as before; this only refuses, early, what could never pass.
 */
import { RESPONSE_DEFINITION_OF_OP } from "../protocol/messages.ts";

/** Deepest nesting of brackets and braces accepted in a response line. */
export const MAX_RESPONSE_DEPTH = 64;

/** What a scan of a line found. */
export interface LineShape {
  /** The line nests deeper than the limit (the scan stopped there). */
  tooDeep: boolean;
  /** The top-level `id` member, when it is an integer literal seen by the scan. */
  id: number | undefined;
  /** The (last) top-level `value` member: its kind, its entries, and the index of its first entry that is a container. */
  value: { kind: "array" | "object" | "other"; entries: number; firstNested: number } | null;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const ID_LITERAL = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

/** One pass over the line's bytes (UTF-8 needs no decoding here: every byte looked at is ASCII). */
export function scanLine(bytes: Buffer, maxDepth = MAX_RESPONSE_DEPTH): LineShape {
  const shape: LineShape = { tooDeep: false, id: undefined, value: null };
  let depth = 0;
  let topIsObject = false;
  let expectKey = false; // at depth 1 of the top object: the next string is a key
  let key: string | null = null; // a top-level key read, its value not begun yet
  let idStart = -1; // start of the top-level id's literal, while it is being read
  let value: NonNullable<LineShape["value"]> | null = null; // the top-level value container being read
  let entryStarted = false; // inside that container: the current entry has begun
  const noteEntry = (): void => {
    if (value === null || entryStarted) return;
    entryStarted = true;
    value.entries += 1;
  };
  const endId = (end: number): void => {
    if (idStart < 0) return;
    const literal = bytes.toString("latin1", idStart, end);
    const id = ID_LITERAL.test(literal) ? Number(literal) : Number.NaN;
    shape.id = Number.isSafeInteger(id) ? id : undefined;
    idStart = -1;
  };
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (key !== null && depth === 1 && b !== COLON && b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) {
      // The first byte of a top-level member's value.
      if (key === "value") {
        const kind = b === 0x5b ? "array" : b === 0x7b ? "object" : "other";
        shape.value = { kind, entries: 0, firstNested: -1 };
        value = kind === "other" ? null : shape.value;
        entryStarted = false;
      } else if (key === "id") {
        if (b !== QUOTE && b !== 0x5b && b !== 0x7b) idStart = i;
        else shape.id = undefined;
      }
      key = null;
    }
    switch (b) {
      case QUOTE: {
        const start = i;
        let escaped = false;
        i += 1;
        while (i < n) {
          const c = bytes[i] as number;
          if (c === QUOTE) break;
          if (c === BACKSLASH) {
            escaped = true;
            i += 1;
          }
          i += 1;
        }
        if (depth === 1 && expectKey) {
          key = keyText(bytes, start, Math.min(i + 1, n), escaped);
          expectKey = false;
        } else if (depth === 2) noteEntry();
        break;
      }
      case 0x5b: // [
      case 0x7b: // {
        if (depth === 0 && b === 0x7b && !topIsObject) {
          topIsObject = true;
          expectKey = true;
        } else if (depth === 2 && value !== null) {
          noteEntry();
          if (value.firstNested < 0) value.firstNested = value.entries - 1;
        }
        depth += 1;
        if (depth > maxDepth) {
          shape.tooDeep = true;
          return shape;
        }
        break;
      case 0x5d: // ]
      case 0x7d: // }
        if (depth === 1) endId(i);
        depth -= 1;
        if (depth === 1) value = null;
        break;
      case COMMA:
        if (depth === 1) {
          endId(i);
          expectKey = topIsObject;
        } else if (depth === 2) entryStarted = false;
        break;
      case 0x20:
      case 0x09:
      case 0x0a:
      case 0x0d:
        if (depth === 1) endId(i);
        break;
      case COLON:
        break;
      default:
        if (depth === 2 && !entryStarted) noteEntry();
    }
    i += 1;
  }
  endId(n);
  return shape;
}

/** A key's text: plain bytes, or (with escapes, when short) what JSON makes of them. */
function keyText(bytes: Buffer, start: number, end: number, escaped: boolean): string {
  if (!escaped) return bytes.toString("latin1", start + 1, end - 1);
  if (end - start > 256) return "";
  try {
    return String(JSON.parse(bytes.toString("utf8", start, end)));
  } catch {
    return "";
  }
}

const EXPECTED = {
  ScalarResponse: "one number or decimal string",
  PmfResponse: "an array of numbers or decimal strings",
  CapabilitiesResponse: "an array of op names (strings)",
} as const;

/** What bonkl knows, from the request, about the answer due: its op, and for bonPmf the number of outcomes. */
export interface ExpectedAnswer {
  op: string;
  /** Entries of `p` in the request, when it is an array (a bonPmf answer has one entry per outcome). */
  outcomes?: number;
}

/** What the request tells about the answer due (kept by an instance for each request it sent). */
export function expectedAnswer(op: string, args: Record<string, unknown>): ExpectedAnswer {
  return Array.isArray(args.p) ? { op, outcomes: args.p.length } : { op };
}

/**
 * Why a line of this shape cannot answer the request it names (`expected` undefined: no such request is known, e.g.
 * an id never sent; only the depth is judged then), or undefined when it might.
 */
export function shapeProblem(shape: LineShape, expected: ExpectedAnswer | undefined, maxDepth = MAX_RESPONSE_DEPTH): string | undefined {
  if (shape.tooDeep) return `the line nests more than ${maxDepth} levels deep: rejected before parsing`;
  const value = shape.value;
  if (expected === undefined || value === null || !Object.hasOwn(RESPONSE_DEFINITION_OF_OP, expected.op)) return undefined;
  const op = expected.op as keyof typeof RESPONSE_DEFINITION_OF_OP;
  const definition = RESPONSE_DEFINITION_OF_OP[op];
  const what = `${op} answers ${EXPECTED[definition]}`;
  const container = value.kind === "array" ? `an array of length ${value.entries}` : `an object with ${value.entries} member(s)`;
  if (definition === "ScalarResponse") return value.kind === "other" ? undefined : `${what}; value is ${container}: rejected before parsing`;
  if (value.kind === "object") return `${what}; value is ${container}: rejected before parsing`;
  if (value.kind !== "array") return undefined;
  if (value.firstNested >= 0) return `${what}; value[${value.firstNested}] is an array or object: rejected before parsing`;
  if (op === "bonPmf" && expected.outcomes !== undefined && value.entries > expected.outcomes) {
    return `bonPmf answers one entry per outcome (${expected.outcomes}); value is ${container}: rejected before parsing`;
  }
  return undefined;
}
