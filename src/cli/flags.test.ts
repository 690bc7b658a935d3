// Flags that take numbers accept negative values in every command (`--r -1,2`, `--seed -5`): strict parseArgs
// would read such a value as an unknown option and fail with "argument is ambiguous" (issue 16).
import { describe, expect, test } from "vitest";
import { UsageError } from "../errors.ts";
import { commands } from "./commands/index.ts";
import { attachNegativeValues, parseFlags } from "./flags.ts";

describe("negative values", () => {
  const options = { logp: { type: "string" }, r: { type: "string" }, json: { type: "boolean" } } as const;

  test("are attached to any flag that takes a value, and only to those", () => {
    expect(attachNegativeValues(["--n", "16", "--logp", "-12.3,-8.1", "--json"], options)).toEqual(["--n", "16", "--logp=-12.3,-8.1", "--json"]);
    expect(attachNegativeValues(["--r", "-1,2", "--logp", "-.5", "--r", "-Infinity"], options)).toEqual(["--r=-1,2", "--logp=-.5", "--r=-Infinity"]);
    expect(attachNegativeValues(["--logp", "--json"], options)).toEqual(["--logp", "--json"]);
    expect(attachNegativeValues(["--json", "-1"], options)).toEqual(["--json", "-1"]); // a boolean flag takes no value
    expect(attachNegativeValues(["--", "--r", "-1"], options)).toEqual(["--", "--r", "-1"]);
  });

  test("parse as values; a negative word after a boolean flag is still an error", () => {
    expect(parseFlags(["--r", "-1,2", "--logp", "-3"], options).values).toEqual({ r: "-1,2", logp: "-3" });
    expect(() => parseFlags(["--json", "-1"], options)).toThrow(UsageError);
  });

  test("reach every command's own validation instead of failing as ambiguous", async () => {
    const lines = [
      ["kl", "--p", "0.5,0.5", "--n", "-2"],
      ["estimate", "--n", "-16", "--logp", "-1"],
      ["check", "--runs", "-3"],
      ["check", "--timeout", "-1"],
      ["claims", "--workers", "-1"],
      ["figures", "--jobs", "-2"],
      ["serve", "--digits", "-5"],
      ["kl", "--p", "-0.5,1.5", "--n", "2", "--digits", "-1"],
    ];
    for (const [name, ...argv] of lines) {
      const command = await commands.find((c) => c.name === name)!.load();
      const error = await command.run(argv).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, `${name} ${argv.join(" ")}`).toBeInstanceOf(UsageError);
      expect((error as Error).message, `${name} ${argv.join(" ")}`).not.toMatch(/ambiguous/);
      expect((error as Error).message).toMatch(/-\d/);
    }
  });
});
