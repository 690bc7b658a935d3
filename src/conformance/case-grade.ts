/** The verdict on one case: what the subject answered, how far from the exact value, against which tolerance. */

export type CaseStatus =
  /** Numeric answer within tolerance. */
  | "pass"
  /** Wrong value, non-numeric value, error answer on a valid input, or a protocol fault. */
  | "fail"
  /** The subject answered `unsupported` (for the op or an argument). */
  | "skip"
  /** Invalid domain: the subject answered an error (expected). */
  | "rejected"
  /** Invalid domain: the subject answered a number. */
  | "accepted"
  /** Invalid domain: the subject broke the protocol on this request. */
  | "faulted";

export interface CaseGrade {
  status: CaseStatus;
  /** One line: why it failed, was skipped..., or "within tolerance". */
  why: string;
  /** |answer - exact| measured to the nearest end of the enclosure (the worst entry for bonPmf); null if not numeric. */
  error: number | null;
  tolerance: number | null;
  /** error / tolerance; Infinity for failures that have no finite ratio; NaN when no number was compared. */
  ratio: number;
  /** bonPmf: the outcome index of the worst entry. */
  entry: number | null;
  /** The subject's value (the worst entry for bonPmf) or error message. */
  answer: unknown;
  /** The oracle's enclosure of the exact value (of the worst entry), as decimal strings rounded outward. */
  expected: [string, string] | null;
  /** The request id (SubjectLog faults refer to it). */
  requestId: number;
  /**
   * Failed because the subject hung, died or stopped (a timeout, a crash...): such cases are not shrunk. Faults in
   * the content of one answer (NaN, a line that is not JSON) fail the case like a wrong value and are shrunk.
   */
  fault: boolean;
}
