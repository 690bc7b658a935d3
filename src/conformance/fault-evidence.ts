/**
 * What a protocol fault means for the case it hit (spec/conformance.md, "Verdicts"): a fault in one answer's content
 * (a NaN, a line that is not JSON) is a non-finite answer, shrunk like a wrong value; a request the subject never ran
 * (stopped, or it could not start) is not run; any other fault (a hang, a crash) is a fault, not shrunk. For a
 * timeout, which request is to blame goes only as far as the evidence: with several requests pending, nothing shows
 * which one hung.
 */
import type { FaultKind } from "../subject/subject.ts";
import type { FailureKind } from "./failure-class.ts";

/**
 * Faults about one answer's content (a NaN, a line that is not JSON...): deterministic and cheap, so such cases fail
 * as "non-finite" and are shrunk like wrong values. The other faults (timeouts, crashes...) are not.
 */
const ANSWER_FAULTS: ReadonlySet<FaultKind> = new Set<FaultKind>(["invalid-json", "invalid-response", "line-too-long"]);
/** Faults of requests the subject never ran. */
const NOT_RUN_FAULTS: ReadonlySet<FaultKind> = new Set<FaultKind>(["stopped", "start-failed"]);

/** The failure kind of a fault, or "not-run" for a request the subject never ran. */
export function faultOutcome(fault: FaultKind): FailureKind | "not-run" {
  if (NOT_RUN_FAULTS.has(fault)) return "not-run";
  return ANSWER_FAULTS.has(fault) ? "non-finite" : "fault";
}

/**
 * What a timeout says about the requests it hit, as far as the evidence goes. The subject runner charges a timeout to
 * the oldest pending request and sends the others again (its detail then says "the k other pending request(s)"), or,
 * when it stops the subject, to every pending request at once (`sharedBy` of them). With several requests pending
 * nothing shows which one hung, so the words say "no answer ... to any of these k requests"; unless the subject runs
 * its requests one at a time (a module host: its detail says "this was the request running"), when it is that one.
 */
export function timeoutEvidence(detail: string, sharedBy: number): string {
  const others = /the (\d+) other pending request/.exec(detail);
  const pending = Math.max(1, sharedBy) + (others === null ? 0 : Number(others[1]));
  if (pending === 1) return "no answer within the timeout while it was the only request pending";
  const fate = /were given up/.test(detail) ? "given up" : "sent again";
  if (/this was the request running/.test(detail)) return `no answer within the timeout while it was the request running (the ${pending - 1} other pending request(s) were queued behind it and ${fate})`;
  if (others !== null) return `no answer within the timeout to any of ${pending} pending requests; this one, the oldest, was charged and the others were ${fate}`;
  return `no answer within the timeout to any of these ${pending} pending requests`;
}

/** The case's why for a fault; `sharedBy` is the number of requests the same fault hit. */
export function describeFault(fault: FaultKind, detail: string, sharedBy = 1): string {
  if (fault !== "timeout") return `fault ${fault}: ${detail}`;
  return `fault timeout: ${timeoutEvidence(detail, sharedBy)} (${detail})`;
}
