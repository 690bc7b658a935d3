import { describe, expect, test } from "vitest";
import { argumentNames, declaredArguments, describeArguments, oneOf, optional, required } from "./op-arguments.ts";
import { compute, oracleOps } from "./index.ts";
import type { Enclosure } from "../numerics/enclosure.ts";

describe("op arguments", () => {
  const signature = [required("n"), oneOf([required("eps")], [required("logEps")], [required("p"), optional("r")]), required("components", "[{weight, p}]")];

  test("the help line is generated from the declaration", () => {
    expect(describeArguments(signature)).toBe("n, eps | logEps | (p, r?), components: [{weight, p}]");
    expect(argumentNames(signature)).toEqual(["n", "eps", "logEps", "p", "r", "components"]);
  });

  test("only declared arguments reach an op (own fields only)", () => {
    const args = Object.assign(Object.create({ p: "inherited" }) as Record<string, unknown>, { n: 3, zzz: 1, r: [1] });
    expect(declaredArguments(args, signature)).toEqual({ n: 3, r: [1] });
  });

  test("every op's help line names each argument its evaluation reads: r and per change renyi2 and gapBoundThm3", () => {
    const value = (op: string, args: Record<string, unknown>) => (compute(op, args) as Enclosure).mid;
    expect(value("renyi2", { p: [0.5, 0.5], r: [1, 1], per: "level" })).toBe(0);
    expect(value("renyi2", { p: [0.5, 0.5], r: [1, 1] })).toBeCloseTo(Math.LN2, 15);
    expect(value("gapBoundThm3", { n: 4, p: [0.5, 0.25, 0.25], r: [1, 2, 2], per: "outcome" })).not.toBe(value("gapBoundThm3", { n: 4, p: [0.5, 0.25, 0.25], r: [1, 2, 2] }));
    for (const op of oracleOps.values()) expect(op.args).toBe(describeArguments(op.signature));
  });
});
