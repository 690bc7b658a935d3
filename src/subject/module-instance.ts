/**
 * One run of a module subject: a host process (module-host/module-host.mjs, run by node with a heap limit, in a
 * session of its own like a program) loads the module and speaks the protocol on fds 3 and 4 (child-instance.ts). Being a
 * process, it can be killed in any state: inside a synchronous loop, blocked in a system call (a read on a FIFO, a
 * `sleep` run synchronously), out of memory. Its console output (stdout and stderr) is captured, never read as
 * protocol. This class turns the host's own messages (ready, load error, a value that cannot be sent, changed
 * inputs, an error outside any call) into reports, and names a death by running out of memory.
 */
import { fileURLToPath } from "node:url";
import { describeValue } from "../errors.ts";
import { OP_NAMES } from "../protocol/messages.ts";
import { ChildInstance } from "./child-instance.ts";
import type { InstanceSink } from "./instance.ts";

export interface ModuleInstanceOptions {
  /** file: URL of the module. */
  moduleUrl: string;
  /** file: URL of tsx's ESM API (`tsx/esm/api`), registered in the host before loading a TypeScript module; else null. */
  tsxUrl: string | null;
  captureBytes: number;
  /** The host's heap limit (node's --max-old-space-size), in MiB. */
  maxHeapMb: number;
  /** Longest answer line, in bytes: the host refuses to write a longer one, bonkl skips one unread. */
  maxLineBytes: number;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

const HOST_SCRIPT = fileURLToPath(new URL("./module-host/module-host.mjs", import.meta.url));
/** What node writes on stderr when the heap limit is reached (then it aborts). */
const OUT_OF_MEMORY = "JavaScript heap out of memory";

/** The host's own messages (module-host.mjs); any other line is an answer. */
type HostMessage =
  | { host: "ready" }
  | { host: "load-error" | "uncaught"; message: string }
  | { host: "mutated" | "invalid" | "too-large"; id: number; detail: string };

export class ModuleInstance extends ChildInstance {
  /** The module host runs calls one at a time, in the order received (module-host/module-host.mjs). */
  readonly runsOneAtATime = true;
  private loaded = false;
  private outOfMemory = false;
  /** The end of stderr so far, to find OUT_OF_MEMORY even when it is cut across chunks. */
  private stderrEnd = "";

  constructor(private readonly module: ModuleInstanceOptions) {
    const config = { moduleUrl: module.moduleUrl, tsxUrl: module.tsxUrl, opNames: [...OP_NAMES], maxLineBytes: module.maxLineBytes };
    super(
      {
        argv: [process.execPath, `--max-old-space-size=${module.maxHeapMb}`, HOST_SCRIPT, JSON.stringify(config)],
        maxLineBytes: module.maxLineBytes,
        captureBytes: module.captureBytes,
        ...(module.cwd === undefined ? {} : { cwd: module.cwd }),
        ...(module.env === undefined ? {} : { env: module.env }),
      },
      "host",
    );
  }

  protected override spawned(): void {
    // Not ready until the host says the module has loaded (the supervisor's load timer bounds the wait).
  }

  protected override onChannelMessage(body: unknown, text: string): void {
    const sink = this.sink as InstanceSink;
    if (!isHostMessage(body)) {
      const answer = body as { value?: unknown; error?: unknown };
      this.forward(body, typeof answer === "object" && answer !== null && "error" in answer ? describeValue(answer.error) : describeValue(answer?.value));
      return;
    }
    const message = body as HostMessage;
    switch (message.host) {
      case "ready":
        if (this.loaded) return;
        this.loaded = true;
        sink.ready(true);
        return;
      case "load-error":
        sink.lost("start-failed", `the module failed to load: ${String(message.message)}`);
        return;
      case "uncaught":
        sink.lost("worker-error", `the module failed outside a call: ${String(message.message)}`);
        return;
      case "mutated":
        sink.notice("mutated-input", String(message.detail), [message.id]);
        return;
      case "invalid":
      case "too-large":
        this.forwardBad(message.host === "invalid" ? "invalid-response" : "line-too-long", String(message.detail), safeId(message.id), "");
        return;
      default:
        this.forward(body, text); // an unknown host message: the supervisor finds it is no response
    }
  }

  protected override onStderr(chunk: Buffer): void {
    if (this.outOfMemory) return;
    const text = this.stderrEnd + chunk.toString("latin1");
    if (text.includes(OUT_OF_MEMORY)) this.outOfMemory = true;
    this.stderrEnd = text.slice(-OUT_OF_MEMORY.length);
  }

  protected override ended(exit: { code: number | null; signal: string | null }): void {
    const sink = this.sink as InstanceSink;
    const how = exit.signal !== null ? `was killed by signal ${exit.signal}` : `exited with status ${exit.code}`;
    const memory = `ran out of memory (its heap limit is ${this.module.maxHeapMb} MiB; node: "${OUT_OF_MEMORY}") and ${how}`;
    if (!this.loaded) sink.lost("start-failed", this.outOfMemory ? `the module ${memory} while loading` : `the module's host ${how} before the module loaded`);
    else if (this.outOfMemory) sink.lost("crashed", `the module ${memory}`);
    else super.ended(exit);
  }
}

function isHostMessage(body: unknown): boolean {
  return typeof body === "object" && body !== null && !Array.isArray(body) && typeof (body as { host?: unknown }).host === "string";
}

function safeId(id: unknown): number | undefined {
  return Number.isSafeInteger(id) ? (id as number) : undefined;
}
