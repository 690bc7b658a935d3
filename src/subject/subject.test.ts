/** Subject options (defaults and their checks) and how subjects are described, without starting anything. */
import { describe, expect, test } from "vitest";
import { UsageError } from "../errors.ts";
import { fixture } from "./fixtures/harness.ts";
import { MODULE_IN_FLIGHT_DEFAULT, openModuleSubject } from "./module-subject.ts";
import { PROCESS_IN_FLIGHT_DEFAULT, openProcessSubject } from "./process-subject.ts";
import { SUBJECT_DEFAULTS, withDefaults } from "./subject.ts";

describe("withDefaults", () => {
  test("the documented defaults (subject.ts), maxInFlight from the kind of subject", () => {
    expect(SUBJECT_DEFAULTS).toEqual({
      timeoutMs: 10_000,
      maxRestarts: 25,
      maxFailedStartsInARow: 3,
      maxDeathsPerOp: 3,
      maxLineBytes: 64 * 1024 * 1024,
      closeGraceMs: 1000,
      startGraceMs: 5000,
      captureBytes: 4096,
      maxFaultsLogged: 1000,
      maxHeapMb: 2048,
    });
    expect(withDefaults({}, 7)).toEqual({ ...SUBJECT_DEFAULTS, maxInFlight: 7 });
    expect([PROCESS_IN_FLIGHT_DEFAULT, MODULE_IN_FLIGHT_DEFAULT]).toEqual([64, 16]);
  });
  test("given values win", () => {
    const given = {
      timeoutMs: 1,
      maxInFlight: 2,
      maxRestarts: 3,
      maxFailedStartsInARow: 4,
      maxDeathsPerOp: 11,
      maxLineBytes: 5,
      closeGraceMs: 6,
      startGraceMs: 7,
      captureBytes: 8,
      maxFaultsLogged: 9,
      maxHeapMb: 10,
    };
    expect(withDefaults(given, 64)).toEqual(given);
  });
  test("every option must be a safe integer, at least 1 (maxRestarts and startGraceMs: at least 0)", () => {
    const names = ["timeoutMs", "maxInFlight", "maxRestarts", "maxFailedStartsInARow", "maxDeathsPerOp", "maxLineBytes", "closeGraceMs", "startGraceMs", "captureBytes", "maxFaultsLogged", "maxHeapMb"];
    for (const name of names) {
      const least = name === "maxRestarts" || name === "startGraceMs" ? 0 : 1;
      expect(withDefaults({ [name]: least }, 1)[name as keyof ReturnType<typeof withDefaults>]).toBe(least);
      for (const bad of [least - 1, 1.5, Number.NaN, 2 ** 53, Number.POSITIVE_INFINITY]) {
        let error: unknown;
        try {
          withDefaults({ [name]: bad }, 1);
        } catch (e) {
          error = e;
        }
        expect(error, `${name} = ${bad}`).toBeInstanceOf(UsageError);
        expect((error as Error).message).toBe(`subject option ${name} must be an integer >= ${least}, got ${String(bad)}`);
      }
    }
  });
});

describe("opening without starting", () => {
  test("a program subject is described by its command line and starts nothing until called", async () => {
    const subject = openProcessSubject("python3 impl.py --fast");
    expect(subject.description).toBe('command "python3 impl.py --fast"');
    expect(subject.log().instances).toEqual([]);
    const split = openProcessSubject(["node", "my impl.mjs"]);
    expect(split.description).toBe('command "node my impl.mjs"');
    expect(() => openProcessSubject([])).toThrow(/^openProcessSubject: empty argv$/);
    expect(() => openProcessSubject("x", { maxInFlight: 0 })).toThrow(UsageError);
    expect((await subject.close()).instances).toEqual([]);
  });
  test("a module subject is described by its path", async () => {
    const path = fixture("good-module.mjs");
    const subject = openModuleSubject(path);
    expect(subject.description).toBe(`module ${path}`);
    expect(subject.log()).toMatchObject({ requestsSent: 0, instances: [], stoppedBecause: null });
    expect(() => openModuleSubject(`${path}.missing`)).toThrow(`--subject ${JSON.stringify(`${path}.missing`)}: no such file`);
    expect(() => openModuleSubject(path, { timeoutMs: -5 })).toThrow(/timeoutMs must be an integer >= 1/);
    await subject.close();
  });
});
