// Not a subject: the JSON Lines loop shared by the zoo's Node program subjects (spec/protocol.md, "Any program").
// serve({op: fn, ...}) answers `capabilities` with the ops given, an op it was not given with "unsupported op",
// and a throw with its message. JSON.stringify writes NaN and Infinity as null, which bonkl reports as wrong.
import { createInterface } from "node:readline";

export async function serve(ops) {
  for await (const line of createInterface({ input: process.stdin })) {
    const { id, op, args } = JSON.parse(line);
    let response;
    try {
      if (op === "capabilities") response = { id, value: Object.keys(ops) };
      else if (typeof ops[op] !== "function") response = { id, error: `unsupported op: ${op}` };
      else response = { id, value: ops[op](args) };
    } catch (error) {
      response = { id, error: String(error?.message ?? error) };
    }
    process.stdout.write(`${JSON.stringify(response)}\n`);
  }
}
