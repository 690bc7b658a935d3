import { describe, expect, it } from "vitest";
import { panelById } from "./panels.ts";
import { computeRows } from "./row-pool.ts";

describe("computeRows", () => {
  it("gives the same rows, in job order, on worker threads as in this thread", async () => {
    const panel = panelById("figure-3-left")!;
    const jobs = [1000, 1, 37, 1e6].map((n) => ({ panel, n }));
    const seen: number[] = [];
    const onWorkers = await computeRows(jobs, { workers: 2, onRow: (_job, done) => seen.push(done) });
    expect(onWorkers).toEqual(await computeRows(jobs, { workers: 0 }));
    expect(onWorkers.map((r) => r.n)).toEqual([1000, 1, 37, 1e6]);
    expect(seen).toEqual([1, 2, 3, 4]);
  });
});
