/** Messages between `bonkl serve` and its worker threads (serve-pool.ts, serve-worker.ts). */
import type { AnswerBody } from "./oracle-answer.ts";

export interface ComputeRequest {
  /** The pool's own number for the job (request ids may repeat). */
  readonly seq: number;
  readonly op: string;
  readonly args: unknown;
  readonly digits: number;
}

export interface ComputeReply {
  readonly seq: number;
  readonly body: AnswerBody;
}
