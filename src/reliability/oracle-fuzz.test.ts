// Hostile input to the oracle: compute(op, args) for every op with arbitrary JSON-ish args (src/reliability/
// hostile-args.ts) ends in a value or a typed error (BonklError), never an untyped exception, a hang or a dead thread,
// each case within a time limit (2 s; BONKL_FUZZ_CASE_MS). Default: 200 cases; BONKL_DEEP=1: 10,000;
// BONKL_FUZZ_CASES=N: N (BONKL_FUZZ_SEED picks the seed). The figures of the deep run are in spec/reliability.md.
import { describe, expect, test } from "vitest";
import { opNames } from "../oracle/index.ts";
import { formatFuzzSummary, fuzzCaseCount, fuzzOracle, type FuzzFinding } from "./oracle-fuzz.ts";

const cases = fuzzCaseCount(200);
const seed = Number(process.env.BONKL_FUZZ_SEED ?? 20240604);
const timeLimitMs = Number(process.env.BONKL_FUZZ_CASE_MS ?? 2000);

/**
 * Known and reported (spec/reliability.md, "Findings"): renyi with alpha so large that p_i^alpha leaves MPFR's
 * exponent range (alpha log2(1/p_i) beyond about 2^30: alpha > 1e8 for p_i = 1/1000) climbs to the precision cap and
 * returns an honest but vacuous enclosure ([0.07, +inf] for a uniform p), which takes more than 2 s from a few
 * hundred outcomes on. Such timeouts (alpha > 1e7) are listed, not failed.
 */
function isKnownSlowRenyi(f: FuzzFinding): boolean {
  const alpha = /"alpha": ([^,}]+)/.exec(f.input)?.[1];
  return f.outcome.kind === "timeout" && f.op === "renyi" && alpha !== undefined && Number(alpha.replaceAll('"', "")) > 1e7;
}

describe("oracle fuzz", () => {
  test(
    `compute(op, hostile args): a value or a typed error within ${timeLimitMs} ms, ${cases} cases`,
    async () => {
      const summary = await fuzzOracle({ cases, seed, timeLimitMs });
      console.info(formatFuzzSummary(summary));
      const findings = summary.findings.filter((f) => !isKnownSlowRenyi(f));
      expect(findings, formatFuzzSummary(summary)).toEqual([]);
      expect(summary.counts.value).toBeGreaterThan(0);
      expect(summary.counts.typed).toBeGreaterThan(0);
      if (cases >= 200) expect(Object.keys(summary.perOp).sort()).toEqual([...opNames].sort());
    },
    60_000 + cases * 150,
  );
});
