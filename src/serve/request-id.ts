/**
 * The id of a request line, read from its text so that it is exactly what the client wrote: JSON.parse turns
 * 9007199254740993 into 9007199254740992, and 1e300 into an "integer". bonkl serve echoes an id only when the text
 * is an integer within the safe range |id| <= 2^53 - 1 (any JSON spelling of one: 7, 7.0, 7e0, -0 as 0), and
 * refuses the others by name. The id is also read from a line that is not JSON, up to the damage, so that its error
 * names the request (`{"id": 7, "op": "klBon", "args": {"p": [0.5,` cut short).
 */
import { endOfString, endOfValue, skipWhiteSpace } from "../protocol/json-text.ts";

/** What the text of an id denotes. */
export type IdReading =
  | { readonly kind: "none" }
  | { readonly kind: "ok"; readonly id: number }
  | { readonly kind: "not-integer"; readonly text: string }
  | { readonly kind: "out-of-range"; readonly text: string };

const NUMBER = /^-?(0|[1-9][0-9]*)(?:\.([0-9]+))?(?:[eE]([+-]?[0-9]+))?/;
const SAFE = 2n ** 53n - 1n;

/** What the JSON number text `text` denotes as an id. */
export function readIdNumber(text: string): IdReading {
  const match = NUMBER.exec(text);
  if (match === null || match[0] !== text) return { kind: "not-integer", text };
  const [, whole = "", fraction = "", exponentText = "0"] = match;
  let digits = (whole + fraction).replace(/^0+/, "");
  if (digits === "") return { kind: "ok", id: 0 };
  let exponent = Number(exponentText) - fraction.length; // value = digits * 10^exponent
  const trailing = /0*$/.exec(digits)?.[0].length ?? 0;
  digits = digits.slice(0, digits.length - trailing);
  exponent += trailing;
  if (exponent < 0) return { kind: "not-integer", text };
  if (digits.length + exponent > 16) return { kind: "out-of-range", text }; // >= 10^16 > 2^53
  const magnitude = BigInt(digits) * 10n ** BigInt(exponent);
  if (magnitude > SAFE) return { kind: "out-of-range", text };
  return { kind: "ok", id: Number(text.startsWith("-") ? -magnitude : magnitude) + 0 };
}

/**
 * The id of a request line: the text of its top-level `"id"` member (the last one, as JSON.parse reads a valid
 * line; the first one found before the damage in a line that is not JSON). `kind: "none"` when there is none, or
 * when it is not a number (a string, null...: the request's own validation names those).
 */
export function readRequestId(text: string): IdReading {
  let found: IdReading = { kind: "none" };
  let i = skipWhiteSpace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  if (text[i] !== "{") return found;
  i += 1;
  for (;;) {
    i = skipWhiteSpace(text, i);
    if (text[i] !== '"') return found;
    const keyEnd = endOfString(text, i);
    if (keyEnd < 0) return found;
    let key: unknown;
    try {
      key = JSON.parse(text.slice(i, keyEnd));
    } catch {
      return found;
    }
    i = skipWhiteSpace(text, keyEnd);
    if (text[i] !== ":") return found;
    i = skipWhiteSpace(text, i + 1);
    const end = endOfValue(text, i);
    if (end < 0 || end === i) return found;
    if (key === "id") {
      const token = text.slice(i, end);
      found = /^-?[0-9]/.test(token) ? readIdNumber(token) : { kind: "none" };
    }
    i = skipWhiteSpace(text, end);
    if (text[i] !== ",") return found;
    i += 1;
  }
}
