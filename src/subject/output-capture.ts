/**
 * Keeps the first and the last `keepBytes` of an output stream nobody parses (a program's stderr, a module's
 * console output), and counts the rest: a subject that floods stderr costs bonkl a few KiB, never a deadlock
 * (the caller must keep reading the stream and hand every chunk here).
 */
import type { OutputCapture } from "./subject.ts";

export class OutputCapturer {
  private readonly head: Buffer[] = [];
  private headSize = 0;
  private tail: Buffer = Buffer.alloc(0);
  private total = 0;

  constructor(private readonly keepBytes: number) {}

  write(chunk: Buffer): void {
    this.total += chunk.length;
    let rest = chunk;
    if (this.headSize < this.keepBytes) {
      const take = rest.subarray(0, this.keepBytes - this.headSize);
      this.head.push(Buffer.from(take));
      this.headSize += take.length;
      rest = rest.subarray(take.length);
    }
    if (rest.length === 0) return;
    this.tail =
      rest.length >= this.keepBytes
        ? Buffer.from(rest.subarray(rest.length - this.keepBytes))
        : Buffer.concat([this.tail, rest]).subarray(Math.max(0, this.tail.length + rest.length - this.keepBytes));
  }

  snapshot(): OutputCapture {
    return { head: Buffer.concat(this.head).toString("utf8"), tail: this.tail.toString("utf8"), totalBytes: this.total };
  }

  /** The last non-empty line written (at most 200 characters), to quote in a fault's detail. */
  lastLine(): string {
    const text = (this.tail.length > 0 ? this.tail : Buffer.concat(this.head)).toString("utf8");
    const lines = text.split("\n").map((l) => l.trim()).filter((l) => l.length > 0);
    const last = lines[lines.length - 1] ?? "";
    return last.length > 200 ? `${last.slice(0, 197)}...` : last;
  }
}
