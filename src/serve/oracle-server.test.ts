/**
 * `bonkl serve`: one request line in, one response line out. Values are checked against digits known independently
 * (ln 2 = 0.69314718055994530941723212145817656807550013...; dyadic values printed exactly).
 */
import { Readable, Writable } from "node:stream";
import { afterEach, describe, expect, test } from "vitest";
import { answerLine } from "./answer-line.ts";
import { serveStdio } from "./oracle-server.ts";
import { opNames } from "../oracle/index.ts";

const answer = (request: unknown, digits = 10): unknown => JSON.parse(answerLine(typeof request === "string" ? request : JSON.stringify(request), { digits }) as string);

describe("answerLine", () => {
  test("blank lines get no answer", () => {
    expect(answerLine("", { digits: 10 })).toBeNull();
    expect(answerLine("   \t", { digits: 10 })).toBeNull();
  });

  test("requests that cannot be read", () => {
    expect(answer("{not json")).toEqual({ id: null, error: "invalid request: not JSON" });
    expect(answer({ op: "klFormula" })).toEqual({ id: null, error: "invalid request: missing integer id" });
    expect(answer({ id: 1.5, op: "klFormula" })).toEqual({ id: null, error: "invalid request: missing integer id" });
    expect(answer({ id: "1", op: "klFormula" })).toEqual({ id: null, error: "invalid request: missing integer id" });
    expect(answer("null")).toEqual({ id: null, error: "invalid request: missing integer id" });
    expect(answer("7")).toEqual({ id: null, error: "invalid request: missing integer id" });
    expect(answer({ id: 3, op: 5 })).toEqual({ id: 3, error: "invalid request: op must be a string" });
    expect(answer({ id: 0 })).toEqual({ id: 0, error: "invalid request: op must be a string" });
  });

  test("capabilities lists every op the oracle knows", () => {
    expect(answer({ id: 1, op: "capabilities" })).toEqual({ id: 1, value: [...opNames] });
    expect(opNames).toContain("klBon");
  });

  test("a scalar: the certified digits, and the enclosure to two more digits, rounded outward", () => {
    // klFormula(2) = ln 2 - 1/2 = 0.19314718055994530941723...
    expect(answer({ id: 7, op: "klFormula", args: { n: 2 } })).toEqual({
      id: 7,
      value: "1.931471806e-1",
      enclosure: ["1.93147180559e-1", "1.9314718056e-1"],
    });
    expect(answer({ id: 8, op: "klFormula", args: { n: 1 } }, 5)).toEqual({ id: 8, value: "0", enclosure: ["0", "0"] });
  });

  test("a vector: one value and one enclosure per outcome", () => {
    // p = (1/2, 1/2), n = 2: pi = (1/4, 3/4) exactly
    const response = answer({ id: 2, op: "bonPmf", args: { p: [0.5, 0.5], n: 2 } }) as { id: number; value: string[]; enclosure: [string, string][] };
    expect(response.id).toBe(2);
    expect(response.value).toEqual(["2.5e-1", "7.5e-1"]);
    expect(response.enclosure).toHaveLength(2);
    response.enclosure.forEach(([lo, hi], i) => {
      const exact = [0.25, 0.75][i]!;
      expect(Number(lo)).toBeLessThanOrEqual(exact);
      expect(Number(hi)).toBeGreaterThanOrEqual(exact);
      expect(lo).toMatch(/^\d(\.\d{1,11})?e-1$/); // at most digits + 2 = 12 significant digits (trailing zeros dropped)
    });
    // binary64 0.1 is not 1/10: each entry's ends differ, directed outwards at 12 digits
    const inexact = answer({ id: 3, op: "bonPmf", args: { p: [0.1, 0.9], n: 3 } }) as { enclosure: [string, string][] };
    expect(inexact.enclosure[0]).toEqual(["1e-3", "1.00000000001e-3"]); // 0.1^3 = 1.000000000000000166...e-3
  });

  test("errors: invalid input with its field, unknown ops, missing args", () => {
    expect(answer({ id: 4, op: "klBon", args: { p: [0.5, 0.4], n: 2 } })).toEqual({ id: 4, error: "p: must sum to 1 within 1e-6 (the sum is shown), got 0.9" });
    expect(answer({ id: 5, op: "noSuchOp", args: {} })).toEqual({ id: 5, error: "unsupported op" });
    expect(answer({ id: 6, op: "klFormula" })).toEqual({ id: 6, error: "n: must be a positive integer, got undefined" });
    expect(answer({ id: 9, op: "klFormula", args: [2] })).toEqual({ id: 9, error: "args: must be an object, got an array of length 1" });
  });

  test("a value exactly halfway between two decimals of the asked length has no certified digit: an error, not a guess", () => {
    // p = (3/20, 17/20), n = 1: pi = p; 0.15 is not a binary fraction, so its enclosure is [0.15 - tiny, 0.15 + tiny],
    // whose ends round to 1 digit as 0.1 and 0.2.
    const response = answer({ id: 11, op: "bonPmf", args: { p: ["3/20", "17/20"], n: 1 } }, 1) as { id: number; error: string };
    expect(response.id).toBe(11);
    expect(response.error).toMatch(/^no certified digit: the enclosure \[1\.49+\d*e-1, 1\.50+\d*e-1\] straddles a rounding boundary at every length up to 1 digits \(a value exactly halfway between two decimals, or the precision cap reached\)$/);
    expect(answer({ id: 12, op: "bonPmf", args: { p: ["3/20", "17/20"], n: 1 } }, 2)).toMatchObject({ id: 12, value: ["1.5e-1", "8.5e-1"] });
  });

  test("every asked digit is certified, and the enclosure is tight to two digits more", () => {
    // ln 2 - 1/2 = 0.19314718055994530941723212145817656807550013...: to 38 digits ...680|755 rounds to ...6808; the
    // 40-digit decimals around it are ...680755 and ...680756. An oracle run to only 36 digits' accuracy gives fewer.
    expect(answer({ id: 1, op: "klFormula", args: { n: 2 } }, 38)).toEqual({
      id: 1,
      value: "1.9314718055994530941723212145817656808e-1",
      enclosure: ["1.931471805599453094172321214581765680755e-1", "1.931471805599453094172321214581765680756e-1"],
    });
    // 42 digits: ...07550|0134 lies between ...0755 00 and ...0755 01.
    expect(answer({ id: 2, op: "klFormula", args: { n: 2 } }, 40)).toMatchObject({
      enclosure: ["1.931471805599453094172321214581765680755e-1", "1.93147180559945309417232121458176568075501e-1"],
    });
  });

  test("digits set the accuracy asked of the oracle", () => {
    const value = (digits: number) => (answer({ id: 1, op: "klFormula", args: { n: 2 } }, digits) as { value: string }).value;
    expect(value(3)).toBe("1.93e-1");
    expect(value(40)).toBe("1.931471805599453094172321214581765680755e-1");
    expect(value(60)).toBe("1.93147180559945309417232121458176568075500134360255254120680e-1".replace(/0e-1$/, "e-1"));
  });
});

