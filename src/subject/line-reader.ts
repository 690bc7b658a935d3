/**
 * Splits a byte stream into `\n`-terminated lines without ever holding more than one line, and no more than
 * `maxLineBytes` of it: a longer line is skipped as it streams by (only its first `headBytes` are kept, so its id
 * can still be read) and reported once its end arrives. Bytes, not characters: decoding is the caller's business.
 */
export interface LineSink {
  /** A complete line, without its `\n`. */
  line(bytes: Buffer): void;
  /** A line longer than the limit ended (or the stream ended inside it): its first bytes and its full length. */
  tooLong(head: Buffer, totalBytes: number): void;
}

export class LineReader {
  private parts: Buffer[] = [];
  private size = 0;
  /** Set while skipping the rest of a line that went over the limit. */
  private skipping: { head: Buffer; total: number } | null = null;

  constructor(
    private readonly maxLineBytes: number,
    private readonly sink: LineSink,
    private readonly headBytes = 4096,
  ) {}

  /** Bytes currently held (at most maxLineBytes). */
  get bufferedBytes(): number {
    return this.size;
  }

  /** Whether the line being read is already over the limit (its further bytes are skipped). */
  get skippingLongLine(): boolean {
    return this.skipping !== null;
  }

  push(chunk: Buffer): void {
    let start = 0;
    while (start <= chunk.length) {
      const newline = chunk.indexOf(0x0a, start);
      this.append(chunk.subarray(start, newline < 0 ? chunk.length : newline));
      if (newline < 0) return;
      this.finishLine();
      start = newline + 1;
    }
  }

  /** The stream ended: a last line without `\n` still counts as a line. */
  end(): void {
    if (this.size > 0 || this.skipping !== null) this.finishLine();
  }

  private append(piece: Buffer): void {
    if (piece.length === 0) return;
    if (this.skipping !== null) {
      const { head } = this.skipping;
      if (head.length < this.headBytes) this.skipping.head = firstBytes([head, piece], this.headBytes);
      this.skipping.total += piece.length;
      return;
    }
    if (this.size + piece.length <= this.maxLineBytes) {
      this.parts.push(piece);
      this.size += piece.length;
      return;
    }
    this.skipping = { head: firstBytes([...this.parts, piece], this.headBytes), total: this.size + piece.length };
    this.parts = [];
    this.size = 0;
  }

  private finishLine(): void {
    const skipped = this.skipping;
    if (skipped !== null) {
      this.skipping = null;
      this.sink.tooLong(skipped.head, skipped.total);
      return;
    }
    const line = this.parts.length === 1 ? (this.parts[0] as Buffer) : Buffer.concat(this.parts, this.size);
    this.parts = [];
    this.size = 0;
    this.sink.line(line);
  }
}

/** A copy of the first `count` bytes of the concatenation of `parts`. */
function firstBytes(parts: Buffer[], count: number): Buffer {
  const taken: Buffer[] = [];
  let size = 0;
  for (const part of parts) {
    if (size >= count) break;
    const piece = part.subarray(0, count - size);
    taken.push(piece);
    size += piece.length;
  }
  return Buffer.concat(taken, size);
}
