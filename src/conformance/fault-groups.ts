/**
 * The subject's faults grouped for the report: one group per kind and message, the numbers in the message (request
 * ids, milliseconds, counts) ignored, with how many faults and requests each group holds and its first few faults,
 * so that 396 near-identical "value is NaN" faults read as one line with a count.
 */
import type { FaultGroup, ReportFault } from "./report.ts";

/** Faults shown per group. */
export const GROUP_EXAMPLES = 3;

/** The message with every run of digits (and decimal points or exponents between them) replaced by #. */
export function faultPattern(detail: string): string {
  return detail.replace(/-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi, "#");
}

export function groupFaults(faults: readonly ReportFault[]): FaultGroup[] {
  const groups = new Map<string, FaultGroup>();
  for (const fault of faults) {
    const pattern = faultPattern(fault.detail);
    const key = `${fault.kind}\u0000${pattern}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { kind: fault.kind, pattern, count: 0, requests: 0, examples: [] };
      groups.set(key, group);
    }
    group.count++;
    group.requests += fault.requests.length + fault.moreRequests;
    if (group.examples.length < GROUP_EXAMPLES) group.examples.push(fault);
  }
  return [...groups.values()];
}
