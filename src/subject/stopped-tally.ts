/**
 * The requests a subject gave up on (fault "stopped"), counted per op and reason, so that a report can say which ops
 * were not graded and why (the subject stopped, or the op was quarantined) without listing every request.
 */
import type { StoppedRequests } from "./subject.ts";

export class StoppedTally {
  private readonly entries = new Map<string, StoppedRequests>();

  add(op: string, reason: string, sent: boolean): void {
    const key = JSON.stringify([op, reason, sent]);
    const entry = this.entries.get(key);
    if (entry !== undefined) entry.count += 1;
    else this.entries.set(key, { op, reason, count: 1, sent });
  }

  list(): StoppedRequests[] {
    return [...this.entries.values()].map((e) => ({ ...e }));
  }
}
