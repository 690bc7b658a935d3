/**
 * Shrinks a failing case with fast-check: replays the family's k-th case (same seed, `path: "k"`, one run; if that is
 * not the case given, nothing is shrunk) and lets
 * fast-check shrink it while the subject keeps failing *in the same way*: `keeps(case, grade)` says whether a
 * candidate still shows the failure being shrunk (its failure class: failure-class.ts), so shrinking never drifts
 * from one defect to another. Failures caused by protocol faults (a timeout, a crash) are never followed: each would
 * cost a timeout, and a smaller input says nothing new about them.
 */
import fc from "fast-check";
import { type Case, canonicalJson } from "./case.ts";
import type { CaseGrade } from "./grade.ts";

export interface ShrunkFailure {
  readonly failing: Case;
  readonly grade: CaseGrade;
  /** Shrinking steps that kept the failure. */
  readonly shrinks: number;
  /** fast-check's counterexample path (replay with the family seed). */
  readonly path: string;
}

export async function shrinkFailure(
  arbitrary: fc.Arbitrary<Case>,
  seed: number,
  index: number,
  original: Case,
  evaluate: (c: Case) => Promise<CaseGrade>,
  timeLimitMs: number,
  keeps: (c: Case, grade: CaseGrade) => boolean = () => true,
): Promise<ShrunkFailure | null> {
  let replayed = false;
  let last: { failing: Case; grade: CaseGrade } | null = null;
  const details = await fc.check(
    fc.asyncProperty(arbitrary, async (c) => {
      if (!replayed) {
        replayed = true;
        // Replaying run k must give the k-th collected case; if it does not, an example would be another case's.
        if (canonicalJson(c.args) !== canonicalJson(original.args)) return true;
      }
      let grade: CaseGrade;
      try {
        grade = await evaluate(c);
      } catch {
        return true; // a bonkl-side problem with this shrink candidate: do not blame the subject for it
      }
      if (grade.status !== "fail" || grade.failure === "fault" || !keeps(c, grade)) return true;
      last = { failing: c, grade };
      return false;
    }),
    { seed, path: String(index), numRuns: 1, interruptAfterTimeLimit: timeLimitMs },
  );
  const found = last as { failing: Case; grade: CaseGrade } | null;
  if (found === null) return null;
  return { failing: found.failing, grade: found.grade, shrinks: details.numShrinks, path: details.counterexamplePath ?? String(index) };
}
