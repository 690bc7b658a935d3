// `bonkl serve` against a hostile client, through the real process (issue 16): an over-long line is answered with
// an error and the server goes on, in bounded memory; a huge request neither blocks a small one nor outlives its
// deadlineMs; a client that closes stdout (`bonkl serve | head -1`) ends the server quietly, exit 0.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { BONKL_BIN } from "./run-bonkl.ts";

interface Server {
  readonly pid: number;
  readonly lines: string[];
  stderr: string;
  write(text: string | Buffer): Promise<void>;
  end(): void;
  /** Exit code and signal, once the process has exited (killed with its group after `limitMs`). */
  readonly exit: Promise<{ code: number | null; signal: string | null }>;
  /** Resolves when `count` response lines have arrived. */
  responses(count: number): Promise<string[]>;
  /** The process's peak resident memory so far, in MiB (VmHWM). */
  peakMiB(): number;
  closeStdout(): void;
}

function startServer(args: string[] = [], limitMs = 60_000): Server {
  const child = spawn(process.execPath, [BONKL_BIN, "serve", ...args], { detached: true, stdio: ["pipe", "pipe", "pipe"] });
  const pid = child.pid as number;
  const lines: string[] = [];
  let buffered = "";
  const waiters: (() => void)[] = [];
  child.stdout.on("data", (chunk: Buffer) => {
    buffered += chunk.toString();
    const parts = buffered.split("\n");
    buffered = parts.pop() as string;
    lines.push(...parts);
    for (const wake of waiters.splice(0)) wake();
  });
  const server: Server = {
    pid,
    lines,
    stderr: "",
    write: (text) => new Promise((resolve) => (child.stdin.write(text) ? resolve() : child.stdin.once("drain", () => resolve()))),
    end: () => child.stdin.end(),
    exit: new Promise((resolve) => {
      const timer = setTimeout(() => process.kill(-pid, "SIGKILL"), limitMs);
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal });
      });
    }),
    responses: async (count) => {
      while (lines.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
      return lines.slice(0, count);
    },
    peakMiB: () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]) / 1024,
    closeStdout: () => child.stdout.destroy(),
  };
  child.stdin.on("error", () => undefined);
  child.stderr.on("data", (chunk: Buffer) => (server.stderr += chunk.toString()));
  return server;
}

describe("bonkl serve against a hostile client", () => {
  test("a 100 MB line: an error naming its id and size, skipped in bounded memory, the server goes on; then stdout closed (| head -1): a quiet exit 0", async () => {
    const server = startServer(["--workers", "1"]);
    const head = '{"id": 4, "op": "klBon", "args": {"n": 2, "p": [';
    await server.write(head);
    const chunk = Buffer.alloc(1 << 20, 0x31);
    for (let i = 0; i < 100; i++) await server.write(chunk);
    await server.write('\n{"id": 5, "op": "klFormula", "args": {"n": 2}}\n');
    const responses = (await server.responses(2)).map((l) => JSON.parse(l) as { id: number });
    const peak = server.peakMiB();
    expect(responses).toContainEqual({ id: 4, error: `invalid request: a line of ${head.length + 100 * 2 ** 20} bytes, over the 64 MiB limit of bonkl serve: skipped unread` });
    expect(responses).toContainEqual(expect.objectContaining({ id: 5, value: "1.931471805599453094172321214581765680755e-1" }));
    expect(peak, "the line is not held: at most the 64 MiB limit is buffered").toBeLessThan(400);
    // the client goes away: the next answers cannot be written; stdin stays open
    server.closeStdout();
    for (let id = 6; id < 9; id++) await server.write(`{"id": ${id}, "op": "klFormula", "args": {"n": 2}}\n`);
    const closed = performance.now();
    expect(await server.exit).toEqual({ code: 0, signal: null });
    expect(performance.now() - closed).toBeLessThan(10_000);
    expect(server.stderr).toBe("");
  });
});
