/** One request line of `bonkl serve` answered in the calling thread, with no worker and no deadline (tests, fuzzing). */
import { oracleAnswer } from "./oracle-answer.ts";
import { parseRequestLine, SERVE_LIMITS, type ServeLimits } from "./request-line.ts";

/** Answers one request line in this thread (no deadline); returns the response line (without newline), or null for a blank line. */
export function answerLine(line: string, options: { digits: number; limits?: ServeLimits }): string | null {
  const parsed = parseRequestLine(Buffer.from(line, "utf8"), options.limits ?? SERVE_LIMITS);
  if (parsed.kind === "blank") return null;
  if (parsed.kind === "answer") return JSON.stringify(parsed.response);
  return JSON.stringify({ id: parsed.id, ...oracleAnswer(parsed.op, parsed.args, options.digits) });
}
