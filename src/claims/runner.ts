/**
 * Runs many claims, in parallel on worker threads (one per core, at most `workers`), and gathers their
 * results in claim order. Used by `bonkl claims` and by the deep run that feeds spec/claims.md.
 */
import { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";
import type { Claim } from "./claim.ts";
import { type ClaimRun, type RunOptions, runClaim } from "./run-claim.ts";

export interface RunManyOptions extends Omit<RunOptions, "onCase"> {
  /** Worker threads (default: the machine's cores; 0 runs in this thread). */
  workers?: number;
  onProgress?: (id: string, done: number, total: number) => void;
  onResult?: (run: ClaimRun) => void;
}

export async function runClaims(claims: readonly Claim<unknown>[], options: RunManyOptions): Promise<ClaimRun[]> {
  const { workers: requested, onProgress, onResult, ...runOptions } = options;
  const workers = Math.min(requested ?? availableParallelism(), claims.length);
  const results = new Map<string, ClaimRun>();
  if (workers <= 0) {
    for (const claim of claims) {
      const run = runClaim(claim, { ...runOptions, onCase: (done, total) => onProgress?.(claim.id, done, total) });
      results.set(claim.id, run);
      onResult?.(run);
    }
    return claims.map((c) => results.get(c.id) as ClaimRun);
  }
  const queue = claims.map((c) => c.id);
  await Promise.all(
    Array.from({ length: workers }, () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(new URL("./worker.mjs", import.meta.url));
        const next = () => {
          const id = queue.shift();
          if (id === undefined) {
            void worker.terminate().then(() => resolve());
            return;
          }
          worker.postMessage({ id, options: runOptions });
        };
        worker.on("message", (m: { type: string; id: string; done?: number; total?: number; run?: ClaimRun; message?: string }) => {
          if (m.type === "ready") next();
          else if (m.type === "progress") onProgress?.(m.id, m.done ?? 0, m.total ?? 0);
          else if (m.type === "result" && m.run) {
            results.set(m.id, m.run);
            onResult?.(m.run);
            next();
          } else if (m.type === "error") {
            void worker.terminate();
            reject(new Error(`claim ${m.id}: ${m.message}`));
          }
        });
        worker.on("error", reject);
      }),
    ),
  );
  return claims.map((c) => results.get(c.id) as ClaimRun);
}
