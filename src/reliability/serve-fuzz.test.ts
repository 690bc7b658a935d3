// `bonkl serve` fed garbage: every line that is not blank gets exactly one JSON response line (an error naming the
// id when it can be read, `"id": null` otherwise), in order; the server never throws, writes nothing to stderr and
// exits 0 when its stdin ends. In-process (answerLine) for many lines, through the real command for one stream.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { opNames } from "../oracle/index.ts";
import { answerLine } from "../serve/answer-line.ts";
import { hostileValue } from "./hostile-args.ts";
import { runBonkl } from "./run-bonkl.ts";

const deep = process.env.BONKL_DEEP === "1";
const lines = Number(process.env.BONKL_SERVE_FUZZ_CASES ?? (deep ? 5000 : 300));
const seed = Number(process.env.BONKL_FUZZ_SEED ?? 20240604);

/** JSON.stringify that never throws (bigints become strings). */
const toJson = (value: unknown): string => JSON.stringify(value, (_, v: unknown) => (typeof v === "bigint" ? String(v) : v)) ?? "null";

/** Lines a confused or hostile client might send. */
const garbageLine: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.json({ maxDepth: 3 }),
  fc.constantFrom("", "   ", "{", "}", "null", "[]", '{"id": 1}', '{"id": 1e400, "op": "klFormula", "args": {"n": 2}}', '{"id": -0, "op": "klFormula", "args": {"n": 2}}', '{"id": 9007199254740993, "op": "capabilities"}', '{"id": "7", "op": "klFormula", "args": {"n": 2}}', '{"id": 1, "op": "klFormula", "args": null}', '{"id": 1, "op": "klFormula", "args": [2]}', '{"id": 1, "op": "__proto__", "args": {}}', '{"id": 1, "op": "constructor", "args": {}}', '{"id": 1, "op": "toString", "args": {}}', '{"id": 2, "op": "klFormula", "args": {"n": 2}} trailing', "\u0000\u0001", "\uFEFF{}", `{"id": 3, "op": "klFormula", "args": {"n": "${"9".repeat(10_000)}"}}`),
  fc.record({ id: fc.oneof(fc.integer(), hostileValue), op: fc.oneof(fc.constantFrom(...opNames, "capabilities", "nope"), hostileValue), args: hostileValue }).map(toJson),
  fc.record({ id: fc.integer(), op: fc.constantFrom(...opNames), args: fc.dictionary(fc.constantFrom("p", "n", "r", "eps", "logEps", "alpha", "per", "components"), hostileValue, { maxKeys: 3 }) }).map(toJson),
);

function expectResponse(line: string, response: string | null): void {
  if (line.trim() === "") {
    expect(response).toBeNull();
    return;
  }
  expect(typeof response, line).toBe("string");
  const parsed = JSON.parse(response as string) as Record<string, unknown>;
  expect(parsed.id === null || Number.isInteger(parsed.id), response as string).toBe(true);
  expect(("value" in parsed) !== ("error" in parsed), response as string).toBe(true);
  if ("error" in parsed) expect(typeof parsed.error).toBe("string");
}

describe("bonkl serve with garbage on stdin", () => {
  test(`${lines} garbage lines in-process: one well-formed response each, never a throw`, () => {
    let internal = 0;
    for (const line of fc.sample(garbageLine, { seed, numRuns: lines })) {
      const response = answerLine(line, { digits: 20 });
      expectResponse(line, response);
      if (response !== null && response.includes('"error":"internal error')) internal += 1;
    }
    expect(internal, "untyped errors inside the oracle").toBe(0);
  });

  test("the real command: a stream of garbage (invalid UTF-8, NUL, CRLF, a 10 MB line) is answered line by line, exit 0", async () => {
    const textLines = [...fc.sample(garbageLine, { seed: seed + 1, numRuns: 60 }).map((l) => l.replace(/[\r\n]/g, " ")), '{"id": 42, "op": "klFormula", "args": {"n": 2}}', `{"id": 43, "op": "klBon", "args": {"p": "${"0.1,".repeat(2_500_000)}", "n": 2}}`, '{"id": 44, "op": "capabilities"}\r'];
    const input = Buffer.concat([Buffer.from(`${textLines.join("\n")}\n`), Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x0a])]);
    const run = await runBonkl(["serve", "--digits", "20"], { stdin: input });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe("");
    const expected = [...textLines.filter((l) => l.trim() !== ""), "(binary)"];
    const responses = run.stdout.split("\n").filter((l) => l !== "");
    expect(responses).toHaveLength(expected.length);
    for (const response of responses) expectResponse("x", response);
    const byId = new Map(responses.map((r) => JSON.parse(r) as { id: number | null; value?: unknown; error?: string }).map((r) => [r.id, r]));
    expect(byId.get(42)?.value).toBe("1.9314718055994530942e-1"); // log 2 - 1/2
    expect(byId.get(43)?.error).toMatch(/^p: must be an array of probabilities/);
    expect(Array.isArray(byId.get(44)?.value)).toBe(true);
  });
});
