// `bonkl estimate` per prompt and over prompts: the paper's estimators at exp(logp), correctly rounded, summarised as
// the prompts stream by, with prompts the oracle cannot pin down left out by line (issue 16).
import { describe, expect, it } from "vitest";
import { InputError } from "../errors.ts";
import { estimatePrompts, promptEstimate } from "./prompt-estimates.ts";
import type { PromptSample, PromptSource } from "./prompt-input.ts";

const source = (samples: Omit<PromptSample, "where">[]): PromptSource => ({
  source: "test",
  position: null,
  prompts: function* () {
    for (const [i, s] of samples.entries()) yield { ...s, where: `test line ${i + 1}` };
  },
});

describe("promptEstimate", () => {
  it("evaluates Eq. (28), Eq. (26) and Eq. (5) at eps_n = exp(logp)", () => {
    // n = 2, eps = 1/2: KLhat = 1/4 (log 2 + log(1/2) - 1/2) + 3/4 log(3/2); KLhat_1 = log(3/2)
    const e = promptEstimate({ n: 2, logp: "-0.693147180559945309417232121458176568" });
    expect(e.estimate.value).toBeCloseTo(-0.125 + 0.75 * Math.log(1.5), 14);
    expect(e.estimateUpper.value).toBeCloseTo(Math.log(1.5), 14);
    expect(e.formula.value).toBeCloseTo(Math.log(2) - 0.5, 15);
    expect([e.estimate.certified, e.estimateUpper.certified, e.formula.certified]).toEqual([true, true, true]);
  });

  it("a tiny positive value is the double nearest it, never a negative midpoint of a wide enclosure (issue 16)", () => {
    // logp = -2^-1074: KLhat_1 = 2^-1074 + log(1 - (1 - eps)^16) = 2^-1074 - about 2^-17184, nearest double 2^-1074.
    // It used to print -5.56e-309, the midpoint of an enclosure 1e-300 wide.
    const e = promptEstimate({ n: 16, logp: -5e-324 });
    expect(e.estimateUpper).toMatchObject({ value: 5e-324, certified: true });
    expect(e.estimate).toMatchObject({ value: 5e-324, certified: true });
  });

  it("gives 0 at logp = 0", () => {
    const e = promptEstimate({ n: 16, logp: 0 });
    expect([e.estimate.value, e.estimateUpper.value]).toEqual([0, 0]);
  });
});

describe("estimatePrompts", () => {
  it("summarises the prompts as they stream by", () => {
    const report = estimatePrompts(source([{ n: 16, logp: 0 }, { n: 16, logp: -3 }, { n: 16, logp: -3 }]));
    const three = promptEstimate({ n: 16, logp: -3 });
    expect(report).toMatchObject({ read: 3, leftOutCount: 0, uncertified: 0 });
    expect(report.estimateUpper.mean).toBeCloseTo((2 * three.estimateUpper.value) / 3, 15);
    expect(report.formula).toMatchObject({ count: 3, sd: 0 });
  });

  it("a prompt the oracle cannot pin down is left out of every mean and named; the others are kept (issue 16)", () => {
    // logp = "-1e10000" left the whole KLhat_1 column n/a, with exit 0 and no warning.
    const report = estimatePrompts(source([{ n: 16, logp: -1.5 }, { n: 16, logp: "-1e10000" }, { n: 4, logp: -3 }]));
    expect(report.read).toBe(3);
    expect(report.estimate.count).toBe(2);
    expect(report.leftOutCount).toBe(1);
    expect(report.leftOut).toEqual([{ where: "test line 2", reason: expect.stringMatching(/^KLhat_1 could not be narrowed below \[.*\] at the oracle's precision cap \(8192 bits\)$/) }]);
    const kept = [promptEstimate({ n: 16, logp: -1.5 }), promptEstimate({ n: 4, logp: -3 })];
    expect(report.estimateUpper.mean).toBeCloseTo((kept[0]!.estimateUpper.value + kept[1]!.estimateUpper.value) / 2, 15);
    expect(Number.isFinite(report.estimate.mean) && Number.isFinite(report.estimateUpper.sd)).toBe(true);
  });

  it("no prompt, or no usable prompt, is an InputError", () => {
    expect(() => estimatePrompts(source([]))).toThrow(/test: has no prompts/);
    expect(() => estimatePrompts(source([{ n: 16, logp: "-1e10000" }]))).toThrow(InputError);
  });
});
