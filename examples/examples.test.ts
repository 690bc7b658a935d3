/**
 * The example subjects of examples/ pass every domain of `bonkl check` (spec/conformance.md), like
 * `npx bonkl check --subject examples/js/subject.mjs` and
 * `npx bonkl check --subject-cmd "python3 examples/python/subject.py"` do:
 *   - examples/js/subject.mjs (a module subject) always;
 *   - examples/python/subject.py (a program subject) when `python3 -c "import numpy"` works; otherwise that test
 *     is skipped, and says so in its name and on the console.
 * Both checks run in this process with the same seed, so they see the same cases and share the oracle cache: the
 * second check reuses the oracle's values. Cases per op and domain: BONKL_RUNS when set; else 100 (the default of
 * `bonkl check`) in deep mode (BONKL_DEEP=1: `npm run test:deep`, and .ci/run), and 25 in `npm test` (the first 25
 * of the same cases: the zoo's control checks src/float on all 100 in the same suite).
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { formatReport } from "../src/conformance/format-report.ts";
import type { ConformanceReport } from "../src/conformance/report.ts";
import { DEFAULT_RUNS, runCheck, runsFromEnvironment } from "../src/conformance/run-check.ts";
import { python3, pythonCommand, pythonMissing } from "../src/util/python.ts";

const JS_SUBJECT = fileURLToPath(new URL("./js/subject.mjs", import.meta.url));
const PY_SUBJECT = fileURLToPath(new URL("./python/subject.py", import.meta.url));
/** Cases per op and domain in `npm test` (deep mode and BONKL_RUNS: above). */
const QUICK_RUNS = 25;
/** The examples are careful implementations: they stay below this fraction of every tolerance (observed ~0.03). */
const ROOM = 1 / 8;

const python = python3(); // the interpreter python3 runs (src/util/python.ts): the same Python, without a shim per start
const numpy = python === null ? null : spawnSync(python, ["-c", "import numpy"], { stdio: "ignore" });
const hasNumpy = numpy !== null && numpy.error === undefined && numpy.status === 0;
const whyNot = numpy === null ? (pythonMissing() as string) : numpy.error !== undefined ? `python3 not runnable (${numpy.error.message})` : `python3 -c "import numpy" exited with ${numpy.status}`;
if (!hasNumpy) console.warn(`examples/examples.test.ts: SKIPPING the check of examples/python/subject.py: ${whyNot}`);

/**
 * Every graded pair PASSes with no skipped case and room to spare; every invalid input is answered with an error; in
 * the normalisation domain every answer reads p / sum(p).
 */
function expectPassEverywhere(report: ConformanceReport): void {
  const text = formatReport(report);
  expect(report.verdict, text).toBe("PASS");
  for (const r of report.results) {
    const pair = `${r.op} in ${r.domain}`;
    if (r.domain === "invalid") {
      expect(r.verdict, pair).toBe("INFO");
      expect({ accepted: r.accepted, faulted: r.faulted }, `${pair}\n${text}`).toEqual({ accepted: 0, faulted: 0 });
      continue;
    }
    if (r.domain === "normalisation") {
      expect(r.verdict, pair).toBe("INFO");
      expect({ failed: r.failed, asGiven: r.asGiven }, `${pair}\n${text}`).toEqual({ failed: 0, asGiven: 0 });
      continue;
    }
    expect(r.verdict, `${pair}\n${text}`).toBe("PASS");
    expect(r.skipped, `${pair}: skipped cases`).toBe(0);
    expect(r.worstRatio ?? 0, `${pair}: worst error / tolerance`).toBeLessThan(ROOM);
  }
  expect(report.results).toHaveLength(33); // 24 graded (op, domain) pairs + 3 normalisation + 6 invalid
}

describe("examples/ pass every domain of bonkl check", () => {
  const setting = process.env.BONKL_RUNS;
  const runs = setting !== undefined && setting !== "" ? runsFromEnvironment() : process.env.BONKL_DEEP === "1" ? DEFAULT_RUNS : QUICK_RUNS;

  test("[slow] examples/js/subject.mjs (module subject)", async () => {
    const report = await runCheck({ subject: { module: JS_SUBJECT }, runs });
    expectPassEverywhere(report);
  }, 600_000);

  test.skipIf(!hasNumpy)(
    `[slow] examples/python/subject.py (program subject)${hasNumpy ? "" : ` [SKIPPED: ${whyNot}]`}`,
    async () => {
      const report = await runCheck({ subject: { command: pythonCommand(PY_SUBJECT) }, runs });
      expectPassEverywhere(report);
    },
    600_000,
  );
});
