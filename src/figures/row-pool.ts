/**
 * Computes figure rows, either in this thread (workers <= 1) or on a pool of worker threads that each take
 * the next job when they finish one. Jobs run in the order given, so put the costly ones first; results come
 * back in that order too, whatever order they finish in.
 */
import { Worker } from "node:worker_threads";
import { computeRow, type PanelRow } from "./panel-row.ts";
import type { Panel } from "./panels.ts";
import type { RowReply } from "./row-messages.ts";

export interface RowJob {
  readonly panel: Panel;
  readonly n: number;
}

export interface RowPoolOptions {
  /** Worker threads to use; 0 or 1 computes in this thread. */
  workers: number;
  /** Called after each row, with how many are done. */
  onRow?: (job: RowJob, done: number, total: number) => void;
}

const WORKER_ENTRY = new URL("./row-worker-entry.mjs", import.meta.url);

function computeInline(jobs: readonly RowJob[], options: RowPoolOptions): PanelRow[] {
  return jobs.map((job, i) => {
    const row = computeRow(job.panel, job.n);
    options.onRow?.(job, i + 1, jobs.length);
    return row;
  });
}

function computeOnWorkers(jobs: readonly RowJob[], options: RowPoolOptions): Promise<PanelRow[]> {
  const rows: (PanelRow | undefined)[] = new Array(jobs.length);
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;
  return new Promise<PanelRow[]>((resolve, reject) => {
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve(rows as PanelRow[]);
    };
    const feed = (worker: Worker) => {
      if (next >= jobs.length) return;
      const index = next++;
      const job = jobs[index] as RowJob;
      worker.postMessage({ index, panelId: job.panel.id, n: job.n });
    };
    const count = Math.max(1, Math.min(options.workers, jobs.length));
    for (let w = 0; w < count; w++) {
      const worker = new Worker(WORKER_ENTRY, { execArgv: [] });
      workers.push(worker);
      worker.on("message", (reply: RowReply) => {
        if ("error" in reply) return finish(new Error(reply.error));
        rows[reply.index] = reply.row;
        done++;
        options.onRow?.(jobs[reply.index] as RowJob, done, jobs.length);
        if (done === jobs.length) finish();
        else feed(worker);
      });
      worker.on("error", (error) => finish(error));
      worker.on("exit", (code) => {
        if (!settled) finish(new Error(`a figure worker stopped unexpectedly (exit code ${code})`));
      });
      feed(worker);
    }
  });
}

/** The rows of `jobs`, in job order. */
export async function computeRows(jobs: readonly RowJob[], options: RowPoolOptions): Promise<PanelRow[]> {
  if (jobs.length === 0) return [];
  return options.workers <= 1 ? computeInline(jobs, options) : computeOnWorkers(jobs, options);
}
