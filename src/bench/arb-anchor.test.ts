/**
 * The Arb anchor (arb/arb-kl.c) computes the same KL as bonkl: its certified ball intersects the oracle's enclosure.
 * Needs `cc` and FLINT's arb; without them the tests are skipped and say so (the bench skips Arb the same way).
 */
import { describe, expect, test } from "vitest";
import { spawnSync } from "node:child_process";
import { klBon } from "../oracle/index.ts";
import { buildArbAnchor } from "./arb-anchor.ts";
import { arbAgreement } from "./cross-check.ts";
import { cyclicSevenDistribution } from "./kl-input.ts";
import { serveAccuracy } from "./kl-speed-row.ts";

const anchor = buildArbAnchor();
const why = anchor.available ? "" : anchor.reason;
if (!anchor.available) console.warn(`src/bench/arb-anchor.test.ts: SKIPPING: ${why}`);

describe(`Arb anchor${anchor.available ? "" : ` [SKIPPED: ${why}]`}`, () => {
  const cases = [
    { name: "two outcomes, n = 2", p: [0.25, 0.75], n: 2 },
    { name: "a zero mass and binary64 masses that do not sum to 1 exactly", p: [0.1, 0, 0.2, 0.7], n: 7 },
    { name: "the bench's input, L = 100, n = 1e6", p: cyclicSevenDistribution(100), n: 1_000_000 },
  ];
  for (const c of cases) {
    test.skipIf(!anchor.available)(`${c.name}: Arb's ball meets 40 digits and intersects bonkl's enclosure`, () => {
      if (!anchor.available) return;
      const run = anchor.run(c.p, c.n, 40, 1);
      if (run instanceof Error) throw run;
      expect(run.accurate).toBe(true);
      expect(run.passes).toBeGreaterThanOrEqual(1);
      const bonkl = klBon({ p: c.p, n: c.n }, serveAccuracy(40));
      // both certified: they must intersect. Where Arb's midpoint lies is no test: both are far narrower than 40
      // digits, and bonkl's enclosure is often the narrower (then Arb's midpoint may well lie outside it).
      expect(arbAgreement(run, bonkl).intersects).toBe(true);
    });
  }

  test.skipIf(!anchor.available)("a disagreeing input would show: KL for n + 1 does not intersect KL for n", () => {
    if (!anchor.available) return;
    const run = anchor.run([0.25, 0.75], 3, 40, 1);
    if (run instanceof Error) throw run;
    expect(arbAgreement(run, klBon({ p: [0.25, 0.75], n: 2 }, serveAccuracy(40))).intersects).toBe(false);
  });

  test.skipIf(!anchor.available)("bad input: a clear message naming the entry, exit status 2", () => {
    if (!anchor.available) return;
    const run = spawnSync(anchor.binary, [], { input: "2 40 1 2\n0.5\n-0.5\n", encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("p[1]: not a finite non-negative number: -0.5");
    expect(anchor.run([0.5, Number.NaN], 2, 40, 1)).toBeInstanceOf(Error);
  });
});
