import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "properties/**/*.test.ts", "mutation/**/*.test.ts", "examples/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // vitest's default is one worker fewer than the cores: on a 2-core machine a single worker, and the suite runs
    // serially. Many of our test files mostly wait (child processes, timeouts), so use every core.
    maxWorkers: Math.max(2, availableParallelism()),
    reporters: ["default"],
  },
});
