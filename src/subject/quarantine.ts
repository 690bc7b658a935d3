/**
 * Which ops have killed the subject too often. Each death of the subject is blamed on at most one request (see
 * supervised-subject.ts); once `maxDeaths` requests of the same op have been blamed, the op is quarantined: the
 * supervisor sends none of its other requests, so that one op that crashes or hangs on some inputs cannot use up the
 * restarts and leave every other op ungraded.
 */
import type { QuarantinedOp } from "./subject.ts";

export class Quarantine {
  private readonly blamed = new Map<string, number[]>();
  private readonly quarantined = new Map<string, QuarantinedOp>();

  constructor(private readonly maxDeaths: number) {}

  /**
   * Request `id` of `op` was blamed for a death (`detail` says which). Returns the op's quarantine when this death
   * put the op in quarantine, else undefined.
   */
  blame(op: string, id: number, detail: string): QuarantinedOp | undefined {
    const ids = [...(this.blamed.get(op) ?? []), id];
    this.blamed.set(op, ids);
    if (ids.length < this.maxDeaths || this.quarantined.has(op)) return undefined;
    const entry = {
      op,
      ids,
      reason: `op ${op} is quarantined: ${ids.length} of its requests each killed the subject (requests ${ids.join(", ")}; the last: ${detail})`,
    };
    this.quarantined.set(op, entry);
    return entry;
  }

  /** The quarantine of `op`, if any. */
  of(op: string): QuarantinedOp | undefined {
    return this.quarantined.get(op);
  }

  list(): QuarantinedOp[] {
    return [...this.quarantined.values()].map((q) => ({ ...q, ids: [...q.ids] }));
  }
}
