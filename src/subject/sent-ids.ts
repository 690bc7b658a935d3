/**
 * The ids of the requests sent to a subject, to tell a duplicate answer (an id sent before) from an unknown one (an
 * id never sent). Ids are allocated in order from 1, so a bitmap indexed by id holds them in one bit each: a run of
 * millions of requests keeps a few hundred KB, where a Set of numbers grew by tens of bytes per request.
 */
export class SentIds {
  private bits = new Uint32Array(1024);
  private count = 0;

  /** Records id (a positive safe integer) as sent. */
  add(id: number): void {
    const word = Math.floor(id / 32);
    if (word >= this.bits.length) {
      const grown = new Uint32Array(Math.max(word + 1, this.bits.length * 2));
      grown.set(this.bits);
      this.bits = grown;
    }
    const mask = 1 << id % 32;
    if (((this.bits[word] as number) & mask) !== 0) return;
    this.bits[word] = (this.bits[word] as number) | mask;
    this.count++;
  }

  /** Whether id was sent (false for anything that is not a non-negative integer id). */
  has(id: number): boolean {
    if (!Number.isSafeInteger(id) || id < 0) return false;
    const word = Math.floor(id / 32);
    return word < this.bits.length && ((this.bits[word] as number) & (1 << id % 32)) !== 0;
  }

  /** How many distinct ids were sent. */
  get size(): number {
    return this.count;
  }
}
