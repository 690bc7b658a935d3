/** The mpmath reference computes the same KL as bonkl, to the digits the bench asks for. Skipped without mpmath. */
import { describe, expect, test } from "vitest";
import { klBon } from "../oracle/index.ts";
import { hasCorrectDigits } from "./cross-check.ts";
import { cyclicSevenDistribution } from "./kl-input.ts";
import { serveAccuracy } from "./kl-speed-row.ts";
import { mpmathDps, mpmathMissing, runMpmath } from "./mpmath-runner.ts";

const missing = mpmathMissing();
if (missing !== null) console.warn(`src/bench/mpmath-runner.test.ts: SKIPPING: ${missing}`);

describe(`mpmath reference${missing === null ? "" : ` [SKIPPED: ${missing}]`}`, () => {
  test.skipIf(missing !== null)("binary64 inputs (normalised by their sum) and ratio strings give bonkl's value to 40 digits", () => {
    const inputs: { p: (number | string)[]; n: number }[] = [
      { p: cyclicSevenDistribution(50), n: 10 },
      { p: [0.1, 0, 0.2, 0.7], n: 1000 },
      { p: ["1/3", "2/3"], n: 5 },
    ];
    for (const { p, n } of inputs) {
      const dps = mpmathDps(40, n, p.map((x) => (typeof x === "number" ? x : 1 / 3)));
      const run = runMpmath(p, n, dps, 1);
      if (run instanceof Error) throw run;
      expect(run.dps).toBe(dps);
      expect(run.seconds).toBeGreaterThan(0);
      const bonkl = klBon({ p, n }, serveAccuracy(40));
      expect(hasCorrectDigits(run.value, bonkl.bounds(45), 40), `${JSON.stringify(p).slice(0, 60)} n=${n}: ${run.value}`).toBe(true);
    }
  });

  test.skipIf(missing !== null)("too few digits are caught by the check", () => {
    const p = cyclicSevenDistribution(50);
    const run = runMpmath(p, 10, 20, 1);
    if (run instanceof Error) throw run;
    expect(hasCorrectDigits(run.value, klBon({ p, n: 10 }, serveAccuracy(40)).bounds(45), 40)).toBe(false);
  });

  test.skipIf(missing !== null)("a failing run is an Error with the reason, not a number", () => {
    const run = runMpmath(["1/0"], 2, 40, 1);
    expect(run).toBeInstanceOf(Error);
    expect((run as Error).message).toMatch(/ZeroDivisionError/);
  });
});

test("mpmathDps: the digits asked, 3 guard digits, and the digits lost to cancellation when n p_min < 1", () => {
  expect(mpmathDps(40, 1_000_000, cyclicSevenDistribution(10_000))).toBe(43);
  expect(mpmathDps(40, 10, [0.5, 0.5])).toBe(43);
  expect(mpmathDps(40, 10, [0.999, 0.001])).toBe(45); // n p_min = 0.01: 2 digits
});
