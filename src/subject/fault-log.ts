/**
 * The faults a subject committed, in order: every fault is counted, the first `maxKept` are kept in full (a subject
 * writing garbage in a loop must not grow bonkl's memory without bound).
 */
import type { FaultKind, SubjectFault } from "./subject.ts";

const EXCERPT_CHARS = 200;

export class FaultLog {
  private readonly kept: SubjectFault[] = [];
  private readonly counts: Partial<Record<FaultKind, number>> = {};

  constructor(private readonly maxKept: number) {}

  record(kind: FaultKind, ids: number[], detail: string, instance: number, excerpt?: string): void {
    this.counts[kind] = (this.counts[kind] ?? 0) + 1;
    if (this.kept.length >= this.maxKept) return;
    const fault: SubjectFault = { kind, ids: [...ids], detail, instance };
    if (excerpt !== undefined) fault.excerpt = excerptOf(excerpt);
    this.kept.push(fault);
  }

  faults(): SubjectFault[] {
    return this.kept.map((f) => ({ ...f, ids: [...f.ids] }));
  }

  faultCounts(): Partial<Record<FaultKind, number>> {
    return { ...this.counts };
  }
}

/** At most 200 characters of a line or value, for the report. */
export function excerptOf(text: string): string {
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 3)}...` : text;
}
