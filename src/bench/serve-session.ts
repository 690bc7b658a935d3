/**
 * Times requests through the real `bonkl serve` process (started as bonkl-cli.ts says). One fresh process per
 * call of `timeServe`: a `capabilities` request and the timed request are written at spawn, so
 *   - start-up = spawn -> the first answer, normally capabilities' (node, module loading, and a worker thread with
 *     its MPFR wasm: the op names come from a worker);
 *   - cold     = spawn -> answer of the request: what a first user waits;
 *   - cold request alone = cold - start-up (the server is ready, the request already waiting). The two requests may
 *     go to different workers, and a quick request can be answered before capabilities: then start-up is its answer
 *     and the request alone took 0 after it.
 *   - warm     = the same request again, each sent after the previous answer: write -> answer.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { bonklCommand } from "./bonkl-cli.ts";

export interface ServeAnswer {
  value: string;
  enclosure: [string, string];
}

export interface ServeTiming {
  startupSeconds: number;
  coldSeconds: number;
  coldRequestSeconds: number;
  warmSeconds: number[];
  answer: ServeAnswer;
}

interface Pending {
  resolve: (response: { at: number; body: Record<string, unknown> }) => void;
}

/** Runs one fresh `bonkl serve --digits <digits>` and times `op(args)` cold, then `warmRepeats` times warm. */
export async function timeServe(op: string, args: unknown, options: { digits: number; warmRepeats: number; timeoutMs?: number }): Promise<ServeTiming> {
  const { program, args: argv } = bonklCommand(["serve", "--digits", String(options.digits)]);
  const pending = new Map<number, Pending>();
  let stderr = "";
  const started = performance.now();
  const child = spawn(program, argv, { stdio: ["pipe", "pipe", "pipe"] });
  const failed = new Promise<never>((_, reject) => {
    child.on("error", (error) => reject(new Error(`bonkl serve did not start: ${error.message}`)));
    child.on("exit", (code, signal) => {
      if (pending.size > 0) reject(new Error(`bonkl serve exited (${signal ?? `code ${code}`}) with ${pending.size} request(s) unanswered: ${stderr.trim().split("\n").slice(-3).join(" | ")}`));
    });
  });
  failed.catch(() => undefined);
  const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 900_000);
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
  createInterface({ input: child.stdout }).on("line", (line) => {
    const at = performance.now();
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return; // not a response line: the exit handler reports what stays unanswered
    }
    const waiting = pending.get(body.id as number);
    if (waiting === undefined) return;
    pending.delete(body.id as number);
    waiting.resolve({ at, body });
  });
  const ask = (id: number, line: string): Promise<{ at: number; body: Record<string, unknown> }> => {
    const answered = new Promise<{ at: number; body: Record<string, unknown> }>((resolve) => pending.set(id, { resolve }));
    child.stdin.write(`${line}\n`);
    return Promise.race([answered, failed]);
  };
  const requestLine = (id: number) => JSON.stringify({ id, op, args });
  try {
    const capabilities = ask(0, JSON.stringify({ id: 0, op: "capabilities", args: {} }));
    const first = ask(1, requestLine(1));
    const ready = await capabilities;
    const cold = await first;
    const answer = answerOf(cold.body);
    const warmSeconds: number[] = [];
    for (let i = 0; i < options.warmRepeats; i++) {
      const sent = performance.now();
      const again = await ask(2 + i, requestLine(2 + i));
      warmSeconds.push((again.at - sent) / 1000);
      const repeat = answerOf(again.body);
      if (repeat.value !== answer.value) throw new Error(`bonkl serve answered ${repeat.value} warm but ${answer.value} cold`);
    }
    const firstAnswer = Math.min(ready.at, cold.at);
    return {
      startupSeconds: (firstAnswer - started) / 1000,
      coldSeconds: (cold.at - started) / 1000,
      coldRequestSeconds: (cold.at - firstAnswer) / 1000,
      warmSeconds,
      answer,
    };
  } finally {
    clearTimeout(timer);
    child.stdin.end();
    if (child.exitCode === null && child.signalCode === null) await new Promise((resolve) => child.once("exit", resolve));
  }
}

function answerOf(body: Record<string, unknown>): ServeAnswer {
  if (typeof body.error === "string") throw new Error(`bonkl serve answered an error: ${body.error}`);
  const enclosure = body.enclosure as [string, string] | undefined;
  if (typeof body.value !== "string" || !Array.isArray(enclosure)) throw new Error(`bonkl serve answered no value: ${JSON.stringify(body).slice(0, 200)}`);
  return { value: body.value, enclosure };
}
