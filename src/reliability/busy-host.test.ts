// bonkl's own event loop is blocked for a while (the oracle certifies synchronously: a large-L case takes seconds)
// while a fast subject answers. The answer is already waiting in the pipe when bonkl wakes up: the subject must not
// be called hung because bonkl was busy, whether the hang timer then fires late or almost on time. (Found with `bonkl check --domain large-L --timeout
// 1000` on a correct, fast program subject: every large case was a "timeout" fault.)
import { describe, expect, test } from "vitest";
import { openModuleSubject } from "../subject/module-subject.ts";
import { openProcessSubject } from "../subject/process-subject.ts";
import type { Subject } from "../subject/subject.ts";
import { quote, subjectFixture } from "./harness.ts";

const TIMEOUT_MS = 300;

/** Keeps this thread busy for `ms`, as a long synchronous oracle computation does. */
function busyFor(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

async function answerAfterBusyHost(subject: Subject, args: object = { n: 4 }, busyMs = 3 * TIMEOUT_MS): Promise<string> {
  try {
    const first = await subject.call("klFormula", { n: 3 }); // started and warm: no start-up grace any more
    expect(first.kind).toBe("value");
    const pending = subject.call("klFormula", args);
    // Sent at once; the subject answers within milliseconds, while this thread is busy. (The conformance engine
    // computes between answers after `await setImmediate`: block in that phase too.)
    await new Promise<void>((resolve) => setImmediate(() => {
      busyFor(busyMs);
      resolve();
    }));
    const answer = await pending;
    return answer.kind === "fault" ? `fault ${answer.fault}: ${answer.detail}` : answer.kind;
  } finally {
    await subject.close();
  }
}

describe("a busy bonkl does not call a fast subject hung", () => {
  test("program subject", async () => {
    const subject = openProcessSubject(`${quote(process.execPath)} ${quote(subjectFixture("echo-subject.mjs"))}`, { timeoutMs: TIMEOUT_MS, startGraceMs: 5000 });
    expect(await answerAfterBusyHost(subject)).toBe("value");
  });

  test("program subject, bonkl busy until just past the timeout (the timer fires almost on time): the answer waiting in the pipe is read before any verdict", async () => {
    // The hang timer is due TIMEOUT_MS after the request was sent and fires about 20 ms late, under the 50 ms that
    // would mark it late: only reading the pipe before judging shows the answer that came within milliseconds.
    const subject = openProcessSubject(`${quote(process.execPath)} ${quote(subjectFixture("echo-subject.mjs"))}`, { timeoutMs: TIMEOUT_MS, startGraceMs: 5000 });
    expect(await answerAfterBusyHost(subject, { n: 4 }, TIMEOUT_MS + 20)).toBe("value");
  });

  test("a hung subject is still called hung once bonkl listens again", async () => {
    const subject = openProcessSubject(`${quote(process.execPath)} ${quote(subjectFixture("hang-one.mjs"))}`, { timeoutMs: TIMEOUT_MS, startGraceMs: 5000 });
    expect(await answerAfterBusyHost(subject, { n: 4, hang: true })).toMatch(/^fault timeout/);
  });

  test("module subject", async () => {
    const subject = openModuleSubject(subjectFixture("good-module.mjs"), { timeoutMs: TIMEOUT_MS, startGraceMs: 5000 });
    expect(await answerAfterBusyHost(subject)).toBe("value");
  });
});
