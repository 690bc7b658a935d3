/** Timing the real `bonkl serve` process: the answer is the oracle's, the times are consistent, errors surface. */
import { expect, test } from "vitest";
import { klBon } from "../oracle/index.ts";
import { serveAccuracy } from "./kl-speed-row.ts";
import { timeServe } from "./serve-session.ts";

test("cold, cold request alone and warm times of one request; the value is the oracle's certified digits", async () => {
  const args = { p: [0.25, 0.75], n: 2 };
  const timing = await timeServe("klBon", args, { digits: 30, warmRepeats: 2 });
  expect(timing.answer.value).toBe(klBon(args, serveAccuracy(30)).certifiedDecimal(30));
  expect(timing.warmSeconds).toHaveLength(2);
  expect(timing.startupSeconds).toBeGreaterThan(0);
  expect(timing.coldRequestSeconds).toBeGreaterThanOrEqual(0);
  expect(timing.coldSeconds).toBeCloseTo(timing.startupSeconds + timing.coldRequestSeconds, 6);
});

test("an error answer is reported as such (the promise settles only after the process has exited)", async () => {
  await expect(timeServe("klBon", { p: [0.5, -0.5], n: 2 }, { digits: 40, warmRepeats: 0 })).rejects.toThrow(/bonkl serve answered an error: p\[1\]: must be non-negative/);
});
