import { describe, expect, test } from "vitest";
import { UsageError } from "../errors.ts";
import { fixture, fixtureCommand } from "./fixtures/harness.ts";
import { openSubject } from "./open-subject.ts";

describe("openSubject", () => {
  test("opens a module or a command, and both answer the same way", async () => {
    for (const subject of [openSubject({ module: fixture("good-module.mjs") }), openSubject({ command: fixtureCommand("echo-subject.mjs") })]) {
      const answer = await subject.call("klFormula", { n: 1 });
      expect(answer.kind).toBe("value");
      const log = await subject.close();
      expect(log.faults).toEqual([]);
    }
  });
  test.each<[object, RegExp]>([
    [{}, /no subject/],
    [{ module: "a.mjs", command: "b" }, /not both/],
    [{ command: "python3 impl.py | tee" }, /needs a shell/],
    [{ command: "  " }, /empty/],
    [{ module: "./missing-impl.mjs" }, /no such file/],
  ])("%j is a usage error", (spec, message) => {
    expect(() => openSubject(spec as never)).toThrow(UsageError);
    expect(() => openSubject(spec as never)).toThrow(message);
  });
  test("bad options are usage errors", () => {
    expect(() => openSubject({ command: "x" }, { timeoutMs: 0 })).toThrow(/timeoutMs must be an integer >= 1/);
    expect(() => openSubject({ command: "x" }, { maxInFlight: 1.5 })).toThrow(UsageError);
  });
});