describe("serveStdio", () => {
  const saved = { stdin: Object.getOwnPropertyDescriptor(process, "stdin"), stdout: Object.getOwnPropertyDescriptor(process, "stdout") };
  afterEach(() => {
    Object.defineProperty(process, "stdin", saved.stdin as PropertyDescriptor);
    Object.defineProperty(process, "stdout", saved.stdout as PropertyDescriptor);
  });

  /** Runs serveStdio over `input`, with a stdout that takes `capacity` bytes before it asks to wait for "drain". */
  async function serve(input: string, capacity: number, beforeWrite?: (out: Writable) => void): Promise<string[]> {
    const lines: string[] = [];
    const out = new Writable({
      highWaterMark: capacity,
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString("utf8"));
        setTimeout(done, 1);
      },
    });
    if (beforeWrite !== undefined) {
      const write = out.write.bind(out) as (chunk: unknown) => boolean;
      out.write = ((chunk: unknown) => {
        beforeWrite(out);
        return write(chunk);
      }) as typeof out.write;
    }
    Object.defineProperty(process, "stdin", { value: Readable.from([input]), configurable: true });
    Object.defineProperty(process, "stdout", { value: out, configurable: true });
    await serveStdio({ digits: 5, workers: 1 });
    await new Promise<void>((resolve) => out.end(resolve));
    return lines;
  }

  const ids = (lines: string[]) => lines.map((l) => (JSON.parse(l) as { id: number }).id);

  test("answers every line (in the order they finish: the protocol matches by id), skips blank ones, CRLF or LF", async () => {
    const input = '{"id":1,"op":"klFormula","args":{"n":1}}\r\n\n{"id":2,"op":"capabilities"}\n{"id":3,"op":"klFormula","args":{"n":2}}';
    const lines = await serve(input, 1 << 20);
    expect(lines.map((l) => l.endsWith("\n"))).toEqual([true, true, true]);
    expect(ids(lines).sort()).toEqual([1, 2, 3]);
    expect(lines.map((l) => JSON.parse(l) as unknown)).toContainEqual({ id: 3, value: "1.9315e-1", enclosure: ["1.931471e-1", "1.931472e-1"] });
  });

  test("never queues a response behind a full stdout: each line is written to an empty buffer", async () => {
    const input = Array.from({ length: 10 }, (_, i) => JSON.stringify({ id: i, op: "klFormula", args: { n: 1 } })).join("\n");
    const queued: number[] = [];
    const lines = await serve(input, 1, (out) => queued.push(out.writableLength));
    expect(lines).toHaveLength(10);
    expect(queued).toEqual(Array.from({ length: 10 }, () => 0));
  });

  test("waits for a full stdout to drain and loses nothing", async () => {
    const input = Array.from({ length: 20 }, (_, i) => JSON.stringify({ id: i, op: "klFormula", args: { n: 1 } })).join("\n");
    const lines = await serve(input, 1);
    expect(ids(lines).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});

describe("serveStdio with a client that never reads its answers", () => {
  const saved = { stdin: Object.getOwnPropertyDescriptor(process, "stdin"), stdout: Object.getOwnPropertyDescriptor(process, "stdout") };
  afterEach(() => {
    Object.defineProperty(process, "stdin", saved.stdin as PropertyDescriptor);
    Object.defineProperty(process, "stdout", saved.stdout as PropertyDescriptor);
  });

  test("stops reading stdin while 1024 requests wait for their answers (memory bounded), and ends when stdout closes", async () => {
    let produced = 0;
    const input = new Readable({
      read() {
        if (produced < 1_000_000) this.push(`{"id":${produced++},"op":"capabilities"}\n`);
      },
    });
    const out = new Writable({ highWaterMark: 1, write() {} }); // never drains
    Object.defineProperty(process, "stdin", { value: input, configurable: true });
    Object.defineProperty(process, "stdout", { value: out, configurable: true });
    const serving = serveStdio({ digits: 5, workers: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(produced, "requests read while none could be answered").toBeLessThan(1024 + 1000); // + what stdin buffers
    out.destroy(); // the client goes away
    await serving;
  });
});

