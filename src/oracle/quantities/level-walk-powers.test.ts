// The walk's powers F_k^n = (c_k / T)^n (level-walk.ts) against exact rational powers computed here with bigints:
// each enclosure must contain the exact value, for n large enough that c^n and T^n are not exact at the walk's
// precision (so that every rounding direction matters).
import { describe, expect, test } from "vitest";
import { withArena } from "../../numerics/arena.ts";
import { Enclosure, dyadicOf } from "../../numerics/enclosure.ts";
import { enclosureContains } from "../../numerics/exact-compare.ts";
import { Distribution } from "../distribution.ts";
import { LevelWalk } from "./level-walk.ts";

describe("F_k^n in the level walk", () => {
  test("encloses the exact power of every level's c_k / T", () => {
    const p = ["0.1", "0.2", "0.3", "0.4"]; // c_k / T = 1/10, 3/10, 6/10, 1
    const dist = Distribution.parse({ p });
    const atOrBelow = [1n, 3n, 6n, 10n];
    for (let n = 40; n <= 160; n += 7) {
      withArena(64, (arena) => {
        const walk = new LevelWalk(arena, dist, n);
        while (walk.next()) {
          const k = walk.k;
          const power = new Enclosure(dyadicOf(walk.power.lo), dyadicOf(walk.power.hi), arena.prec);
          const exact = { num: atOrBelow[k]! ** BigInt(n), den: 10n ** BigInt(n) };
          expect(enclosureContains(power, exact), `F_${k}^${n}`).toBe(true);
        }
      });
    }
  });
});
