import { describe, expect, it } from "vitest";
import { promptEstimates } from "./prompt-estimates.ts";

describe("promptEstimates", () => {
  it("evaluates Eq. (28), Eq. (26) and Eq. (5) at eps_n = exp(logp)", () => {
    // n = 2, eps = 1/2: KLhat = 1/4 (log 2 + log(1/2) - 1/2) + 3/4 log(3/2); KLhat_1 = log(3/2)
    const [e] = promptEstimates([{ n: 2, logp: "-0.693147180559945309417232121458176568" }]);
    expect(e!.estimate).toBeCloseTo(-0.125 + 0.75 * Math.log(1.5), 14);
    expect(e!.estimateUpper).toBeCloseTo(Math.log(1.5), 14);
    expect(e!.formula).toBeCloseTo(Math.log(2) - 0.5, 15);
  });

  it("gives 0 at logp = 0 and reuses repeated prompts", () => {
    const ticks: number[] = [];
    const values = promptEstimates(
      [
        { n: 16, logp: 0 },
        { n: 16, logp: -3 },
        { n: 16, logp: -3 },
      ],
      (done) => ticks.push(done),
    );
    expect(values[0]).toMatchObject({ estimate: 0, estimateUpper: 0 });
    expect(values[2]).toBe(values[1]);
    expect(ticks).toEqual([1, 2, 3]);
  });
});
