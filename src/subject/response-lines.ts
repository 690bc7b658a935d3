/**
 * Turns the lines a subject writes on its protocol channel (a program's stdout, a module host's fd 4) into what the
 * supervisor hears: a parsed message, or a bad one with the reason and, when it can be read, the id. In order: the
 * line's shape is judged from its bytes (line-shape.ts: too deep, or the wrong kind of value for the op of the request
 * it names), then its UTF-8, then JSON.parse; Python's bare NaN / Infinity tokens are named as such. Judging a parsed
 * message against the protocol is the supervisor's business.
 */
import { findNonFiniteTokens, readIdOfBadLine } from "./bad-line.ts";
import type { InstanceSink } from "./instance.ts";
import { scanLine, shapeProblem, type ExpectedAnswer } from "./line-shape.ts";

/** Bytes of a rejected line decoded for its excerpt (the fault log keeps 200 characters of it). */
const EXCERPT_BYTES = 1024;

export type LineHandler = Pick<InstanceSink, "message" | "badMessage">;

export class ResponseLines {
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });

  /**
   * @param expected What is known of the answer due to request `id` (its op...), or undefined for an id not sent.
   * @param handler Receives each line's outcome.
   */
  constructor(
    private readonly maxLineBytes: number,
    private readonly expected: (id: number) => ExpectedAnswer | undefined,
    private readonly handler: LineHandler,
  ) {}

  line(bytes: Buffer): void {
    const shape = scanLine(bytes);
    const problem = shapeProblem(shape, shape.id === undefined ? undefined : this.expected(shape.id));
    if (problem !== undefined) {
      const head = bytes.subarray(0, EXCERPT_BYTES).toString("utf8");
      this.handler.badMessage("invalid-response", problem, shape.id ?? readIdOfBadLine(head), head);
      return;
    }
    let text: string;
    try {
      text = this.decoder.decode(bytes);
    } catch {
      const loose = bytes.toString("utf8");
      this.handler.badMessage("invalid-json", "the line is not valid UTF-8", readIdOfBadLine(loose), loose);
      return;
    }
    if (text.trim() === "") {
      this.handler.badMessage("invalid-json", "an empty line (every line must hold one JSON object)", undefined, text);
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      const id = readIdOfBadLine(text);
      const { tokens, withNulls } = findNonFiniteTokens(text);
      if (tokens.length > 0 && parses(withNulls)) {
        const names = [...new Set(tokens)].join(", ");
        const detail = `${names} written as a bare token, which is not JSON (Python's json module does this for non-finite floats)`;
        this.handler.badMessage("invalid-response", `${detail}: not a finite number`, id, text);
      } else {
        this.handler.badMessage("invalid-json", `not JSON (${error instanceof Error ? error.message : String(error)})`, id, text);
      }
      return;
    }
    this.handler.message(body, text);
  }

  /** A line over the limit was skipped as it streamed by: its first bytes and its length. */
  tooLong(head: Buffer, totalBytes: number): void {
    const text = head.toString("utf8");
    const detail = `a line of ${totalBytes} bytes, over the limit of ${this.maxLineBytes} bytes: skipped unread`;
    this.handler.badMessage("line-too-long", detail, readIdOfBadLine(text), text);
  }
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
