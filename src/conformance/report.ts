/**
 * The machine-readable report of `bonkl check --json FILE`. spec/conformance/report.schema.json is generated from
 * these types (`npx tsx src/conformance/generate-report-schema.ts`); a test checks the committed file is current.
 * Self-contained on purpose (no imports), so the schema generator sees only this file.
 */

/**
 * The verdict of an (op, domain) pair: PASS or FAIL when graded; SKIP when every case was answered `unsupported`;
 * NOT RUN when no case was graded because the subject never ran them (stopped, or could not start); INCONCLUSIVE
 * when none failed but fewer than half the cases were graded; INFO for informational domains.
 */
export type Verdict = "PASS" | "FAIL" | "SKIP" | "NOT RUN" | "INCONCLUSIVE" | "INFO";

export interface ConformanceReport {
  /** Always "bonkl-conformance/2". */
  format: "bonkl-conformance/2";
  bonklVersion: string;
  /** How the subject was given: `module ./impl.mjs` or `command "python3 impl.py"`. */
  subject: string;
  /** The run's seed (every case is generated from it). */
  seed: number;
  /** Cases per op in an ordinary domain (costly domains use a share of it). */
  runs: number;
  /** --strict: a case passes only when it is accurate (within the accuracy bound), not merely within tolerance. */
  strict: boolean;
  /** The domains checked, in order. */
  domains: string[];
  /** What the subject's `capabilities` answered; null when it did not answer a list (then every op is tried). */
  capabilities: string[] | null;
  /** ISO 8601 start time. */
  startedAt: string;
  durationMs: number;
  /**
   * PASS when every graded (op, domain) passed and none was left ungraded (SKIP and INFO do not count); FAIL when some
   * pair failed; INCOMPLETE when none failed but some pair is NOT RUN or INCONCLUSIVE; INTERRUPTED when the run was
   * stopped (Ctrl-C) before it finished: `results` then holds only what was graded, and a note names the rest.
   */
  verdict: "PASS" | "FAIL" | "INCOMPLETE" | "INTERRUPTED";
  /** The exit status of `bonkl check`: 0 PASS, 1 FAIL or INCOMPLETE, 130 INTERRUPTED. */
  exitStatus: number;
  /** The last line of the terminal report: the verdict in words. */
  summary: string;
  /** A command line that replays this run. */
  replay: string;
  /** The tolerance model's constants (spec/conformance.md). */
  tolerance: ToleranceConstants;
  /** One entry per (op, domain) pair considered, in table order. */
  results: OpDomainResult[];
  /** How long bonkl waited for the subject's answers, the timeouts, and a --timeout that would suit the subject. */
  timing: TimingSummary;
  subjectLog: SubjectLogSummary;
  /** Anything else worth knowing (capabilities not answered, ops never checked...). */
  notes: string[];
}

export interface ToleranceConstants {
  /** u = 2^-53. */
  unitRoundoff: number;
  /** K = 64. */
  safetyFactor: number;
  /** K * 2^-1074, added to every bonPmf tolerance except a zero-mass outcome's (the others are at least K u). */
  subnormalFloor: number;
}

export interface OpDomainResult {
  op: string;
  domain: string;
  verdict: Verdict;
  /** Why SKIP, NOT RUN or INCONCLUSIVE, or a remark on the verdict. */
  remark: string;
  /** The seed this (op, domain) family was generated from (derived from the run's seed). */
  familySeed: number;
  /** Cases generated and asked. */
  cases: number;
  passed: number;
  failed: number;
  /** Answered `unsupported`. */
  skipped: number;
  /** Never run by the subject (it had been stopped, or could not start). */
  notRun: number;
  /** Informational domains: error answers (the expected outcome in the invalid domain). */
  rejected: number;
  /** Informational domains: numeric answers to invalid inputs. */
  accepted: number;
  /** Informational domains: requests that hit a protocol fault. */
  faulted: number;
  /** Failing answers that match p as given (unnormalised) rather than p / sum(p). */
  asGiven: number;
  /** Index (position in the generated sequence) of the first failing case: it failed after index + 1 cases; null if none failed. */
  firstFailure: number | null;
  /** Largest |answer - exact| over the numeric comparisons; null if none. */
  worstError: number | null;
  /** Largest error / tolerance over the numeric comparisons; null if none. */
  worstRatio: number | null;
  /** The case with the largest error / tolerance (or the first non-numeric failure). */
  worstCase: CaseRecord | null;
  /** The shrunk example of the class holding the worst failing case (the first entry of `classes` with one), or null. */
  counterexample: Counterexample | null;
  /** The distinct failure classes, in the order of their first case, each with its own shrunk example. */
  classes: FailureClassResult[];
  /** The accuracy grade: relative errors and the stricter bound a careful implementation meets. */
  accuracy: AccuracyResult;
  /** Distinct `unsupported` messages (at most 5). */
  skipReasons: string[];
  /** The longest bonkl waited for one answer of this pair, in ms (null when none was answered). */
  slowestAnswerMs: number | null;
  durationMs: number;
}

