/**
 * Generating, asking and grading in a bounded window, so that a check's memory does not grow with --runs (`check
 * --runs 1000000` built and queued every case of every pair up front and died of a heap OOM at 4.3 GB).
 *
 * One producer walks the pairs in order: it generates each pair's cases lazily, in fast-check's order (the values a
 * later `path` replays, so shrinking still starts from the case graded), asks the subject for each, and hands the
 * pending answer to that pair's grader. It stops while WINDOW_CASES cases (or WINDOW_WEIGHT values in their args)
 * are asked and not yet graded, so the subject is kept busy (requests stay pipelined, across pairs too) while only
 * a window of cases and answers is alive.
 */
import fc from "fast-check";
import type { Answer } from "../subject/subject.ts";
import type { Case } from "./case.ts";

/** Most cases asked and not yet graded. */
export const WINDOW_CASES = 1024;
/** Most array entries (plus one per case) in the args of cases asked and not yet graded: large-L cases are heavy. */
export const WINDOW_WEIGHT = 1 << 21;

/** A case on its way: its index in its pair, the case, and the subject's answer to come. */
export interface AskedCase {
  readonly index: number;
  readonly case: Case;
  readonly answer: Promise<Answer>;
}

/** 1 + the entries of the arrays among the case's args (p, r): what holding the case costs, roughly. */
export function caseWeight(c: Case): number {
  let weight = 1;
  for (const value of Object.values(c.args)) if (Array.isArray(value)) weight += value.length;
  return weight;
}

/**
 * The cases fast-check generates for an arbitrary, in order, one at a time as they are pulled: the same values as
 * collectCases (case.ts), but the property waits until its case is taken before it returns, so fast-check generates
 * no case ahead of its consumer. When the consumer stops early, the run stays suspended on an unresolved promise
 * (no timer holds it) and is collected with the generator.
 */
export async function* lazyCases(arbitrary: fc.Arbitrary<Case>, seed: number, runs: number): AsyncGenerator<Case> {
  // a one-case slot between fast-check's run loop and this generator
  let offer = (_c: Case | null): void => undefined;
  let next = new Promise<Case | null>((resolve) => (offer = resolve));
  let taken: (() => void) | null = null;
  let failure: unknown = null;
  void fc
    .check(
      fc.asyncProperty(arbitrary, async (c) => {
        const give = offer;
        next = new Promise<Case | null>((resolve) => (offer = resolve)); // the slot of the following case
        const wasTaken = new Promise<void>((resolve) => (taken = resolve));
        give(c);
        await wasTaken;
        return true;
      }),
      { seed, numRuns: runs },
    )
    .then(
      (details) => {
        if (details.failed) failure = details.errorInstance ?? new Error(`case generation failed (seed ${seed})`);
      },
      (error: unknown) => (failure = error),
    )
    .finally(() => offer(null));
  for (;;) {
    const c = await next;
    if (c === null) break;
    const release = taken as (() => void) | null;
    taken = null;
    yield c;
    release?.();
  }
  if (failure !== null) throw failure;
}

/** An async queue with one consumer: items pushed by the producer, an end, or a failure. */
class AskedQueue implements AsyncIterable<AskedCase> {
  private readonly items: AskedCase[] = [];
  private ended = false;
  private failure: unknown = null;
  private wake: (() => void) | null = null;

  push(item: AskedCase): void {
    this.items.push(item);
    this.notify();
  }

  end(failure: unknown = null): void {
    this.ended = true;
    this.failure ??= failure;
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<AskedCase> {
    for (;;) {
      const item = this.items.shift();
      if (item !== undefined) {
        yield item;
        continue;
      }
      if (this.failure !== null) throw this.failure;
      if (this.ended) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}

export interface WindowSource<P> {
  /** The cases of a pair, lazily, in order. */
  cases(plan: P): AsyncIterable<Case>;
  /** Asks the subject for one case of a pair. */
  ask(plan: P, c: Case): Promise<Answer>;
}

/** The producer and the window: one stream of asked cases per pair; `graded()` after each case graded. */
export class CaseWindow<P> {
  readonly streams: readonly AsyncIterable<AskedCase>[];
  private readonly queues: AskedQueue[];
  private readonly weights: number[] = [];
  private cases = 0;
  private weight = 0;
  private stopped = false;
  private wake: (() => void) | null = null;

  constructor(
    private readonly plans: readonly P[],
    private readonly source: WindowSource<P>,
    private readonly maxCases = WINDOW_CASES,
    private readonly maxWeight = WINDOW_WEIGHT,
  ) {
    this.queues = plans.map(() => new AskedQueue());
    this.streams = this.queues;
  }

  /** Starts producing (resolves when every pair is produced, or the window is stopped). */
  async run(): Promise<void> {
    for (const [i, plan] of this.plans.entries()) {
      const queue = this.queues[i] as AskedQueue;
      try {
        let index = 0;
        for await (const c of this.source.cases(plan)) {
          const weight = caseWeight(c);
          await this.room(weight);
          if (this.stopped) break;
          this.cases += 1;
          this.weight += weight;
          this.weights.push(weight);
          const answer = this.source.ask(plan, c);
          answer.catch(() => undefined); // awaited by the grader; not an unhandled rejection if it never is
          queue.push({ index, case: c, answer });
          index += 1;
        }
        queue.end();
      } catch (error) {
        queue.end(error);
      }
      if (this.stopped) break;
    }
    for (const queue of this.queues) queue.end();
  }

  /** A case was graded (or dropped): its room is free again. Cases are graded in the order they were asked. */
  graded(): void {
    const weight = this.weights.shift() ?? 0;
    this.cases -= 1;
    this.weight -= weight;
    this.notify();
  }

  /** Stops producing: no further case is generated or asked. */
  stop(): void {
    this.stopped = true;
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private async room(weight: number): Promise<void> {
    // a case heavier than the whole window still goes alone
    while (!this.stopped && this.cases > 0 && (this.cases >= this.maxCases || this.weight + weight > this.maxWeight)) {
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}
