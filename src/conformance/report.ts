/**
 * The machine-readable report of `bonkl check --json FILE`. spec/conformance/report.schema.json is generated from
 * these types (`npx tsx src/conformance/generate-report-schema.ts`); a test checks the committed file is current.
 * Self-contained on purpose (no imports), so the schema generator sees only this file.
 */

/** PASS/FAIL for graded (op, domain) pairs; SKIP when no case could be graded; INFO for informational domains. */
export type Verdict = "PASS" | "FAIL" | "SKIP" | "INFO";

export interface ConformanceReport {
  /** Always "bonkl-conformance/1". */
  format: "bonkl-conformance/1";
  bonklVersion: string;
  /** How the subject was given: `module ./impl.mjs` or `command "python3 impl.py"`. */
  subject: string;
  /** The run's seed (every case is generated from it). */
  seed: number;
  /** Cases per op in an ordinary domain (costly domains use a share of it). */
  runs: number;
  /** The domains checked, in order. */
  domains: string[];
  /** What the subject's `capabilities` answered; null when it did not answer a list (then every op is tried). */
  capabilities: string[] | null;
  /** ISO 8601 start time. */
  startedAt: string;
  durationMs: number;
  /**
   * PASS when every graded (op, domain) passed (SKIP and INFO do not count); INTERRUPTED when the run was stopped
   * (Ctrl-C) before it finished: `results` then holds only what was graded, and a note names the rest.
   */
  verdict: "PASS" | "FAIL" | "INTERRUPTED";
  /** The exit status of `bonkl check`: 0 PASS, 1 FAIL, 130 INTERRUPTED. */
  exitStatus: number;
  /** A command line that replays this run. */
  replay: string;
  /** The tolerance model's constants (spec/conformance.md). */
  tolerance: ToleranceConstants;
  /** One entry per (op, domain) pair considered, in table order. */
  results: OpDomainResult[];
  subjectLog: SubjectLogSummary;
  /** Anything else worth knowing (capabilities not answered, ops never checked...). */
  notes: string[];
}

export interface ToleranceConstants {
  /** u = 2^-53. */
  unitRoundoff: number;
  /** K = 64. */
  safetyFactor: number;
  /** K * 2^-1074, added to every tolerance except a zero-mass outcome's. */
  subnormalFloor: number;
}

export interface OpDomainResult {
  op: string;
  domain: string;
  verdict: Verdict;
  /** Why SKIP, or a remark on the verdict. */
  remark: string;
  /** The seed this (op, domain) family was generated from (derived from the run's seed). */
  familySeed: number;
  /** Cases generated and asked. */
  cases: number;
  passed: number;
  failed: number;
  skipped: number;
  /** Informational domains: error answers (the expected outcome). */
  rejected: number;
  /** Informational domains: numeric answers to invalid inputs. */
  accepted: number;
  /** Informational domains: requests that hit a protocol fault. */
  faulted: number;
  /** Index (position in the generated sequence) of the first failing case: it failed after index + 1 cases; null if none failed. */
  firstFailure: number | null;
  /** Largest |answer - exact| over the numeric comparisons; null if none. */
  worstError: number | null;
  /** Largest error / tolerance over the numeric comparisons; null if none. */
  worstRatio: number | null;
  /** The case with the largest error / tolerance (or the first non-numeric failure). */
  worstCase: CaseRecord | null;
  /** The shrunk failing input (FAIL only, unless the failures were protocol faults). */
  counterexample: Counterexample | null;
  /** Distinct `unsupported` messages (at most 5). */
  skipReasons: string[];
  durationMs: number;
}

export interface CaseRecord {
  /** Position in the generated sequence (null for a shrunk case). */
  index: number | null;
  /** How the case was generated. */
  label: string;
  /** The args sent; null when too large to print (see argsSummary). */
  args: { [key: string]: unknown } | null;
  /** The args as one line, abbreviated. */
  argsSummary: string;
  requestId: number;
  /** pass, fail, skip, rejected, accepted or faulted. */
  status: string;
  why: string;
  /** The subject's value (the worst entry for bonPmf), or its error message. */
  answer: unknown;
  /** bonPmf: the outcome index of the worst entry. */
  entry: number | null;
  /** The oracle's enclosure [lo, hi] of the exact value, 17 significant digits rounded outward. */
  expected: string[] | null;
  error: number | null;
  tolerance: number | null;
  /** error / tolerance; null when there is no finite ratio. */
  ratio: number | null;
}

export interface Counterexample extends CaseRecord {
  /** Shrinking steps that kept the failure. */
  shrinks: number;
  /** fast-check's replay path (with familySeed). */
  path: string;
}

export interface SubjectLogSummary {
  description: string;
  requestsSent: number;
  requestsAnswered: number;
  requestsFaulted: number;
  /** Faults by kind, including those not listed. */
  faultCounts: { [kind: string]: number };
  /** Faults in the order seen, with the requests they hit. */
  faults: ReportFault[];
  /** Why the subject stopped for good, if it did. */
  stoppedBecause: string | null;
  /** Instances started (restarts add one each). */
  instances: number;
  /** Start of the subject's stderr (first instance). */
  stderrHead: string;
  /** End of the subject's stderr (last instance). */
  stderrTail: string;
}

export interface ReportFault {
  kind: string;
  detail: string;
  excerpt: string | null;
  instance: number;
  /** The requests affected (at most 10 listed). */
  requests: AffectedRequest[];
  /** Affected requests not listed. */
  moreRequests: number;
}

export interface AffectedRequest {
  id: number;
  op: string;
  domain: string;
  label: string;
}
