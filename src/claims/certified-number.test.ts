/** Certified numbers as the claims report them: outward-rounded bounds, certified digits, values beyond any range. */
import { describe, expect, test } from "vitest";
import { withArena } from "../numerics/arena.ts";
import { Interval } from "../numerics/interval.ts";
import { certifiedOf, certifiedOfLog, showCertified } from "./certified-number.ts";

describe("certified numbers", () => {
  test("an enclosure: bounds rounded outward, 3 digits when both ends round to them", () => {
    withArena(128, (arena) => {
      const third = Interval.fromRational(arena, 1n, 3n);
      expect(certifiedOf(third)).toEqual({ lo: "3.333e-1", hi: "3.334e-1", digits: "3.33e-1", log10: Math.log10(0.3334) });
      const wide = Interval.fromBounds(arena, 0.125, 0.25);
      expect(certifiedOf(wide).digits).toBeNull();
      expect(showCertified(certifiedOf(wide))).toBe("[1.25e-1, 2.5e-1]");
      const negative = Interval.fromBounds(arena, -2, -1);
      expect(certifiedOf(negative).log10).toBeNull();
    });
  });

  test("from the log of a value: far below the double range and MPFR's, bounds outward", () => {
    withArena(256, (arena) => {
      // 1e-30 from its log: the same digits as directly
      expect(certifiedOfLog(Interval.fromRational(arena, 1n, 10n ** 30n).log()).digits).toBe("1e-30");
      // exp(-1e9) = 10^(-434294481.903...) = 1.249...e-434294482: beyond MPFR's exponent range (about 10^-3.2e8)
      const tiny = certifiedOfLog(Interval.fromDouble(arena, -1e9));
      expect(tiny.lo).toBe("1.249e-434294482");
      expect(tiny.hi).toBe("1.25e-434294482");
      expect(tiny.log10).toBeCloseTo(-1e9 / Math.LN10, 3);
      // exp(-1) = 0.36787944...
      expect(certifiedOfLog(Interval.fromDouble(arena, -1))).toMatchObject({ lo: "3.678e-1", hi: "3.679e-1", digits: "3.68e-1" });
      expect(certifiedOfLog(Interval.fromDouble(arena, 0))).toMatchObject({ lo: "1", hi: "1", digits: "1" });
    });
  });
});
