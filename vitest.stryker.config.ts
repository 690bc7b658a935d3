/**
 * The tests Stryker reruns for each mutant (stryker.conf.json; see mutation/README.md). Only the unit-level tests
 * next to the mutated modules: no properties/** suites, no CLI, figures or bench tests, and of src/conformance only
 * the fast unit tests (not the end-to-end regressions, the vectors or the schema generation).
 *
 * BONKL_STRYKER=1 (set here for every test worker) makes the tests fast and deterministic: fast-check runs use a
 * fixed seed and fewer runs, and src/oracle/vectors.test.ts checks a fixed subset of each vector file. Without this
 * config (`npm test`) nothing changes.
 */
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Test files in a fixed order, quick unit tests first and the process-spawning subject tests last. Stryker stops at
 * the first failing test (bail), so a mutant that some quick test kills costs little; vitest's default order (slowest
 * files first, from its timing cache) would differ from one machine and run to the next.
 */
const SLOW_LAST = ["vectors.test.ts", "module-subject.test.ts", "process-groups.test.ts", "process-subject.test.ts", "check-job.test.ts", "run-check.test.ts"];

class FastFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification): number => SLOW_LAST.findIndex((name) => f.moduleId.endsWith(`/${name}`));
    return [...files].sort((a, b) => rank(a) - rank(b) || (a.moduleId < b.moduleId ? -1 : a.moduleId > b.moduleId ? 1 : 0));
  }
}

export default defineConfig({
  test: {
    include: [
      "src/numerics/**/*.test.ts",
      "src/oracle/**/*.test.ts",
      "src/float/**/*.test.ts",
      "src/subject/**/*.test.ts",
      "src/serve/**/*.test.ts",
      "src/errors.test.ts",
      "src/config.test.ts",
      // the conformance part's tests, only in that part (mutation/run.ts sets BONKL_STRYKER_PART), so that the other
      // parts run exactly the tests they always ran
      ...(process.env.BONKL_STRYKER_PART === undefined || process.env.BONKL_STRYKER_PART === "conformance" ? ["src/conformance/**/*.test.ts"] : []),
    ],
    // generate-schema.test.ts runs the TypeScript compiler over src/protocol (about 3 s); it checks the committed
    // schema files, not code under mutation (src/subject/generate-schema.ts is not mutated).
    // The conformance part leaves out its slow end-to-end tests: the issue-11 regressions (module and program subjects,
    // timeouts: about 40 s), src/float against the mpmath vectors (about 40 s) and the report schema's generation.
    exclude: [
      "src/subject/generate-schema.test.ts",
      "src/conformance/verdict-regressions.test.ts",
      "src/conformance/vectors.test.ts",
      "src/conformance/report-schema.test.ts",
      "**/node_modules/**",
    ],
    env: { BONKL_STRYKER: "1" },
    sequence: { sequencer: FastFirstSequencer },
    // One module graph for all test files of a run (the oracle's WebAssembly and the float library's warm-up are
    // loaded once per run, not once per file). Every run still starts a fresh worker, so code that runs at load time
    // (Stryker's static mutants) is evaluated afresh each time.
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ["default"],
  },
});
