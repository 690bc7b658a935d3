/**
 * `npm run bench`: speed and memory targets of bonkl, each with PASS/FAIL. `--quick` runs smaller sizes;
 * `--only serve,check` runs only the named sections (oracle, float, conformance, serve, check).
 * Results are printed and written to a JSON file when `--json FILE` is given. What each row measures: README.md here.
 */
import { writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { oracleBench } from "./oracle-bench.ts";
import { hugeExponentBench } from "./huge-exponent-bench.ts";
import { floatKlBench, protocolThroughputBench } from "./float-bench.ts";
import { conformanceMemoryBench } from "./conformance-memory-bench.ts";
import { longCheckMemoryBench } from "./long-check-memory-bench.ts";
import { serveBench } from "./serve-bench.ts";
import { checkBench } from "./check-bench.ts";
import { cliStartBench } from "./cli-start-bench.ts";
import type { BenchResult } from "./result.ts";

const SECTIONS = ["cli", "oracle", "float", "conformance", "serve", "check"] as const;

const quick = process.argv.includes("--quick");
const jsonIndex = process.argv.indexOf("--json");
const onlyIndex = process.argv.indexOf("--only");
const only = onlyIndex > 0 ? (process.argv[onlyIndex + 1] ?? "").split(",").filter(Boolean) : [...SECTIONS];
const unknown = only.filter((s) => !(SECTIONS as readonly string[]).includes(s));
if (unknown.length > 0 || only.length === 0) {
  process.stderr.write(`bench: --only takes a comma-separated list of ${SECTIONS.join(", ")}; got ${JSON.stringify(process.argv[onlyIndex + 1] ?? "")}\n`);
  process.exit(2);
}
const runs = (section: (typeof SECTIONS)[number]) => only.includes(section);
const log = (line: string) => process.stdout.write(`${line}\n`);

const results: BenchResult[] = [];
log(`bonkl bench (${quick ? "quick" : "full"}${only.length < SECTIONS.length ? `; only ${only.join(", ")}` : ""}), node ${process.version}, ${new Date().toISOString()}`);
log(`${availableParallelism()} cores, load average ${loadavg().map((x) => x.toFixed(2)).join(" ")} at start (timings are only comparable on a quiet machine)`);
if (runs("cli")) {
  log("\n[command line start-up]");
  results.push(cliStartBench(log, { quick }));
}
if (runs("oracle")) {
  log("\n[oracle]");
  results.push(...oracleBench(log, { quick }));
  results.push(hugeExponentBench(log, { quick }));
}
if (runs("float")) {
  log("\n[float library and protocol]");
  results.push(floatKlBench(log));
  results.push(await protocolThroughputBench(log));
}
if (runs("conformance")) {
  log("\n[conformance]");
  results.push(await conformanceMemoryBench(log, { quick }));
  results.push(await longCheckMemoryBench(log, { quick }));
}
if (runs("serve")) {
  log("\n[serve: the oracle as a user meets it, vs mpmath and Arb]");
  results.push(...(await serveBench(log, { quick })));
}
if (runs("check")) {
  log("\n[check: the default bonkl check run]");
  results.push(await checkBench(log));
}

log("\nSummary:");
for (const r of results) log(`  ${r.pass ? "PASS" : "FAIL"}  ${r.name}: ${r.value.toFixed(r.unit === "s" ? 3 : 2)} ${r.unit} (target ${r.target})`);
if (jsonIndex > 0 && process.argv[jsonIndex + 1]) writeFileSync(process.argv[jsonIndex + 1]!, `${JSON.stringify(results, null, 2)}\n`);
process.exitCode = results.every((r) => r.pass) ? 0 : 1;
