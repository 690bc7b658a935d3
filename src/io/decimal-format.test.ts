import { describe, expect, it } from "vitest";
import { plainDecimal } from "./decimal-format.ts";

describe("plainDecimal", () => {
  it("writes everyday magnitudes positionally, keeping every digit", () => {
    expect(plainDecimal("1.9314718056e-1")).toBe("0.19314718056");
    expect(plainDecimal("1.2815511558e1")).toBe("12.815511558");
    expect(plainDecimal("6.931471805599")).toBe("6.931471805599");
    expect(plainDecimal("2.4e2")).toBe("240");
    expect(plainDecimal("-1.5e-3")).toBe("-0.0015");
    expect(plainDecimal("0")).toBe("0");
    expect(plainDecimal("5e-1")).toBe("0.5");
  });

  it("keeps scientific notation for the very small and very large", () => {
    expect(plainDecimal("1.5052753192e-21")).toBe("1.5052753192e-21");
    expect(plainDecimal("4.9985e20")).toBe("4.9985e20");
  });
});