export interface FailureClassResult {
  /** `shape/kind`, e.g. `ties/value` (spec/conformance.md, "Failure classes"). */
  id: string;
  /** in-order, unordered, ties, zero-mass (distribution ops), eps, logEps (estimators), n (klFormula). */
  shape: string;
  /** value, non-finite or fault. */
  kind: string;
  /** The class in words: "tied rewards, wrong value". */
  description: string;
  /** Failing cases in the class. */
  count: number;
  /** Index of the class's first failing case. */
  firstFailure: number;
  /** The magnitudes of the class's failing cases: n, and the smallest positive mass (or eps) of each case. */
  regime: Regime;
  /** The class's worst case (largest error / tolerance), with its magnitudes. */
  worstCase: CaseRecord;
  /** Its example shrunk while it stayed in the class; null for faults (not shrunk) or when shrinking lost it. */
  counterexample: Counterexample | null;
}

export interface Regime {
  nMin: number | null;
  nMax: number | null;
  /** The smallest positive mass (or eps) over the failing cases, and the largest such smallest mass. */
  smallMin: number | null;
  smallMax: number | null;
}

export interface AccuracyResult {
  /** Cases compared numerically. */
  compared: number;
  /** Of those, the cases within the accuracy bound. */
  accurate: number;
  /** "accurate" when every compared case is, "not accurate" otherwise; null when nothing was compared. */
  verdict: "accurate" | "not accurate" | null;
  /** The largest relative error, in units of u = 2^-53 (error / (u max(|exact|, 2^-1022))). */
  worstRelativeErrorU: number | null;
  /** Correct significant digits of that worst case: -log10(relative error), 0 to 17. */
  correctDigits: number | null;
  /** The largest error / accuracy bound. */
  worstBoundRatio: number | null;
  /** The case with the largest error / accuracy bound. */
  worstCase: CaseRecord | null;
}

export interface CaseRecord {
  /** Position in the generated sequence (null for a shrunk case). */
  index: number | null;
  /** How the case was generated. */
  label: string;
  /** The args sent; null when too large to keep (see argsSummary; the label and the seed regenerate them). */
  args: { [key: string]: unknown } | null;
  /** The args as one line, abbreviated. */
  argsSummary: string;
  /** n, and the smallest positive mass (or eps), of the case. */
  n: number | null;
  smallest: number | null;
  requestId: number;
  /** pass, fail, skip, not-run, rejected, accepted or faulted. */
  status: string;
  /** For a failure: value, non-finite or fault; else null. */
  failure: string | null;
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
  /** The accuracy bound of the worst entry and error / bound (null when not compared or not finite). */
  accuracyBound: number | null;
  accuracyRatio: number | null;
  /** Relative error in units of u (the worst entry for bonPmf); null when not compared. */
  relativeErrorU: number | null;
  /** In words, when the answer matches p as given and not p / sum(p). */
  reading: string | null;
}

export interface Counterexample extends CaseRecord {
  /** Shrinking steps that kept the failure in its class. */
  shrinks: number;
  /** fast-check's replay path (with familySeed). */
  path: string;
}

export interface TimingSummary {
  /** The --timeout in force, in ms. */
  timeoutMs: number;
  /** The longest waits for one answer, longest first (at most 3). */
  slowest: SlowAnswer[];
  /** Requests that got no answer within the timeout. */
  timeouts: number;
  /** A --timeout that the waits measured suggest would have sufficed, when requests timed out; else null. */
  suggestedTimeoutMs: number | null;
  /** The advice in words (null when there is nothing to say). */
  advice: string | null;
}

export interface SlowAnswer {
  op: string;
  domain: string;
  label: string;
  ms: number;
}

export interface SubjectLogSummary {
  description: string;
  requestsSent: number;
  requestsAnswered: number;
  requestsFaulted: number;
  /** Faults by kind, including those not listed. */
  faultCounts: { [kind: string]: number };
  /** Faults grouped by kind and message (numbers in the message ignored), with counts and the first few. */
  faultGroups: FaultGroup[];
  /** Faults in the order seen, with the requests they hit. */
  faults: ReportFault[];
  /** Why the subject stopped for good, if it did. */
  stoppedBecause: string | null;
  /** Ops taken out of the run because their requests killed the subject too often: their other cases are NOT RUN. */
  quarantined: { op: string; ids: number[]; reason: string }[];
  /** Requests given up without being graded (fault "stopped"), counted per op and reason: these cases are NOT RUN. */
  stopped: { op: string; reason: string; count: number; sent: boolean }[];
  /** Instances started (restarts add one each). */
  instances: number;
  /** Start of the subject's stderr (first instance). */
  stderrHead: string;
  /** End of the subject's stderr (last instance). */
  stderrTail: string;
}

export interface FaultGroup {
  kind: string;
  /** The message with its numbers replaced by #. */
  pattern: string;
  /** Faults in the group (as logged; the subject runner logs at most 1000 in full). */
  count: number;
  /** Requests hit by the group's faults. */
  requests: number;
  /** The first few faults of the group. */
  examples: ReportFault[];
}

export interface ReportFault {
  kind: string;
  detail: string;
  /** For a timeout, what it shows about the requests it hit (which request hung is known only when one was pending). */
  evidence: string | null;
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
