import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "properties/**/*.test.ts", "mutation/**/*.test.ts", "examples/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Test files share their worker's modules instead of each loading bonkl afresh (MPFR, the oracle, the grader):
    // the suite's CPU time fell from 350 s to 240 s. So no test file may mock a module or leave global state behind
    // (src/suite-config.test.ts checks the first); pass replacements in instead (src/serve/oracle-server-faults.test.ts).
    isolate: false,
    // vitest's default is one worker fewer than the cores: on a 2-core machine a single worker, and the suite runs
    // serially. Many of our test files mostly wait (child processes, timeouts), so use every core.
    maxWorkers: Math.max(2, availableParallelism()),
    reporters: ["default"],
  },
});
