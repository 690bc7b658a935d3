// klFromLevels (the KL from levels kept in arrays, kl.ts), checked against values worked out by hand and with mpmath:
// p = (1/2, 1/2), n = 2: pi = (1/4, 3/4), KL = (1/4) log(1/2) + (3/4) log(3/2) = 0.1308120359411369...;
// p = (1/4, 1/4, 1/2), n = 2e9: P_3 = 1 - 2^-n and P_1, P_2 below MPFR's exponent range (taken in log space), so
// KL = log 2 - (about n log 2) 2^-n (mpmath: 6.5e-602059983 below log 2), within 1e-16 of the double nearest log 2.
import { describe, expect, test } from "vitest";
import { withArena } from "../../numerics/arena.ts";
import { Enclosure, dyadicOf } from "../../numerics/enclosure.ts";
import type { Interval } from "../../numerics/interval.ts";
import { Distribution } from "../distribution.ts";
import { bonLevels } from "./bon-policy.ts";
import { klFromLevels } from "./kl.ts";

/** The enclosure meets [value - slack, value + slack] and is at most `width` wide (its exact width, rounded up). */
function expectNear(v: Interval, value: number, slack: number, width: number): void {
  const e = new Enclosure(dyadicOf(v.lo), dyadicOf(v.hi), 128);
  expect(e.loNumber <= value + slack && e.hiNumber >= value - slack, `${e} misses ${value}`).toBe(true);
  expect(e.width).toBeLessThanOrEqual(width);
}

describe("klFromLevels", () => {
  test("p = (1/2, 1/2), n = 2", () => {
    withArena(128, (arena) => {
      const kl = klFromLevels(arena, bonLevels(arena, Distribution.parse({ p: [0.5, 0.5] }), 2));
      expectNear(kl, 0.1308120359411369, 1e-16, 1e-30);
    });
  });

  test("levels whose probability underflows MPFR's range are taken in log space", () => {
    withArena(128, (arena) => {
      const kl = klFromLevels(arena, bonLevels(arena, Distribution.parse({ p: [0.25, 0.25, 0.5] }), 2e9));
      expectNear(kl, Math.LN2, 1e-16, 1e-30);
    });
  });
});
