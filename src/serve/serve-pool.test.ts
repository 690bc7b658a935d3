// The worker pool of `bonkl serve` (issue 16): a request past its deadlineMs is answered with an error at once and
// its computation stopped, and small requests do not wait behind huge ones. The huge request is a uniform klBon with
// L = 200,000 to 300 digits: about 25 s of oracle work on this machine (3 s at 10 digits since the levels are
// streamed: too close to the deadlines below).
import { afterAll, describe, expect, test } from "vitest";
import { ComputePool, LARGE_REQUEST_VALUES } from "./serve-pool.ts";

const L = 200_000;
const huge = { op: "klBon", args: { p: Array.from({ length: L }, () => "0.000005"), n: 2 }, digits: 300, values: L + 3 };
const small = { op: "klFormula", args: { n: 2 }, digits: 10, values: 2, deadlineMs: null };

describe("ComputePool", () => {
  const pool = new ComputePool(2);
  afterAll(() => pool.close());

  test("the pieces: the huge request counts as large", () => {
    expect(huge.values).toBeGreaterThan(LARGE_REQUEST_VALUES);
  });

  test("a small request is answered while two huge ones hold back; deadlines stop both huge ones, running or queued", async () => {
    pool.warmUp();
    expect(await pool.submit(small)).toEqual({ value: "1.931471806e-1", enclosure: ["1.93147180559e-1", "1.9314718056e-1"] }); // workers ready
    const started = performance.now();
    const finished: string[] = [];
    const track = (name: string, promise: Promise<unknown>) => promise.then((body) => (finished.push(name), { body, ms: performance.now() - started }));
    const running = track("huge running", pool.submit({ ...huge, deadlineMs: 4000 }));
    const queued = track("huge queued", pool.submit({ ...huge, deadlineMs: 3000 }));
    const quick = track("small", pool.submit(small));
    const [a, b, c] = await Promise.all([running, queued, quick]);
    expect(c.body).toMatchObject({ value: "1.931471806e-1" });
    expect(finished[0], "the small request did not wait for the huge ones (answered before the first deadline)").toBe("small");
    expect(b.body).toEqual({ error: "deadline exceeded: no answer within 3000 ms (deadlineMs); the computation was stopped" });
    expect(a.body).toEqual({ error: "deadline exceeded: no answer within 4000 ms (deadlineMs); the computation was stopped" });
    expect(a.ms).toBeGreaterThanOrEqual(3900);
    expect(a.ms, "answered at the deadline, not when the computation would have ended (10 s or more)").toBeLessThan(7000);
    expect(b.ms).toBeGreaterThanOrEqual(2900);
    // the stopped worker was replaced: the pool still answers
    expect(await pool.submit(small)).toMatchObject({ value: "1.931471806e-1" });
  });

  test("a closed pool answers with an error and never hangs", async () => {
    const closed = new ComputePool(1);
    await closed.close();
    expect(await closed.submit(small)).toEqual({ error: "internal error: the server is shutting down" });
  });
});
