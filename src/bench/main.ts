/**
 * `npm run bench`: speed and memory targets of bonkl, each with PASS/FAIL. `--quick` runs smaller sizes.
 * Results are printed and written to bench-results.json in the working directory when --json is given.
 */
import { writeFileSync } from "node:fs";
import { oracleBench } from "./oracle-bench.ts";
import { floatKlBench, protocolThroughputBench } from "./float-bench.ts";
import { conformanceMemoryBench } from "./conformance-memory-bench.ts";
import { longCheckMemoryBench } from "./long-check-memory-bench.ts";
import type { BenchResult } from "./result.ts";

const quick = process.argv.includes("--quick");
const jsonIndex = process.argv.indexOf("--json");
const log = (line: string) => process.stdout.write(`${line}\n`);

const results: BenchResult[] = [];
log(`bonkl bench (${quick ? "quick" : "full"}), node ${process.version}, ${new Date().toISOString()}`);
log("\n[oracle]");
results.push(...oracleBench(log, { quick }));
log("\n[float library and protocol]");
results.push(floatKlBench(log));
results.push(await protocolThroughputBench(log));
log("\n[conformance]");
results.push(await conformanceMemoryBench(log, { quick }));
results.push(await longCheckMemoryBench(log, { quick }));

log("\nSummary:");
for (const r of results) log(`  ${r.pass ? "PASS" : "FAIL"}  ${r.name}: ${r.value.toFixed(r.unit === "s" ? 3 : 2)} ${r.unit} (target ${r.target})`);
if (jsonIndex > 0 && process.argv[jsonIndex + 1]) writeFileSync(process.argv[jsonIndex + 1]!, `${JSON.stringify(results, null, 2)}\n`);
process.exitCode = results.every((r) => r.pass) ? 0 : 1;
