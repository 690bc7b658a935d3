/** Running tally of one (op, domain): counts, worst error and worst error/tolerance, skip reasons. */
import type { Case } from "./case.ts";
import type { CaseGrade } from "./grade.ts";

const MAX_SKIP_REASONS = 5;

export interface Worst {
  readonly index: number;
  readonly case: Case;
  readonly grade: CaseGrade;
}

export class JobStats {
  cases = 0;
  passed = 0;
  failed = 0;
  skipped = 0;
  rejected = 0;
  accepted = 0;
  faulted = 0;
  /** Index of the first failing case (null while none failed). */
  firstFailure: number | null = null;
  worstError: number | null = null;
  worstRatio: number | null = null;
  /** Graded domains: the largest ratio (non-numeric failures count as infinite). Informational: first accepted. */
  worst: Worst | null = null;
  /** The failing case to shrink from: the worst failure that is not a protocol fault. */
  worstShrinkable: Worst | null = null;
  readonly skipReasons: string[] = [];

  add(index: number, c: Case, grade: CaseGrade): void {
    this.cases++;
    switch (grade.status) {
      case "pass":
        this.passed++;
        break;
      case "fail":
        this.failed++;
        if (this.firstFailure === null) this.firstFailure = index;
        break;
      case "skip":
        this.skipped++;
        if (this.skipReasons.length < MAX_SKIP_REASONS && !this.skipReasons.includes(grade.why)) this.skipReasons.push(grade.why);
        break;
      case "rejected":
        this.rejected++;
        break;
      case "accepted":
        this.accepted++;
        break;
      case "faulted":
        this.faulted++;
        break;
    }
    if (grade.error !== null && (this.worstError === null || grade.error > this.worstError)) this.worstError = grade.error;
    if (grade.error !== null && Number.isFinite(grade.ratio) && (this.worstRatio === null || grade.ratio > this.worstRatio)) this.worstRatio = grade.ratio;
    const entry = { index, case: c, grade };
    if (grade.status === "accepted" || grade.status === "faulted") {
      if (this.worst === null || (this.worst.grade.status === "faulted" && grade.status === "accepted")) this.worst = entry;
    } else if (!Number.isNaN(grade.ratio) && (this.worst === null || grade.ratio > this.worst.grade.ratio)) {
      this.worst = entry;
    }
    if (grade.status === "fail" && !grade.fault && (this.worstShrinkable === null || grade.ratio > this.worstShrinkable.grade.ratio)) {
      this.worstShrinkable = entry;
    }
  }
}
