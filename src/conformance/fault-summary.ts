/** The subject's log in report form: each fault with the (op, domain, case) of the requests it hit. */
import type { SubjectLog } from "../subject/subject.ts";
import type { ReportFault, SubjectLogSummary } from "./report.ts";
import type { RequestRegistry } from "./request-registry.ts";

/** Requests listed per fault; the rest are counted. */
export const LISTED_REQUESTS = 10;

export function summariseSubjectLog(log: SubjectLog, registry: RequestRegistry): SubjectLogSummary {
  const faults: ReportFault[] = log.faults.map((f) => ({
    kind: f.kind,
    detail: f.detail,
    excerpt: f.excerpt ?? null,
    instance: f.instance,
    requests: f.ids.slice(0, LISTED_REQUESTS).map((id) => registry.lookup(id)),
    moreRequests: Math.max(0, f.ids.length - LISTED_REQUESTS),
  }));
  const faultCounts: { [kind: string]: number } = {};
  for (const [kind, count] of Object.entries(log.faultCounts)) if (count !== undefined) faultCounts[kind] = count;
  const first = log.instances[0];
  const last = log.instances[log.instances.length - 1];
  return {
    description: log.description,
    requestsSent: log.requestsSent,
    requestsAnswered: log.requestsAnswered,
    requestsFaulted: log.requestsFaulted,
    faultCounts,
    faults,
    stoppedBecause: log.stoppedBecause,
    instances: log.instances.length,
    stderrHead: first?.stderr.head ?? "",
    stderrTail: last === undefined ? "" : last === first ? last.stderr.tail : last.stderr.tail || last.stderr.head,
  };
}
