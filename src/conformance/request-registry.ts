/**
 * Which case each request id belonged to, so that the faults in the subject's log name the cases they hit
 * ("request 812: klBon in standard, L=14 n=1"). Bounded, so that a check's memory does not grow with --runs: it
 * remembers the last RECENT_REQUESTS requests, and the requests marked `keep` (the ones the report lists for each
 * fault: the check calls `caseGraded` after each graded case, and every KEEP_FAULTED_EVERY cases the requests the
 * faults so far name are kept), at most KEPT_REQUESTS of them. A case is graded at most WINDOW_CASES (1024) requests
 * after its answer was recorded, so a faulted request is still remembered when it is kept, unless more than
 * RECENT_REQUESTS requests pass meanwhile (a shrink of many steps). An id forgotten (an early request of a run of
 * more than RECENT_REQUESTS requests, named by a fault found much later) is reported without its case.
 */
import type { AffectedRequest } from "./report.ts";

/** Requests remembered in any case (the window of cases in flight is far smaller). */
export const RECENT_REQUESTS = 20_000;
/** Requests kept beyond that because a fault names them (10 listed per fault, 1000 faults kept). */
export const KEPT_REQUESTS = 10_000;
/** Requests listed per fault in the report (the rest are counted): the ones kept. */
export const LISTED_REQUESTS = 10;
/** How often (in graded cases) the requests named by faults are marked to be kept. */
export const KEEP_FAULTED_EVERY = 1000;

/** What the registry reads of a fault: the requests it hit, in order. */
export interface FaultIds {
  readonly ids: readonly number[];
}

export class RequestRegistry {
  private readonly recent = new Map<number, AffectedRequest>();
  private readonly kept = new Map<number, AffectedRequest>();
  private highestId = 0;
  private graded = 0;

  record(id: number, op: string, domain: string, label: string): void {
    this.recent.set(id, { id, op, domain, label });
    if (id > this.highestId) this.highestId = id;
    if (this.recent.size > RECENT_REQUESTS) {
      const oldest = this.recent.keys().next().value as number; // insertion order: the first recorded
      this.recent.delete(oldest);
    }
  }

  /** Remembers request `id` beyond the recent ones (when it is still known, and until KEPT_REQUESTS are kept). */
  keep(id: number): void {
    if (this.kept.has(id) || this.kept.size >= KEPT_REQUESTS) return;
    const entry = this.recent.get(id);
    if (entry !== undefined) this.kept.set(id, entry);
  }

  /** Keeps the requests the report will list for each fault (its first LISTED_REQUESTS). */
  keepListed(faults: readonly FaultIds[]): void {
    for (const fault of faults) for (const id of fault.ids.slice(0, LISTED_REQUESTS)) this.keep(id);
  }

  /**
   * One more case graded: every KEEP_FAULTED_EVERY cases, keeps the listed requests of the faults so far. `faults` is
   * read only then (a subject's log is a copy: not made for every case).
   */
  caseGraded(faults: () => readonly FaultIds[]): void {
    this.graded += 1;
    if (this.graded % KEEP_FAULTED_EVERY === 0) this.keepListed(faults());
  }

  lookup(id: number): AffectedRequest {
    const known = this.kept.get(id) ?? this.recent.get(id);
    if (known !== undefined) return known;
    if (id >= 1 && id <= this.highestId) return { id, op: "?", domain: "?", label: `(not kept: one of the early requests of a run of more than ${RECENT_REQUESTS} requests)` };
    return { id, op: "?", domain: "?", label: "(not a conformance request)" };
  }
}
