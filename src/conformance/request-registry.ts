/** Which (op, domain, case) each request id belonged to, so faults in the subject's log name the cases they hit. */
import type { AffectedRequest } from "./report.ts";

export class RequestRegistry {
  private readonly byId = new Map<number, AffectedRequest>();

  record(id: number, op: string, domain: string, label: string): void {
    this.byId.set(id, { id, op, domain, label });
  }

  lookup(id: number): AffectedRequest {
    return this.byId.get(id) ?? { id, op: "?", domain: "?", label: "(not a conformance request)" };
  }
}
